"""An external speech recogniser (SPEECH_API_URL, SPEECH_API_KEY) over HTTP, in the OpenAI-compatible
transcription wire format that hosted and self-hosted Whisper servers speak: POST {url}/audio/transcriptions,
multipart with the WAV file, verbose JSON with word timestamps back."""

import io
from dataclasses import dataclass

import httpx
import soundfile

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.recognizer import Word
from brain.speech.transcription import EXTERNAL, Transcript

TIMEOUT_S = 10.0
MODEL = "whisper-1"


class ExternalRecognizerError(Exception):
    """The external recogniser failed or answered something unusable; the caller falls back to the local one."""


@dataclass(frozen=True, slots=True)
class ExternalRecognizer:
    url: str
    api_key: str | None
    timeout_s: float = TIMEOUT_S

    async def transcribe(self, clip: Clip) -> Transcript:
        headers = {"authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        form = {"model": MODEL, "response_format": "verbose_json", "timestamp_granularities[]": "word"}
        try:
            async with httpx.AsyncClient(timeout=self.timeout_s) as client:
                response = await client.post(
                    f"{self.url}/audio/transcriptions",
                    headers=headers,
                    data=form,
                    files={"file": ("speech.wav", _wav(clip), "audio/wav")},
                )
                response.raise_for_status()
                return Transcript(tuple(_word(word) for word in response.json().get("words", [])), EXTERNAL)
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as error:
            raise ExternalRecognizerError(f"{type(error).__name__}: {error}") from error


def _wav(clip: Clip) -> bytes:
    buffer = io.BytesIO()
    soundfile.write(buffer, clip.samples, ANALYSIS_RATE_HZ, format="WAV", subtype="PCM_16")
    return buffer.getvalue()


def _word(word: dict) -> Word:
    """Confidence is the word's probability where the server gives one, else 0 (unknown)."""
    return Word(
        text=str(word["word"]).strip().lower(),
        start_ms=round(float(word["start"]) * 1000),
        end_ms=round(float(word["end"]) * 1000),
        confidence=float(word.get("probability", 0.0)),
    )
