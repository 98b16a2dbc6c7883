"""The speech domain for an asyncio server: decodes in the caller's process, asks the external recogniser when
one is configured, and runs the CPU-bound analyses in worker processes so the event loop is never blocked
(pocketsphinx and Praat hold the GIL for a whole utterance, so threads would not run them side by side either):
the local dictation, a long clip's in two pieces, beside the parts of the request that do not read it."""

import asyncio
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TypeVar

import structlog

from brain.config import Config
from brain.speech.analysis import Analysis, SpeechRequest, SpeechResult, aligned_target, analyze, merged, parts
from brain.speech.articulation import Heard, heard_in_stretches, shares
from brain.speech.audio import AudioFormat, Clip, decode_audio
from brain.speech.external import ExternalRecognizer, ExternalRecognizerError
from brain.speech.transcription import Transcript, dictation_pieces, joined, transcribe_locally

log = structlog.get_logger(__name__)
# The analysis process is replaced after this many tasks, a few hundred requests: a request makes one task per part
# and per piece of its dictation, and three more for a long target's alignment and shares. Its known memory is
# bounded (the recogniser's grammars within a budget, see recognizer); this bounds what pocketsphinx's and Praat's C
# code keep that nothing here sees, at the price of loading the decoders again (about 0.3 s) once per this many
# tasks.
ANALYSES_PER_PROCESS = 1000
ANALYSIS_PROCESSES = 2
T = TypeVar("T")


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
        max_workers=ANALYSIS_PROCESSES,
        mp_context=multiprocessing.get_context("spawn"),
        max_tasks_per_child=ANALYSES_PER_PROCESS,
    )


class SpeechService:
    def __init__(self, executor: Executor, max_seconds: float, external: ExternalRecognizer | None) -> None:
        self._executor = executor
        self._max_seconds = max_seconds
        self._external = external

    async def analyze(self, audio: AudioInput, request: SpeechRequest) -> SpeechResult:
        """The request's parts side by side, beside the transcript's dictation; the parts that read the transcript
        wait for it."""
        clip = decode_audio(audio.data, audio.audio_format, audio.sample_rate_hz, self._max_seconds)
        transcript = asyncio.ensure_future(self._transcript(clip)) if request.needs_transcript else None
        try:
            result = merged(await asyncio.gather(*(self._part(clip, part, transcript) for part in parts(request))))
            return replace(result, transcript=await transcript) if Analysis.TRANSCRIPT in request.analyses else result
        finally:
            if transcript is not None and not transcript.done():
                transcript.cancel()  # a part failed: the request is answered with its error

    async def _part(
        self, clip: Clip, part: SpeechRequest, transcript: "asyncio.Future[Transcript] | None"
    ) -> SpeechResult:
        """The part in one analysis process, but a long target's words, which are heard first in shares over all of
        them. Fluency that did not hear its target is analysed again on the transcript, rather than dictating its own
        beside the transcript's."""
        target_heard = await self._heard_in_shares(clip, part.target_text) if part.hears_words_in_shares else None
        read = await transcript if transcript is not None and part.reads_transcript else None
        result = await self._run(analyze, clip, part, read, target_heard)
        if Analysis.FLUENCY in part.analyses and result.fluency is None:
            heard = await (transcript if transcript is not None else self._transcript(clip))
            again = await self._run(analyze, clip, replace(part, target_text=""), heard)
            result = replace(result, fluency=again.fluency)
        return result

    async def _heard_in_shares(self, clip: Clip, target_text: str) -> Heard:
        """A long target's words as heard, shared out over the analysis processes once the target's forced alignment
        has placed them. Hearing them is most of articulation's work, and a process is free again as soon as the
        request's other part is done."""
        targets, as_targets = await self._run(aligned_target, clip, target_text)
        if not as_targets:
            return []
        heard = await asyncio.gather(
            *(
                self._run(heard_in_stretches, clip, targets, as_targets, words)
                for words in shares(as_targets, ANALYSIS_PROCESSES)
            )
        )
        return [word for share in heard for word in share]

    async def _transcript(self, clip: Clip) -> Transcript:
        """The external recogniser's when one is configured and answers; else the local one's, a long clip
        dictated in pieces side by side."""
        if self._external is not None:
            try:
                return await self._external.transcribe(clip)
            except ExternalRecognizerError as error:
                log.warning("external speech recogniser failed, using the local one", error=str(error))
        pieces = dictation_pieces(clip)
        return joined(
            await asyncio.gather(*(self._run(transcribe_locally, clip.between(*span), span[0]) for span in pieces))
        )

    def _run(self, analysis: Callable[..., T], *args: object) -> "asyncio.Future[T]":
        return asyncio.get_running_loop().run_in_executor(self._executor, analysis, *args)

    async def close(self) -> None:
        """Stops the analysis processes; a serving process that exits without this waits for them forever."""
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)


def speech_service(config: Config) -> SpeechService:
    external = ExternalRecognizer(config.speech_api_url, config.speech_api_key) if config.speech_api_url else None
    return SpeechService(analysis_pool(), config.speech_max_seconds, external)
