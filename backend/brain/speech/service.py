"""The speech domain for an asyncio server: decodes in the caller's process, asks the external recogniser when
one is configured, and runs the CPU-bound analyses in worker processes so the event loop is never blocked
(pocketsphinx and Praat hold the GIL for a whole utterance, so threads would not run them side by side either)."""

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass

import structlog

from brain.config import Config
from brain.speech.analysis import SpeechRequest, SpeechResult, analyze, merged, parts
from brain.speech.audio import AudioFormat, decode_audio
from brain.speech.external import ExternalRecognizer, ExternalRecognizerError

log = structlog.get_logger(__name__)
# The analysis process is replaced after this many requests, releasing the recogniser's grammars (see recognizer).
ANALYSES_PER_PROCESS = 500


@dataclass(frozen=True, slots=True)
class AudioInput:
    data: bytes
    audio_format: AudioFormat
    sample_rate_hz: int


def analysis_pool() -> ProcessPoolExecutor:
    """Two analysis processes per brain process, started on first use, so that the independent parts of a request
    (its dictation beside its articulation, say) run side by side on two cores. Spawned, not forked, because gRPC
    does not survive a fork; recycled now and then."""
    return ProcessPoolExecutor(
        max_workers=2, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=ANALYSES_PER_PROCESS
    )


class SpeechService:
    def __init__(self, executor: Executor, max_seconds: float, external: ExternalRecognizer | None) -> None:
        self._executor = executor
        self._max_seconds = max_seconds
        self._external = external

    async def analyze(self, audio: AudioInput, request: SpeechRequest) -> SpeechResult:
        clip = decode_audio(audio.data, audio.audio_format, audio.sample_rate_hz, self._max_seconds)
        transcript = None
        if self._external is not None and request.needs_transcript:
            try:
                transcript = await self._external.transcribe(clip)
            except ExternalRecognizerError as error:
                log.warning("external speech recogniser failed, using the local one", error=str(error))
        loop = asyncio.get_running_loop()
        analyses = (loop.run_in_executor(self._executor, analyze, clip, part, transcript) for part in parts(request))
        return merged(await asyncio.gather(*analyses))

    async def close(self) -> None:
        """Stops the analysis processes; a serving process that exits without this waits for them forever."""
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)


def speech_service(config: Config) -> SpeechService:
    external = ExternalRecognizer(config.speech_api_url, config.speech_api_key) if config.speech_api_url else None
    return SpeechService(analysis_pool(), config.speech_max_seconds, external)
