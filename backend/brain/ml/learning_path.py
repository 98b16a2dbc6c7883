"""The personalised learning path: the next skills to practise over a prerequisite graph, by BKT mastery."""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from brain.errors import InvalidInputError
from brain.ml.bkt import DEFAULT_BKT, BktParameters, expected_gain

# Mastery at which a skill counts as learnt, the usual BKT criterion.
MASTERED = 0.95


@dataclass(frozen=True, slots=True)
class SkillNode:
    skill_id: str
    prerequisite_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PathStep:
    skill_id: str
    mastery: float
    expected_mastery_gain: float


@dataclass(frozen=True, slots=True)
class LearningPath:
    steps: tuple[PathStep, ...]
    # The share of the graph's skills whose mastery rests on recorded answers rather than the prior.
    confidence: float


def plan_learning_path(
    skills: Sequence[SkillNode], recorded: Mapping[str, float], limit: int, parameters: BktParameters = DEFAULT_BKT
) -> LearningPath:
    """The unmastered skills by expected mastery gain from practising them now: BKT's (1 - P(L)) P(T), times the
    chance that every prerequisite is mastered (taken as independent), so a skill waits for what it builds on.
    Skills without recorded answers are at the prior. Ties keep the graph's prerequisite order."""
    order = prerequisite_order(skills)
    mastery = {skill.skill_id: recorded.get(skill.skill_id, parameters.prior) for skill in skills}
    steps = [
        PathStep(
            skill.skill_id,
            mastery[skill.skill_id],
            expected_gain(mastery[skill.skill_id], parameters) * math.prod(mastery[p] for p in skill.prerequisite_ids),
        )
        for skill in order
        if mastery[skill.skill_id] < MASTERED
    ]
    steps.sort(key=lambda step: -step.expected_mastery_gain)
    known = sum(skill.skill_id in recorded for skill in skills)
    return LearningPath(tuple(steps[:limit]), known / len(skills))


def prerequisite_order(skills: Sequence[SkillNode]) -> list[SkillNode]:
    """The skills with every prerequisite before the skills that need it (Kahn's algorithm); a duplicate skill,
    an unknown prerequisite or a cycle is invalid input naming the field."""
    if not skills:
        raise InvalidInputError("skills", "need at least one skill")
    by_id: dict[str, SkillNode] = {}
    for index, skill in enumerate(skills):
        if skill.skill_id in by_id:
            raise InvalidInputError(f"skills[{index}].skill_id", f"'{skill.skill_id}' appears twice")
        by_id[skill.skill_id] = skill
    for index, skill in enumerate(skills):
        for prerequisite in skill.prerequisite_ids:
            if prerequisite not in by_id:
                raise InvalidInputError(f"skills[{index}].prerequisite_ids", f"'{prerequisite}' is not in skills")
    waiting = {skill.skill_id: len(set(skill.prerequisite_ids)) for skill in skills}
    needed_by: dict[str, list[str]] = {skill.skill_id: [] for skill in skills}
    for skill in skills:
        for prerequisite in set(skill.prerequisite_ids):
            needed_by[prerequisite].append(skill.skill_id)
    ready = [skill.skill_id for skill in skills if waiting[skill.skill_id] == 0]
    order: list[SkillNode] = []
    while ready:
        skill_id = ready.pop(0)
        order.append(by_id[skill_id])
        for follower in needed_by[skill_id]:
            waiting[follower] -= 1
            if waiting[follower] == 0:
                ready.append(follower)
    if len(order) < len(skills):
        in_cycle = sorted(skill_id for skill_id, count in waiting.items() if count > 0)
        raise InvalidInputError("skills", f"the prerequisites form a cycle through {', '.join(in_cycle)}")
    return order
