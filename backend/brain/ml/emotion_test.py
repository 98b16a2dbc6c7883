import pytest

from brain.errors import InvalidInputError
from brain.ml.emotion import Prosody, detect_emotion

CALM_VOICE = Prosody(pitch_range_semitones=3.0, intensity_range_db=10.0, articulation_rate=2.0)
AGITATED_VOICE = Prosody(pitch_range_semitones=16.0, intensity_range_db=35.0, articulation_rate=5.0)


def test_angry_text_about_a_hard_task_reads_as_frustrated_from_the_text_alone():
    emotion = detect_emotion("I hate this, it is too hard!!", None)

    assert emotion.emotion == "frustrated"
    assert emotion.valence < -0.5
    assert emotion.signals == ("text_sentiment",)
    assert emotion.confidence == pytest.approx(-emotion.valence)


def test_happy_text_reads_as_positive():
    emotion = detect_emotion("yay I got it right!", None)

    assert emotion.emotion == "excited"
    assert emotion.valence > 0.5


def test_a_calm_voice_turns_negative_text_into_discouraged_and_is_named_as_a_signal():
    emotion = detect_emotion("I hate this, it is too hard", CALM_VOICE)

    assert emotion.emotion == "discouraged"
    assert emotion.arousal < 0.5
    assert emotion.signals == ("text_sentiment", "voice_prosody")


def test_an_agitated_voice_raises_arousal_above_a_calm_one():
    assert detect_emotion("", AGITATED_VOICE).arousal > 0.8
    assert detect_emotion("", CALM_VOICE).arousal < 0.3


def test_a_voice_alone_gives_arousal_with_neutral_valence():
    emotion = detect_emotion("", AGITATED_VOICE)

    assert (emotion.emotion, emotion.valence, emotion.signals) == ("neutral", 0.0, ("voice_prosody",))


def test_neither_text_nor_voice_is_invalid_input_naming_text():
    with pytest.raises(InvalidInputError) as refused:
        detect_emotion("   ", None)

    assert refused.value.field == "text"
