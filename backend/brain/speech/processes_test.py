from brain.speech.processes import (
    BACKING,
    CLUSTER_REDUCTION,
    DISTORTIONS,
    FINAL_CONSONANT_DELETION,
    GLIDING,
    INTERDENTAL_LISP,
    STOPPING,
    VELAR_FRONTING,
    Edit,
    edit_at,
    forms_of,
)


def produced(target: str) -> dict[tuple[str, ...], tuple[Edit, ...]]:
    return {form.phones: form.edits for form in forms_of(tuple(target.split()))}


def test_the_target_itself_comes_first_without_edits():
    assert forms_of(("R", "AE", "B", "AH", "T"))[0].edits == ()


def test_rabbit_glides_fronts_nothing_and_loses_its_final_t():
    forms = produced("R AE B AH T")

    assert forms[("W", "AE", "B", "AH", "T")] == (Edit(0, "W", GLIDING),)
    assert forms[("R", "AE", "B", "AH", "K")] == (Edit(4, "K", BACKING),)
    assert forms[("R", "AE", "B", "AH")] == (Edit(4, None, FINAL_CONSONANT_DELETION),)
    assert not any(edit.process == VELAR_FRONTING for edits in forms.values() for edit in edits)


def test_cup_is_fronted_and_fish_is_stopped():
    assert produced("K AH P")[("T", "AH", "P")] == (Edit(0, "T", VELAR_FRONTING),)
    assert produced("F IH SH")[("P", "IH", "SH")] == (Edit(0, "P", STOPPING),)


def test_an_initial_cluster_loses_either_consonant():
    forms = produced("S P UW N")

    assert forms[("P", "UW", "N")] == (Edit(0, None, CLUSTER_REDUCTION),)
    assert forms[("S", "UW", "N")] == (Edit(1, None, CLUSTER_REDUCTION),)


def test_a_liquid_after_the_vowel_is_not_glided():
    assert (("K", "AA", "W")) not in produced("K AA R")


def test_an_omission_maps_later_phones_back_to_their_target_places():
    form = next(f for f in forms_of(("S", "P", "UW", "N")) if f.edits == (Edit(0, None, CLUSTER_REDUCTION),))

    assert [form.target_index(i) for i in range(3)] == [1, 2, 3]


def test_s_between_the_teeth_is_an_interdental_lisp_a_distortion():
    assert produced("S AH N")[("TH", "AH", "N")] == (Edit(0, "TH", INTERDENTAL_LISP),)
    assert INTERDENTAL_LISP in DISTORTIONS


def test_the_edit_at_a_place_is_the_one_a_process_makes_there():
    assert edit_at(("K", "AE", "T"), 2, None) == Edit(2, None, FINAL_CONSONANT_DELETION)
    assert edit_at(("K", "AE", "T"), 0, None) is None
    assert edit_at(("T", "AA", "P"), 0, "K") == Edit(0, "K", BACKING)
    assert edit_at(("T", "AA", "P"), 0, "G") is None
