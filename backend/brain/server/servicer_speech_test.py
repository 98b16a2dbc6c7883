import asyncio

import grpc
import pytest

from aivo.brain.v1 import speech_pb2 as pb
from brain.server.testing import focus_request, headers
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, EvalSet, missing_tools


@pytest.fixture(scope="module")
def evalset(tmp_path_factory) -> EvalSet:
    if missing := missing_tools():
        pytest.skip(f"the speech evaluation set needs {', '.join(missing)} (scripts/setup.sh installs them)")
    return EvalSet(tmp_path_factory.mktemp("speech-evalset"))


def wav(path) -> pb.Audio:
    return pb.Audio(data=path.read_bytes(), encoding=pb.AUDIO_ENCODING_WAV)


async def refusal(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await call
    return refused.value


async def test_analyze_speech_runs_every_analysis_of_a_recording_in_one_call(brain, evalset):
    audio = wav(evalset.said("the wed wabbit", voice=ADULT_VOICE, pitch=ADULT_PITCH))

    response = await brain.stub.AnalyzeSpeech(
        pb.AnalyzeSpeechRequest(audio=audio, child_age_months=48, target_text="the red rabbit"), metadata=headers()
    )

    assert response.transcript.recognizer == "pocketsphinx"
    assert [(e.word, e.process, e.age_appropriate) for e in response.articulation.errors] == [
        ("red", "gliding", True),
        ("rabbit", "gliding", True),
    ]
    assert response.articulation.age_norms_source.startswith("Crowe & McLeod 2020")
    assert response.fluency.syllable_count == 4 and response.fluency.pause_threshold_ms == 250
    assert response.prosody.median_f0_hz > 0 and response.prosody.contour_step_ms == 10
    assert response.quality.duration_ms > 500 and response.warnings == []


async def test_analyze_speech_with_a_task_runs_only_that_analysis(brain, evalset):
    request = pb.AnalyzeSpeechRequest(
        audio=wav(evalset.said("is it a big ball?")), child_age_months=72, task=pb.SPEECH_TASK_PROSODY
    )

    response = await brain.stub.AnalyzeSpeech(request, metadata=headers())

    assert response.prosody.terminal_contour == pb.TERMINAL_CONTOUR_RISING
    assert not response.HasField("transcript") and not response.HasField("fluency")


async def test_each_speech_rpc_answers_its_own_analysis(brain, evalset):
    paused, _ = evalset.with_pause("i want the", "ball", 0.6)
    audio = wav(paused)
    metadata = headers()

    fluency = await brain.stub.AnalyzeFluency(
        pb.AnalyzeFluencyRequest(audio=audio, child_age_months=60, target_text="i want the ball"), metadata=metadata
    )
    prosody = await brain.stub.AnalyzeProsody(
        pb.AnalyzeProsodyRequest(audio=audio, child_age_months=60), metadata=metadata
    )
    transcript = await brain.stub.TranscribeSpeech(pb.TranscribeSpeechRequest(audio=audio), metadata=metadata)
    articulation = await brain.stub.AnalyzeArticulation(
        pb.AnalyzeArticulationRequest(audio=audio, child_age_months=60, target_text="i want the ball"),
        metadata=metadata,
    )

    assert fluency.fluency.pause_count == 1 and fluency.fluency.pauses[0].end_ms > fluency.fluency.pauses[0].start_ms
    assert prosody.prosody.median_f0_hz > 150
    assert transcript.transcript.words and transcript.quality.duration_ms > 1500
    assert [p.word for p in articulation.articulation.phonemes][0] == "i"


@pytest.mark.parametrize(
    ("audio", "target", "details"),
    [
        (
            pb.Audio(data=bytes(32000), encoding=pb.AUDIO_ENCODING_PCM_S16LE, sample_rate_hz=16000),
            "",
            "audio.data: is silence only",
        ),
        (pb.Audio(data=b"not audio at all"), "", "audio.data: is audio that cannot be decoded"),
        (None, "the red zxqvb", "target_text: has words the pronunciation dictionary lacks: zxqvb"),
    ],
)
async def test_audio_or_targets_that_cannot_be_analysed_are_refused_naming_the_field_and_the_brain_goes_on(
    brain, evalset, audio, target, details
):
    good = wav(evalset.said("the red rabbit"))
    bad = pb.AnalyzeSpeechRequest(audio=audio or good, child_age_months=60, target_text=target)

    refused = await refusal(brain.stub.AnalyzeSpeech(bad, metadata=headers()))
    after = await brain.stub.AnalyzeProsody(
        pb.AnalyzeProsodyRequest(audio=good, child_age_months=60), metadata=headers()
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith(details)
    assert after.prosody.median_f0_hz > 0


async def test_a_declared_rate_the_header_contradicts_is_refused(brain, evalset):
    audio = pb.Audio(data=evalset.said("ball").read_bytes(), sample_rate_hz=16000)

    refused = await refusal(brain.stub.TranscribeSpeech(pb.TranscribeSpeechRequest(audio=audio), metadata=headers()))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details() == "audio.sample_rate_hz: is 16000 Hz but the header says 22050 Hz"


async def test_a_cheap_call_is_answered_while_a_long_speech_analysis_runs(brain, evalset):
    audio = wav(evalset.said("the north wind and the sun were disputing which was the stronger"))
    analysis = asyncio.ensure_future(
        brain.stub.AnalyzeSpeech(pb.AnalyzeSpeechRequest(audio=audio, child_age_months=96), metadata=headers())
    )
    await asyncio.sleep(0)

    focus = await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    assert focus.components and not analysis.done()
    assert (await analysis).transcript.words
