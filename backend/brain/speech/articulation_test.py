from itertools import groupby

import pytest

from brain.speech.articulation import ErrorKind, analyze_articulation, judge_phonemes, shares
from brain.speech.articulation_cases import CORRECT, ERRORS, SPAN_TOLERANCE_MS, Case, judged_right
from brain.speech.audio import AudioFormat, decode_audio
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, CHILD_PITCH, CHILD_VOICE, north_wind
from brain.speech.processes import (
    BACKING,
    CLUSTER_REDUCTION,
    FINAL_CONSONANT_DELETION,
    GLIDING,
    INTERDENTAL_LISP,
    STOPPING,
    VELAR_FRONTING,
    Form,
)
from brain.speech.recognizer import ScoredPhone
from brain.speech.targets import TargetWord, target_words
from brain.speech.testing import clip_of, speech_sample

FOUR_YEARS, SEVEN_YEARS = 48, 84
VOICES = {"adult": (ADULT_VOICE, ADULT_PITCH), "child-like": (CHILD_VOICE, CHILD_PITCH)}
# Floors one below what the evaluation set gets right today in each voice (66 and 65 of len(ERRORS) error cases, 95 and
# 95 of len(CORRECT) cases said right): a change making articulation worse fails here, one borderline case moving with
# the recogniser's search settings does not.
ERRORS_FOUND_AT_LEAST = {"adult": 65, "child-like": 64}
SAID_RIGHT_CLEAN_AT_LEAST = {"adult": 94, "child-like": 94}


CAT = TargetWord("cat", ("K", "AE", "T"))


def said_as_target(per_frame: list[float]) -> list:
    """cat said as itself, each phone 50 ms long fitting its frames per_frame nats each."""
    phones = [
        ScoredPhone("cat", phone, 50 * i, 50 * (i + 1), 5 * goodness)
        for i, (phone, goodness) in enumerate(zip(CAT.phones, per_frame, strict=True))
    ]
    return judge_phonemes(CAT, Form(CAT.phones, ()), tuple(phones))


def articulation_of(evalset, said: str, target: str, age: int = FOUR_YEARS, voice: str = "adult"):
    name, pitch = VOICES[voice]
    clip = clip_of(evalset.said(said, voice=name, pitch=pitch))
    return analyze_articulation(clip, target_words(target), age), round(1000 * clip.duration_s)


def test_a_word_said_right_has_no_errors_and_full_pcc(evalset):
    articulation, _ = articulation_of(evalset, "rabbit", "rabbit")

    assert articulation.errors == ()
    assert articulation.percent_consonants_correct == 100
    assert [p.target for p in articulation.phonemes] == ["R", "AE", "B", "AH", "T"]
    assert all(a.end_ms <= b.start_ms for a, b in zip(articulation.phonemes, articulation.phonemes[1:], strict=False))
    assert all(p.goodness <= 0 for p in articulation.phonemes)


def test_r_said_as_w_is_gliding_at_the_start_of_the_word_and_typical_at_four(evalset):
    articulation, _ = articulation_of(evalset, "[[w'abIt]]", "rabbit")

    (error,) = articulation.errors
    assert (error.target, error.produced, error.kind, error.process) == ("R", "W", ErrorKind.SUBSTITUTION, GLIDING)
    assert error.start_ms == pytest.approx(0, abs=SPAN_TOLERANCE_MS) and error.end_ms > error.start_ms
    assert error.age_appropriate and error.typical_by_months == 72
    assert articulation.consonants_target == 3 and articulation.consonants_correct == 2


def test_the_same_gliding_at_seven_is_not_age_appropriate(evalset):
    articulation, _ = articulation_of(evalset, "[[w'abIt]]", "rabbit", SEVEN_YEARS)

    (error,) = articulation.errors
    assert not error.age_appropriate


def test_k_said_as_t_is_velar_fronting(evalset):
    articulation, _ = articulation_of(evalset, "[[t'at]]", "cat")

    (error,) = articulation.errors
    assert (error.target, error.produced, error.process) == ("K", "T", VELAR_FRONTING)


def test_v_said_as_b_is_stopping(evalset):
    articulation, _ = articulation_of(evalset, "[[b'an]]", "van")

    (error,) = articulation.errors
    assert (error.target, error.produced, error.process) == ("V", "B", STOPPING)


def test_a_dropped_s_in_a_cluster_is_cluster_reduction_as_an_omission(evalset):
    articulation, _ = articulation_of(evalset, "[[p'u:n]]", "spoon")

    (error,) = articulation.errors
    assert (error.target, error.produced, error.kind, error.process) == ("S", "", ErrorKind.OMISSION, CLUSTER_REDUCTION)
    assert error.start_ms == error.end_ms


def test_gliding_in_two_words_of_a_sentence_is_found_in_each_in_time_order(evalset):
    articulation, _ = articulation_of(evalset, "the wed wabbit", "the red rabbit")

    assert [(e.word, e.process) for e in articulation.errors] == [("red", GLIDING), ("rabbit", GLIDING)]
    assert articulation.errors[0].end_ms <= articulation.errors[1].start_ms
    assert articulation.percent_consonants_correct == pytest.approx(100 * 4 / 6)


# Errors the recogniser's adult model does not hear, found by their acoustic cues (obstruents.py, liquids.py), in both
# voices.
FOUND_BY_CUES = {
    "[[w'Ed]]": ("red", "R", "W", GLIDING),
    "[[w'Eg]]": ("leg", "L", "W", GLIDING),
    "[[w'Uk]]": ("look", "L", "W", GLIDING),
    "[[w'0k]]": ("lock", "L", "W", GLIDING),
    "[[t'Vp]]": ("cup", "K", "T", VELAR_FRONTING),
    "[[k'0p]]": ("top", "T", "K", BACKING),
    "[[t'Vn]]": ("sun", "S", "T", STOPPING),
    "[[t'oUp]]": ("soap", "S", "T", STOPPING),
    "[[T'Vn]]": ("sun", "S", "TH", INTERDENTAL_LISP),
    "[[T'oUp]]": ("soap", "S", "TH", INTERDENTAL_LISP),
    "[[k'a]]": ("cat", "T", "", FINAL_CONSONANT_DELETION),
    "[[b'V]]": ("bus", "S", "", FINAL_CONSONANT_DELETION),
    "[[x'Vp]]": ("cup", "K", "", ""),
    "[[d'eIt]]": ("gate", "G", "D", VELAR_FRONTING),
    "[[g'0g]]": ("dog", "D", "G", BACKING),
    "[[d'0d]]": ("dog", "G", "D", VELAR_FRONTING),
    "[[l'E]]": ("leg", "G", "", FINAL_CONSONANT_DELETION),
    "[[b'Vt]]": ("bus", "S", "T", STOPPING),
    "[[t'i:]]": ("teeth", "TH", "", FINAL_CONSONANT_DELETION),
    "[[d'o:]]": ("door", "R", "", FINAL_CONSONANT_DELETION),
}


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize("said", FOUND_BY_CUES)
def test_an_error_the_recogniser_misses_is_found_by_its_acoustic_cues_where_it_was_said(evalset, said, voice):
    target, phoneme, produced, process = FOUND_BY_CUES[said]

    articulation, duration_ms = articulation_of(evalset, said, target, voice=voice)

    (error,) = articulation.errors
    assert (error.target, error.produced, error.process) == (phoneme, produced, process)
    if phoneme == target_words(target)[0].phones[0]:
        assert error.start_ms == pytest.approx(0, abs=SPAN_TOLERANCE_MS) and error.end_ms > error.start_ms
    elif produced:  # a final consonant said as another: a span that ends where the recording does
        assert error.start_ms < error.end_ms == pytest.approx(duration_ms, abs=SPAN_TOLERANCE_MS)
    else:  # a final consonant left out: an empty span where the recording ends
        assert error.start_ms == error.end_ms == pytest.approx(duration_ms, abs=SPAN_TOLERANCE_MS)


# Words said right that the recogniser's adult model hears as errors in one voice or both (/v/ as [b], /d/ as [g],
# final /k/ as [t] or /g/ as [d], a final stop left out, /r/ as [w], the /l/ of a cluster left out, the first
# consonant of a cluster with /l/ left out, a last /z/ as [d] or [ð], a last /f/ as [p], /tʃ/ as [t], a last stop
# after a nasal left out, /k/ before /s/ as [t], a first /z/ as [ð], a last /θ/ or /r/ left out): their cues say they
# were said right, and a first /b/ as distorted.
HEARD_AS_ERRORS = (
    *("van", "duck", "sock", "dig", "cake", "cap", "snake", "run", "seven", "plenty", "box", "zebra", "zoo", "bath"),
    *("glue", "gleam", "clue", "fly", "floor", "flew", "rose", "nose", "buzz", "his", "off", "laugh", "cuff"),
    *("chair", "cheese", "teacher", "kitchen", "lamp", "jump", "camp", "car", "boat"),
)


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize("word", HEARD_AS_ERRORS)
def test_a_word_said_right_that_the_recogniser_hears_as_an_error_is_judged_clean_by_its_cues(evalset, word, voice):
    articulation, _ = articulation_of(evalset, word, word, voice=voice)

    assert articulation.errors == ()
    assert articulation.percent_consonants_correct == 100


REDUCED_CLUSTERS = {
    "[[b'u:]]": "blue",
    "[[b'ak]]": "black",
    "[[g'as]]": "glass",
    "[[p'eI]]": "play",
    "[[k'i:n]]": "clean",
    "[[f'ag]]": "flag",
    "[[s'i:p]]": "sleep",
    "[[k'0k]]": "clock",
    "[[f'aI]]": "fly",
}


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize("said", REDUCED_CLUSTERS)
def test_a_cluster_said_without_its_l_is_cluster_reduction_with_an_empty_span_after_the_first_consonant(
    evalset, said, voice
):
    articulation, duration_ms = articulation_of(evalset, said, REDUCED_CLUSTERS[said], voice=voice)

    (error,) = articulation.errors
    assert (error.target, error.produced, error.kind, error.process) == ("L", "", ErrorKind.OMISSION, CLUSTER_REDUCTION)
    assert 0 < error.start_ms == error.end_ms < duration_ms


@pytest.mark.parametrize("voice", VOICES)
def test_a_cluster_said_without_its_first_consonant_stays_cluster_reduction(evalset, voice):
    articulation, _ = articulation_of(evalset, "[[l'o@]]", "floor", voice=voice)

    assert [(e.target, e.produced, e.process) for e in articulation.errors] == [("F", "", CLUSTER_REDUCTION)]


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize(
    ("said", "target"), [("[[t'e@]]", "chair"), ("[[t'i:t3]]", "teacher"), ("[[D@ t'e@]]", "the chair")]
)
def test_an_affricate_said_as_t_is_stopping_by_its_short_noise(evalset, voice, said, target):
    articulation, _ = articulation_of(evalset, said, target, voice=voice)

    assert [(e.target, e.produced, e.process) for e in articulation.errors] == [("CH", "T", STOPPING)]


@pytest.mark.parametrize("voice", VOICES)
def test_a_v_between_vowels_heard_as_b_is_said_right_where_its_high_band_barely_rises(evalset, voice):
    sentence = "a big brown dog jumped over the fence"

    articulation, _ = articulation_of(evalset, sentence, sentence, voice=voice)

    assert articulation.errors == ()


@pytest.mark.parametrize("voice", VOICES)
def test_a_b_said_for_a_v_between_vowels_is_stopping_by_its_closure_without_noise(evalset, voice):
    articulation, _ = articulation_of(evalset, "[['oUb3]]", "over", voice=voice)

    assert [(e.target, e.produced, e.process) for e in articulation.errors] == [("V", "B", STOPPING)]


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize(
    ("sentence", "said_wrong", "error"),
    [
        # an /f/ after another word is [p] only where it rises out of a closure
        ("the fence", "[[D@ p'Ens]]", ("fence", "F", "P", STOPPING)),
        # a word's last stop released into the next word keeps the place its burst shows
        ("the red rabbit", "[[D@2 r'Eg r'abIt]]", ("red", "D", "G", BACKING)),
    ],
)
def test_a_consonant_inside_a_sentence_judged_by_its_cue_is_clean_said_right_and_found_said_wrong(
    evalset, voice, sentence, said_wrong, error
):
    said_right, _ = articulation_of(evalset, sentence, sentence, voice=voice)
    wrong, _ = articulation_of(evalset, said_wrong, sentence, voice=voice)

    assert said_right.errors == ()
    assert [(e.word, e.target, e.produced, e.process) for e in wrong.errors] == [error]


@pytest.mark.parametrize("voice", VOICES)
def test_a_word_final_stop_before_another_obstruent_is_not_judged_by_what_follows_its_closure(evalset, voice):
    articulation, _ = articulation_of(evalset, "read the road", "read the road", voice=voice)

    assert articulation.errors == ()


@pytest.mark.parametrize("voice", VOICES)
def test_a_word_final_stop_heard_at_the_next_words_place_is_assimilation_not_an_error(evalset, voice):
    articulation, _ = articulation_of(evalset, "big dog", "big dog", voice=voice)

    assert articulation.errors == ()


def test_an_error_heard_among_other_words_that_cannot_be_weighed_against_the_target_is_not_reported(evalset):
    sentence = "a big brown dog jumped over the fence"

    # In the child-like voice the recogniser hears "jumped" as [dumped] but cannot align "jumped" itself here.
    articulation, _ = articulation_of(evalset, sentence, sentence, voice="child-like")

    assert "jumped" not in {error.word for error in articulation.errors}


def test_a_lisped_s_is_a_distortion_and_a_velar_fricative_for_k_one_without_a_process(evalset):
    lisp, _ = articulation_of(evalset, "[[T'Vn]]", "sun")
    fricative, _ = articulation_of(evalset, "[[x'Vp]]", "cup")

    assert [e.kind for e in lisp.errors + fricative.errors] == [ErrorKind.DISTORTION, ErrorKind.DISTORTION]
    assert fricative.percent_consonants_correct == pytest.approx(50)


def test_a_long_target_said_right_is_scored_word_by_word_with_few_errors(evalset):
    passage = north_wind(22)

    articulation = analyze_articulation(clip_of(evalset.said(passage)), target_words(passage), FOUR_YEARS)

    assert articulation.unscored_words == ()
    assert articulation.percent_consonants_correct >= 85
    assert all(a.start_ms <= b.start_ms for a, b in zip(articulation.phonemes, articulation.phonemes[1:], strict=False))


@pytest.mark.parametrize(
    ("voice", "words"),
    [("child-like", 20), ("adult", 38)],  # the alignment's search loses the first whole; its phone pass the second
)
def test_a_passage_read_slowly_that_the_alignment_loses_whole_is_aligned_in_pieces_and_scored(evalset, voice, words):
    passage = north_wind(words)
    name, pitch = VOICES[voice]
    clip = clip_of(evalset.said(passage, voice=name, pitch=pitch, words_per_minute=100))

    articulation = analyze_articulation(clip, target_words(passage), FOUR_YEARS)

    assert articulation is not None and articulation.unscored_words == ()
    assert [word for word, _ in groupby(p.word for p in articulation.phonemes)] == passage.split()
    assert articulation.percent_consonants_correct >= 85
    assert all(a.start_ms <= b.start_ms for a, b in zip(articulation.phonemes, articulation.phonemes[1:], strict=False))


# Errors reported on the passage's first 38 words said right at 130 words per minute, both voices together: 8 before
# the cues heard /s z tʃ/ inside sentences, a stop held into the next one, a last stop released into the next word and
# a /d/ after another word by its burst; none today.
PASSAGE_ERRORS_AT_MOST = 1


def test_a_passage_said_right_in_both_voices_reports_few_errors_and_none_on_its_sibilants_or_held_stops(evalset):
    passage = north_wind(38)
    errors = []
    for name, pitch in VOICES.values():
        clip = clip_of(evalset.said(passage, voice=name, pitch=pitch, words_per_minute=130))
        errors += analyze_articulation(clip, target_words(passage), FOUR_YEARS).errors

    assert len(errors) <= PASSAGE_ERRORS_AT_MOST
    assert not [e for e in errors if e.target in ("S", "Z", "CH", "D") or e.word in ("wrapped", "take", "cloak")]


def test_a_passage_in_the_adult_voice_is_aligned_and_scored_whole(evalset):
    passage = north_wind(27)

    articulation, _ = articulation_of(evalset, passage, passage)

    assert articulation.unscored_words == ()
    assert len({p.word for p in articulation.phonemes}) == len(set(passage.split()))
    assert articulation.percent_consonants_correct >= 90


# The real adult recordings beside the checkout, each read fluently from its transcript (../shared/speech-samples).
REAL_READINGS = {
    "goforward.raw": "go forward ten meters",
    "forever_input_2_16k.wav": "feels like these days go on forever",
    "jfk.wav": (
        "and so my fellow americans ask not what your country can do for you ask what you can do for your country"
    ),
    "the_north_wind_and_the_sun.wav": "the north wind and the sun",
}
# Errors reported today on all four: none. There were 12, 10 of them from cues: six /f/ read as [p], and in jfk.wav,
# which has next to nothing above 4 kHz, a lisped "so" and two "what" backed; then 3: "like" as [w] (a man's dark /l/),
# and in jfk.wav "country" heard with [k] and the /k/ of "ask what" left out (elided, as connected speech does).
REAL_READINGS_ERRORS_AT_MOST = 0


def test_fluent_adult_readings_report_few_errors_and_none_on_f_or_on_sounds_a_band_limited_recording_cannot_show():
    errors = []
    for name, transcript in REAL_READINGS.items():
        data = speech_sample(name).read_bytes()
        raw = name.endswith(".raw")
        clip = decode_audio(data, AudioFormat.PCM_S16LE if raw else AudioFormat.AUTO, 16000 if raw else 0, 120)
        errors += analyze_articulation(clip, target_words(transcript), SEVEN_YEARS).errors

    assert len(errors) <= REAL_READINGS_ERRORS_AT_MOST
    assert not [e for e in errors if e.target == "F" or e.process in (INTERDENTAL_LISP, STOPPING)]
    assert not [e for e in errors if e.word in ("so", "what", "like", "country", "ask")]


def test_phones_that_fit_well_are_correct_with_their_goodness():
    judged = said_as_target([-2.0, -1.0, -3.0])

    assert [(p.produced, p.correct, p.goodness, edit) for p, edit in judged] == [
        ("K", True, -2.0, None),
        ("AE", True, -1.0, None),
        ("T", True, -3.0, None),
    ]


def test_a_final_consonant_that_fits_its_frames_poorly_was_left_out():
    (_, _, (phoneme, edit)) = said_as_target([-2.0, -1.0, -40.0])

    assert (phoneme.produced, phoneme.correct, edit.process) == ("", False, FINAL_CONSONANT_DELETION)


def test_a_consonant_no_process_leaves_out_that_fits_poorly_is_distorted():
    ((phoneme, edit), _, _) = said_as_target([-40.0, -1.0, -2.0])

    assert (phoneme.produced, phoneme.distorted, phoneme.correct, edit) == ("K", True, False, None)


@pytest.mark.parametrize("voice", VOICES)
def test_the_evaluation_set_is_judged_right_at_least_as_often_as_today(evalset, voice):
    def right(case: Case) -> bool:
        articulation, duration_ms = articulation_of(evalset, case.said, case.target, voice=voice)
        return judged_right(case, articulation, duration_ms)

    errors_found = sum(right(case) for case in ERRORS)
    said_right_clean = sum(right(case) for case in CORRECT)

    assert errors_found >= ERRORS_FOUND_AT_LEAST[voice]
    assert said_right_clean >= SAID_RIGHT_CLEAN_AT_LEAST[voice]


def test_a_long_targets_words_are_shared_out_in_order_in_runs_that_take_about_as_long_to_hear():
    lengths_ms = [100, 100, 100, 500, 100, 100]
    starts = [sum(lengths_ms[:i]) for i in range(len(lengths_ms))]
    as_targets = [
        (Form(CAT.phones, ()), (ScoredPhone("cat", "K", start, start + length, 0.0),))
        for start, length in zip(starts, lengths_ms, strict=True)
    ]

    runs = shares(as_targets, 2)

    assert runs == [range(0, 3), range(3, 6)]  # 3 x (100 + padding) against 500 + 2 x 100, each with its padding
