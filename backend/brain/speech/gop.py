"""Goodness of Pronunciation (after Witt & Young 2000): how well each phone's frames fit the phone the child was
asked to say, and when an error form explains a word better than the target does.

Scores are forced-alignment log-likelihoods taken against each frame's best-scoring model (the recogniser's own
normalisation), so a phone's goodness, its log-likelihood per frame, is 0 when nothing fits its frames better and
falls as other sounds fit them better: Witt & Young's ratio with the best single model standing in for the free
phone loop.
"""

from brain.speech.recognizer import ScoredPhone

_FRAME_MS = 10

# An error form replaces the target only when it raises the log-likelihood of the whole stretch by this much (a
# likelihood ratio): below it the recogniser is guessing between near-equal forms, and the target, said far more
# often, is the better bet. Omissions need more: a left-out phone's frames go to its neighbours or to silence, which
# fit the short, weak ends of words almost as well as the consonant itself, so every word ending favours its
# deletion a little. Set on the evaluation set (articulation_cases) as the lowest margins that keep words said right
# free of errors.
SUBSTITUTION_MARGIN_NATS = 8.0
OMISSION_MARGIN_NATS = 25.0

# A consonant whose frames fit it this badly (nats per frame) is not what was said: left out where a process could
# leave it out, else distorted. Consonants said right score above -12 in the middle of words on the evaluation
# set, and above about -20 at its edges (a first or last consonant shares its frames with the silence around it).
POOR_GOODNESS = -20.0


def goodness(phone: ScoredPhone) -> float:
    """The phone's log-likelihood per 10 ms frame, in nats; 0 at best."""
    return phone.log_likelihood / max(1, (phone.end_ms - phone.start_ms) // _FRAME_MS)


def error_form_wins(form_log_likelihood: float, target_log_likelihood: float, omission: bool) -> bool:
    """Whether the error form explains the stretch better than the target by the margin."""
    margin = OMISSION_MARGIN_NATS if omission else SUBSTITUTION_MARGIN_NATS
    return form_log_likelihood - target_log_likelihood > margin


def poor(goodness_per_frame: float) -> bool:
    return goodness_per_frame < POOR_GOODNESS
