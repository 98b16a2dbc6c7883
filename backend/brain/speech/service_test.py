import json
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brain.errors import InvalidInputError
from brain.speech import Analysis, AudioFormat, AudioInput, SpeechRequest, SpeechService, recognizer
from brain.speech.analysis import TARGET_NOT_FOUND
from brain.speech.articulation import analyze_articulation
from brain.speech.evalset import north_wind
from brain.speech.external import ExternalRecognizer
from brain.speech.targets import target_words
from brain.speech.testing import clip_of
from brain.speech.transcription import EXTERNAL, LOCAL

TRANSCRIBE = SpeechRequest(frozenset({Analysis.TRANSCRIPT}), 96)
WORDS = [{"word": "Hello", "start": 0.1, "end": 0.4, "probability": 0.9}, {"word": "there", "start": 0.45, "end": 0.8}]


class Recognizer(BaseHTTPRequestHandler):
    """A local server speaking the OpenAI-compatible transcription wire format; records what it was sent."""

    received: list[tuple[str, dict, bytes]] = []
    fail = False

    def do_POST(self):
        body = self.rfile.read(int(self.headers["content-length"]))
        Recognizer.received.append((self.path, dict(self.headers), body))
        status, answer = (503, {"error": "busy"}) if Recognizer.fail else (200, {"text": "hello there", "words": WORDS})
        payload = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def recognizer_url():
    Recognizer.received, Recognizer.fail = [], False
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recognizer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


@pytest.fixture(scope="module")
def executor():
    with ThreadPoolExecutor(max_workers=1) as pool:
        yield pool


def wav_of(evalset) -> AudioInput:
    return AudioInput(evalset.said("hello there").read_bytes(), AudioFormat.AUTO, 0)


async def test_the_external_recogniser_is_used_when_configured_with_its_key_and_the_wav(
    evalset, executor, recognizer_url
):
    service = SpeechService(executor, 120, ExternalRecognizer(recognizer_url, "key-1"))

    result = await service.analyze(wav_of(evalset), TRANSCRIBE)

    assert result.transcript.recognizer == EXTERNAL
    assert [(w.text, w.start_ms, w.end_ms, w.confidence) for w in result.transcript.words] == [
        ("hello", 100, 400, 0.9),
        ("there", 450, 800, 0.0),
    ]
    path, headers, body = Recognizer.received[0]
    assert path == "/v1/audio/transcriptions"
    assert headers["authorization"] == "Bearer key-1"
    assert b"RIFF" in body and b'name="timestamp_granularities[]"' in body


async def test_a_failing_external_recogniser_falls_back_to_the_local_one(evalset, executor, recognizer_url):
    Recognizer.fail = True
    service = SpeechService(executor, 120, ExternalRecognizer(recognizer_url, None))

    result = await service.analyze(wav_of(evalset), TRANSCRIBE)

    assert result.transcript.recognizer == LOCAL
    assert len(Recognizer.received) == 1


async def test_an_unreachable_external_recogniser_times_out_into_the_local_one(evalset, executor):
    service = SpeechService(executor, 120, ExternalRecognizer("http://127.0.0.1:9", None, timeout_s=0.5))

    result = await service.analyze(wav_of(evalset), TRANSCRIBE)

    assert result.transcript.recognizer == LOCAL


async def test_a_clip_longer_than_the_configured_limit_is_refused(evalset, executor):
    service = SpeechService(executor, 0.5, None)

    with pytest.raises(InvalidInputError) as refused:
        await service.analyze(wav_of(evalset), TRANSCRIBE)

    assert refused.value.field == "audio.data" and "0.5 s limit" in refused.value.message


async def test_a_transcript_asked_for_beside_a_target_comes_with_the_other_analyses_as_if_made_alone(evalset, executor):
    service = SpeechService(executor, 120, None)
    audio = wav_of(evalset)
    alone = await service.analyze(audio, TRANSCRIBE)

    result = await service.analyze(
        audio, SpeechRequest(frozenset({Analysis.TRANSCRIPT, Analysis.FLUENCY}), 96, target_text="hello there")
    )

    assert result.transcript == alone.transcript and result.transcript.recognizer == LOCAL
    assert result.fluency.word_count == 2


async def test_fluency_whose_target_was_not_heard_reads_the_words_of_the_one_dictation(evalset, executor, monkeypatch):
    dictated = []
    dictate = recognizer.dictate
    monkeypatch.setattr(recognizer, "dictate", lambda clip: dictated.append(clip) or dictate(clip))
    service = SpeechService(executor, 120, None)
    request = SpeechRequest(
        frozenset({Analysis.TRANSCRIPT, Analysis.FLUENCY}), 96, target_text="elephant giraffe zebra"
    )

    result = await service.analyze(wav_of(evalset), request)

    assert len(dictated) == 1
    assert result.fluency.word_count == len(result.transcript.words) > 0


async def test_fluency_whose_target_was_not_heard_reads_a_transcript_even_when_none_was_asked_for(evalset, executor):
    service = SpeechService(executor, 120, None)

    result = await service.analyze(
        wav_of(evalset), SpeechRequest(frozenset({Analysis.FLUENCY}), 96, target_text="elephant giraffe zebra")
    )

    assert result.transcript is None
    assert result.fluency.word_count > 0


PASSAGE = north_wind(17)


async def test_a_long_target_heard_in_shares_side_by_side_is_judged_as_if_heard_in_one_go(evalset, executor):
    service = SpeechService(executor, 120, None)
    request = SpeechRequest(frozenset({Analysis.ARTICULATION}), 48, target_text=PASSAGE)

    result = await service.analyze(AudioInput(evalset.said(PASSAGE).read_bytes(), AudioFormat.AUTO, 0), request)

    assert request.hears_words_in_shares
    in_one_go = analyze_articulation(clip_of(evalset.said(PASSAGE)), target_words(PASSAGE), 48)
    assert result.articulation == in_one_go
    assert len({phoneme.word for phoneme in result.articulation.phonemes}) == len(set(PASSAGE.split()))


async def test_a_long_target_that_was_not_said_is_reported_not_found(evalset, executor):
    service = SpeechService(executor, 120, None)
    request = SpeechRequest(frozenset({Analysis.ARTICULATION}), 48, target_text=f"{PASSAGE} {PASSAGE}")

    result = await service.analyze(wav_of(evalset), request)

    assert result.articulation is None
    assert TARGET_NOT_FOUND in result.warnings
