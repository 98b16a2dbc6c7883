"""The difficulty scale: levels 1-100 as the clients see them, logits as the models compute with.

Level 50 is difficulty 0 and every 12.5 levels is one logit, so the scale spans about -4 to +4 logits:
wide enough for learners from far below to far above the middle of a subject.
"""

import math

LOWEST_LEVEL = 1
HIGHEST_LEVEL = 100
_MIDDLE_LEVEL = 50.0
_LEVELS_PER_LOGIT = 12.5


def level_to_logit(level: float) -> float:
    return (level - _MIDDLE_LEVEL) / _LEVELS_PER_LOGIT


def logit_to_level(difficulty: float) -> int:
    """The nearest level to a difficulty, kept within the scale."""
    level = round(_MIDDLE_LEVEL + difficulty * _LEVELS_PER_LOGIT)
    return min(HIGHEST_LEVEL, max(LOWEST_LEVEL, level))


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def logit(p: float) -> float:
    return math.log(p / (1.0 - p))
