"""Observed modality preference: how well a learner does with each way of presenting items, as a posterior.

Each modality's success rate has a Beta(1 + correct, 1 + wrong) posterior (a uniform prior updated by the
answers), reported as its mean and a 90% credible interval. It describes this learner's record, not a
"learning style": there is no adequate evidence that matching teaching to a style helps (Pashler et al. 2008).
"""

from collections.abc import Mapping
from dataclasses import dataclass

from scipy.special import betaincinv

MODALITIES = ("visual", "auditory", "reading", "hands_on")
NOTE = (
    "An observed preference: how this learner has done so far with each way of presenting items, with its "
    "uncertainty. It is not a learning style; there is no adequate evidence that matching teaching to a "
    "learning style improves learning (Pashler et al. 2008), so use it to vary presentation, not to restrict it."
)
_INTERVAL = 0.90


@dataclass(frozen=True, slots=True)
class ModalityEvidence:
    trials: int
    successes: int


@dataclass(frozen=True, slots=True)
class ModalityPreference:
    modality: str
    probability: float
    credible_interval_low: float
    credible_interval_high: float


@dataclass(frozen=True, slots=True)
class ModalityPreferences:
    preferences: tuple[ModalityPreference, ...]
    note: str
    # One minus the width of the strongest preference's interval.
    confidence: float


def modality_preferences(evidence: Mapping[str, ModalityEvidence]) -> ModalityPreferences:
    """Every modality, strongest first; one without answers is at the prior (mean 0.5, interval 0.05-0.95)."""
    preferences = sorted(
        (_posterior(modality, evidence.get(modality, ModalityEvidence(0, 0))) for modality in MODALITIES),
        key=lambda preference: -preference.probability,
    )
    top = preferences[0]
    return ModalityPreferences(tuple(preferences), NOTE, 1.0 - (top.credible_interval_high - top.credible_interval_low))


def success_mean(evidence: ModalityEvidence) -> float:
    """The posterior mean success rate in a modality."""
    return (1 + evidence.successes) / (2 + evidence.trials)


def _posterior(modality: str, evidence: ModalityEvidence) -> ModalityPreference:
    a, b = 1 + evidence.successes, 1 + evidence.trials - evidence.successes
    tail = (1 - _INTERVAL) / 2
    return ModalityPreference(
        modality, success_mean(evidence), float(betaincinv(a, b, tail)), float(betaincinv(a, b, 1 - tail))
    )
