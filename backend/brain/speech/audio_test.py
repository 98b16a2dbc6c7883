import io

import numpy as np
import pytest
import soundfile

from brain.errors import InvalidInputError
from brain.speech.audio import ANALYSIS_RATE_HZ, AudioFormat, decode_audio
from brain.speech.testing import tone


def encoded(samples: np.ndarray, rate: int, file_format: str = "WAV", subtype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, samples, rate, format=file_format, subtype=subtype)
    return buffer.getvalue()


@pytest.mark.parametrize("subtype", ["PCM_16", "PCM_24", "PCM_32", "FLOAT"])
def test_wav_of_every_sample_format_decodes_to_the_same_clip_at_the_analysis_rate(subtype):
    data = encoded(tone(0.5, rate=44_100), 44_100, subtype=subtype)

    clip = decode_audio(data, AudioFormat.WAV, 44_100, 120)

    assert clip.duration_s == pytest.approx(0.5, abs=0.001)
    assert np.max(np.abs(clip.samples)) == pytest.approx(0.5, abs=0.01)


@pytest.mark.parametrize("file_format", ["FLAC", "OGG"])
def test_flac_and_ogg_decode_when_the_header_says_what_they_are(file_format):
    data = encoded(tone(0.5, rate=22_050), 22_050, file_format)

    clip = decode_audio(data, AudioFormat.AUTO, 0, 120)

    assert clip.duration_s == pytest.approx(0.5, abs=0.01)


def test_stereo_is_mixed_to_mono():
    left = tone(0.3)
    stereo = np.stack([left, -left * 0 + left], axis=1)

    clip = decode_audio(encoded(stereo, ANALYSIS_RATE_HZ), AudioFormat.AUTO, 0, 120)

    assert clip.samples.ndim == 1 and np.allclose(clip.samples, left, atol=1e-4)


def test_raw_pcm16_uses_the_declared_rate():
    pcm = (tone(1.0, rate=8000) * 32767).astype("<i2").tobytes()

    clip = decode_audio(pcm, AudioFormat.PCM_S16LE, 8000, 120)

    assert clip.duration_s == pytest.approx(1.0)
    assert len(clip.pcm16()) == 2 * ANALYSIS_RATE_HZ


@pytest.mark.parametrize(
    ("data", "audio_format", "rate", "field", "words"),
    [
        (b"", AudioFormat.AUTO, 0, "audio.data", "empty"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", AudioFormat.AUTO, 0, "audio.data", "cannot be decoded"),
        (b"\x00\x01\x02", AudioFormat.PCM_S16LE, 16000, "audio.data", "whole 16-bit samples"),
        (b"\x00\x01", AudioFormat.PCM_S16LE, 0, "audio.sample_rate_hz", "required"),
        (encoded(tone(0.2), 16000), AudioFormat.AUTO, 44100, "audio.sample_rate_hz", "header says 16000"),
        (encoded(tone(0.2), 16000), AudioFormat.FLAC, 0, "audio.encoding", "data is WAV"),
        (encoded(np.zeros(16000, dtype=np.float32), 16000), AudioFormat.AUTO, 0, "audio.data", "silence"),
        (encoded(tone(3.0), 16000), AudioFormat.AUTO, 0, "audio.data", "2 s limit"),
        (b"\x01\x02\x03\x04", AudioFormat.PCM_S16LE, 16000, "audio.data", "shorter than the 100 ms"),
    ],
)
def test_audio_that_cannot_be_analysed_is_refused_naming_the_field(data, audio_format, rate, field, words):
    with pytest.raises(InvalidInputError) as refused:
        decode_audio(data, audio_format, rate, 2)

    assert refused.value.field == field
    assert words in refused.value.message
