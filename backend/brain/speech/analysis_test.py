from brain.speech.analysis import TARGET_NOT_FOUND, Analysis, SpeechRequest, SpeechResult, merged, parts
from brain.speech.quality import Quality
from brain.speech.transcription import LOCAL, Transcript

EVERY = frozenset(Analysis)
QUIET = Quality(duration_ms=1000, peak_dbfs=-40.0, rms_dbfs=-45.0, clipped_fraction=0.0, snr_db=30.0)


def test_the_analyses_other_than_the_transcript_are_parts_apart_and_prosody_stays_with_articulation():
    request = SpeechRequest(EVERY, 96, "the cat sat")

    found = parts(request)

    assert [part.analyses for part in found] == [{Analysis.ARTICULATION, Analysis.PROSODY}, {Analysis.FLUENCY}]
    assert all(part.target_text == "the cat sat" and part.child_age_months == 96 for part in found)
    assert not any(part.reads_transcript for part in found)


def test_without_a_target_fluency_and_rhythm_read_the_transcript():
    found = parts(SpeechRequest(EVERY, 96))

    assert [part.reads_transcript for part in found] == [True, True]


def test_a_transcript_alone_leaves_a_part_that_measures_the_quality():
    assert parts(SpeechRequest(frozenset({Analysis.TRANSCRIPT}), 96)) == [SpeechRequest(frozenset(), 96)]


def test_only_the_analyses_asked_for_become_parts():
    request = SpeechRequest(frozenset({Analysis.PROSODY, Analysis.FLUENCY}), 96, "the cat sat")

    assert [part.analyses for part in parts(request)] == [{Analysis.PROSODY}, {Analysis.FLUENCY}]


def test_a_request_for_no_analysis_is_one_part_that_measures_the_quality():
    request = SpeechRequest(frozenset(), 96, "the cat sat")

    assert parts(request) == [request]


def test_merged_parts_keep_each_ones_analysis_and_warn_of_the_quality_once():
    transcript = Transcript((), LOCAL)
    low = QUIET.warnings()
    results = [
        SpeechResult(QUIET, low, transcript=transcript),
        SpeechResult(QUIET, (*low, TARGET_NOT_FOUND)),
    ]

    result = merged(results)

    assert result.transcript is transcript and result.quality == QUIET
    assert result.warnings == (*low, TARGET_NOT_FOUND)
