import protovalidate

from aivo.brain.v1 import speech_pb2 as pb
from brain.convert.speech import articulation_to_proto
from brain.speech import Articulation, ErrorKind
from brain.speech.articulation import AlignedPhoneme, ArticulationError


def test_a_distortion_keeps_its_kind_and_goodness_and_meets_the_contract():
    phoneme = AlignedPhoneme("sun", "S", "S", 0, 90, goodness=-31.5, distorted=True)
    error = ArticulationError("sun", "S", "", ErrorKind.DISTORTION, "", 51, True, 0, 90, goodness=-31.5)
    articulation = Articulation((phoneme,), (error,), consonants_target=1, consonants_correct=0)

    message = articulation_to_proto(articulation)

    assert [(e.kind, e.goodness) for e in message.errors] == [(pb.ARTICULATION_ERROR_KIND_DISTORTION, -31.5)]
    assert [(p.goodness, p.correct) for p in message.phonemes] == [(-31.5, False)]
    protovalidate.validate(message)
