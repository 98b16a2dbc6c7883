import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

from brain.speech.audio import AudioFormat, decode_audio
from brain.speech.testing import clip_of, speech_sample
from brain.speech.transcription import LOCAL, transcribe_locally, words_of

# goforward.raw's documented word spans, in seconds (pocketsphinx test data).
GO_FORWARD = [("go", 0.46, 0.63), ("forward", 0.64, 1.16), ("ten", 1.17, 1.52), ("meters", 1.53, 2.11)]
TIMING_TOLERANCE_S = 0.1


def test_a_real_recording_is_transcribed_with_word_timings_near_the_documented_ones():
    clip = decode_audio(speech_sample("goforward.raw").read_bytes(), AudioFormat.PCM_S16LE, 16000, 120)

    transcript = transcribe_locally(clip)

    assert transcript.recognizer == LOCAL
    assert [w.text for w in transcript.words] == [word for word, _, _ in GO_FORWARD]
    for word, (_, start_s, end_s) in zip(transcript.words, GO_FORWARD, strict=True):
        assert word.start_ms / 1000 == pytest.approx(start_s, abs=TIMING_TOLERANCE_S)
        assert word.end_ms / 1000 == pytest.approx(end_s, abs=TIMING_TOLERANCE_S)
        assert 0 <= word.confidence <= 1


def test_most_words_of_a_longer_real_recording_are_found():
    expected = words_of(
        "And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country."
    )

    transcript = transcribe_locally(clip_of(speech_sample("jfk.wav")))

    found = [word for word in set(expected) if word in transcript.text.split()]
    assert len(found) >= 0.6 * len(set(expected))
    assert all(a.end_ms <= b.start_ms for a, b in zip(transcript.words, transcript.words[1:], strict=False))


def test_a_recording_is_transcribed_as_in_a_fresh_process_whatever_was_transcribed_before():
    go_forward = decode_audio(speech_sample("goforward.raw").read_bytes(), AudioFormat.PCM_S16LE, 16000, 120)
    another = clip_of(speech_sample("forever_input_2_16k.wav"))
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as fresh_process:
        alone = fresh_process.submit(transcribe_locally, go_forward).result()

    transcribe_locally(another)
    after_another = transcribe_locally(go_forward)

    assert after_another == alone


def test_words_of_drops_punctuation_and_keeps_apostrophes():
    assert words_of("Ask not what YOUR country's flag...") == ["ask", "not", "what", "your", "country's", "flag"]
