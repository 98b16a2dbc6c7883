import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest

from brain.speech.audio import ANALYSIS_RATE_HZ, AudioFormat, Clip, decode_audio
from brain.speech.testing import clip_of, speech_sample, tone
from brain.speech.transcription import LOCAL, dictation_pieces, transcribe_locally, words_of

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


def test_a_piece_of_a_recording_is_timed_from_where_it_starts_in_the_recording():
    clip = decode_audio(speech_sample("goforward.raw").read_bytes(), AudioFormat.PCM_S16LE, 16000, 120)

    whole, piece = transcribe_locally(clip), transcribe_locally(clip, start_ms=20_000)

    assert [w.text for w in piece.words] == [w.text for w in whole.words]
    assert [(w.start_ms - 20_000, w.end_ms - 20_000) for w in piece.words] == [
        (w.start_ms, w.end_ms) for w in whole.words
    ]


def sound_with_silences(seconds: float, silences: list[tuple[float, float]]) -> Clip:
    """A tone of the given length, silent over its first and last 1.5 s (for the floor speech is measured above) and
    over each (start, length) in seconds."""
    samples = tone(seconds)
    samples[: round(1.5 * ANALYSIS_RATE_HZ)] = samples[-round(1.5 * ANALYSIS_RATE_HZ) :] = 0
    for start_s, length_s in silences:
        samples[round(start_s * ANALYSIS_RATE_HZ) : round((start_s + length_s) * ANALYSIS_RATE_HZ)] = 0
    return Clip(samples)


def test_a_long_clip_is_dictated_in_two_pieces_cut_in_the_longest_silence_of_its_middle_third():
    clip = sound_with_silences(30, [(4, 1.0), (12, 0.2), (17, 0.4), (19, 0.1)])

    assert dictation_pieces(clip) == [(0, 17_200), (17_200, 30_000)]


@pytest.mark.parametrize(
    ("seconds", "silences"),
    [(19, [(9, 0.4)]), (30, [(4, 1.0), (15, 0.1), (25, 1.0)])],
    ids=["too short to cut", "no silence longer than a stop's closure in its middle"],
)
def test_a_clip_is_dictated_whole_when_it_is_short_or_has_nowhere_to_cut(seconds, silences):
    clip = sound_with_silences(seconds, silences)

    assert dictation_pieces(clip) == [(0, seconds * 1000)]


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
