"""Emotion from what a learner wrote or said, and from their voice when prosody features are given.

Valence is VADER's compound score (Hutto & Gilbert 2014), a lexicon and rules tuned for short informal text.
Arousal comes from the voice when there is one: a wider pitch range, a wider loudness range and faster speech
all go with higher arousal (Juslin & Laukka 2003); each feature counts relative to a typical child's value.
Without a voice, arousal is the intensity of the text's sentiment. The emotion is the valence-arousal quadrant.
"""

import math
from dataclasses import dataclass
from functools import cache

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from brain.errors import InvalidInputError
from brain.ml.levels import sigmoid

# VADER's own thresholds for positive and negative text.
_NEUTRAL_BAND = 0.05
# Per feature: a typical child's value and the spread that counts as one step up or down in arousal.
# Articulation rate: median 2.7 syllables/s at 3 years to 3.3 at 8 (Mahr et al. 2021).
_PROSODY_REFERENCES = {
    "pitch_range_semitones": (8.0, 4.0),
    "intensity_range_db": (20.0, 8.0),
    "articulation_rate": (3.0, 1.0),
}


@dataclass(frozen=True, slots=True)
class Prosody:
    pitch_range_semitones: float
    intensity_range_db: float
    articulation_rate: float


@dataclass(frozen=True, slots=True)
class Emotion:
    emotion: str
    valence: float
    arousal: float
    confidence: float
    signals: tuple[str, ...]


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    return SentimentIntensityAnalyzer()


def detect_emotion(text: str, prosody: Prosody | None) -> Emotion:
    """The emotion, its valence (-1 to 1) and arousal (0 to 1), and the signals used. Confidence is the
    strength of the text's sentiment (VADER's |compound|), or how far arousal is from its midpoint when
    only a voice was given."""
    if not text.strip() and prosody is None:
        raise InvalidInputError("text", "need text or prosody features to read an emotion from")
    signals: list[str] = []
    valence = 0.0
    if text.strip():
        valence = _analyzer().polarity_scores(text)["compound"]
        signals.append("text_sentiment")
    if prosody is not None:
        arousal = _voice_arousal(prosody)
        signals.append("voice_prosody")
    else:
        arousal = abs(valence)
    confidence = abs(valence) if text.strip() else abs(2 * arousal - 1)
    return Emotion(_quadrant(valence, arousal), valence, arousal, confidence, tuple(signals))


def _voice_arousal(prosody: Prosody) -> float:
    steps = [
        (getattr(prosody, feature) - typical) / spread for feature, (typical, spread) in _PROSODY_REFERENCES.items()
    ]
    return sigmoid(math.fsum(steps) / len(steps))


def _quadrant(valence: float, arousal: float) -> str:
    if abs(valence) < _NEUTRAL_BAND:
        return "neutral"
    if valence > 0:
        return "excited" if arousal >= 0.5 else "content"
    return "frustrated" if arousal >= 0.5 else "discouraged"
