import pytest

from brain.errors import InvalidInputError
from brain.ml.learning_path import SkillNode, plan_learning_path, prerequisite_order

COUNTING = SkillNode("counting", ())
ADDITION = SkillNode("addition", ("counting",))
SUBTRACTION = SkillNode("subtraction", ("counting",))
MULTIPLICATION = SkillNode("multiplication", ("addition",))
GRAPH = (MULTIPLICATION, SUBTRACTION, ADDITION, COUNTING)


def test_prerequisites_come_before_the_skills_that_need_them():
    order = [skill.skill_id for skill in prerequisite_order(GRAPH)]

    assert order.index("counting") < order.index("addition") < order.index("multiplication")


def test_a_new_learner_starts_with_the_skill_without_prerequisites():
    path = plan_learning_path(GRAPH, {}, limit=5)

    assert path.steps[0].skill_id == "counting"
    assert path.confidence == 0.0


def test_mastered_skills_leave_the_path_and_what_they_unlock_comes_first():
    path = plan_learning_path(GRAPH, {"counting": 0.99, "addition": 0.3}, limit=5)

    ids = [step.skill_id for step in path.steps]
    assert "counting" not in ids
    assert set(ids[:2]) == {"addition", "subtraction"}
    assert ids[-1] == "multiplication"
    assert path.confidence == pytest.approx(0.5)


def test_the_limit_cuts_the_path():
    assert len(plan_learning_path(GRAPH, {}, limit=2).steps) == 2


def test_a_prerequisite_cycle_is_invalid_input_naming_the_skills_in_it():
    cyclic = (SkillNode("a", ("c",)), SkillNode("b", ("a",)), SkillNode("c", ("b",)), COUNTING)

    with pytest.raises(InvalidInputError) as refused:
        prerequisite_order(cyclic)

    assert refused.value.field == "skills"
    assert "a, b, c" in refused.value.message


@pytest.mark.parametrize(
    ("skills", "field"),
    [
        ((), "skills"),
        ((COUNTING, COUNTING), "skills[1].skill_id"),
        ((COUNTING, SkillNode("addition", ("counting", "reading"))), "skills[1].prerequisite_ids"),
    ],
)
def test_an_empty_graph_a_duplicate_skill_or_an_unknown_prerequisite_is_invalid_input(skills, field):
    with pytest.raises(InvalidInputError) as refused:
        prerequisite_order(skills)

    assert refused.value.field == field
