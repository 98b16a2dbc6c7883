from aivo.brain.v1 import speech_pb2 as pb
from brain.convert.speech import fluency_to_proto, prosody_request, prosody_to_proto
from brain.speech import Disfluency, DisfluencyKind, Fluency, Prosody, RhythmBasis, Terminal


def test_prolongations_and_blocks_keep_their_kind_and_span():
    fluency = Fluency(
        3.0, 180.0, 3.5, (), (
            Disfluency(DisfluencyKind.PROLONGATION, "sun", 700, 1300),
            Disfluency(DisfluencyKind.BLOCK, "table", 1500, 1900),
        ), 5, 5, 250,
    )  # fmt: skip

    message = fluency_to_proto(fluency)

    assert [(d.kind, d.text, d.start_ms, d.end_ms) for d in message.disfluencies] == [
        (pb.DISFLUENCY_KIND_PROLONGATION, "sun", 700, 1300),
        (pb.DISFLUENCY_KIND_BLOCK, "table", 1500, 1900),
    ]
    assert message.percent_syllables_stuttered == 40


def test_a_multisyllabic_word_repetition_keeps_its_kind_and_is_not_counted_as_stuttered():
    repetition = Disfluency(DisfluencyKind.MULTISYLLABIC_WORD_REPETITION, "rabbit", 400, 1200)

    message = fluency_to_proto(Fluency(3.0, 180.0, 3.5, (), (repetition,), 6, 4, 250))

    assert message.disfluencies[0].kind == pb.DISFLUENCY_KIND_MULTISYLLABIC_WORD_REPETITION
    assert message.percent_syllables_stuttered == 0


def test_the_rhythm_basis_says_whether_npvi_was_measured_on_vowels():
    prosody = Prosody(
        240.0, 240.0, 200.0, 280.0, 5.8, 1.5, (), 60.0, Terminal.FALLING, -8.0, 45.0, RhythmBasis.VOWELS, 1.0, 5.0,
        15.0, 0.5,
    )  # fmt: skip

    assert prosody_to_proto(prosody).npvi_basis == pb.RHYTHM_BASIS_VOWELS


def test_a_prosody_request_carries_its_target_text():
    request = prosody_request(pb.AnalyzeProsodyRequest(child_age_months=60, target_text="the red rabbit"))

    assert request.target_text == "the red rabbit"
