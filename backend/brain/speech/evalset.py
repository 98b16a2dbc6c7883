"""The speech evaluation set: recordings whose truth is known because the project makes them.

espeak-ng says the words (a child-like pitch by default), sox trims, joins, pads and pitch-shifts them. Nothing is
stored: each recording is made on demand into a folder the caller owns, so the repository holds no audio.
"""

import hashlib
import shutil
import subprocess
from pathlib import Path

import soundfile

TOOLS = ("espeak-ng", "sox")
CHILD_VOICE = "en-us+f3"
CHILD_PITCH = 70  # espeak-ng's 0-99 pitch scale; 70 on the f3 voice is about 240 Hz
# The adult model tells espeak-ng's own consonants apart best in its default voice (12 of 21 articulation cases
# against 9 of 21 in the child-like one): articulation cases use it.
ADULT_VOICE = "en-us"
ADULT_PITCH = 50
_TRIM_SILENCE = ["silence", "1", "0.01", "0.5%", "reverse", "silence", "1", "0.01", "0.5%", "reverse"]


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


class EvalSet:
    """Makes evaluation recordings into directory, each once, and returns their paths."""

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def said(
        self, text: str, *, voice: str = CHILD_VOICE, pitch: int = CHILD_PITCH, words_per_minute: int = 150
    ) -> Path:
        """text as espeak-ng says it, leading and trailing silence trimmed."""
        path = self._path("said", text, voice, pitch, words_per_minute)
        if not path.exists():
            raw = path.with_suffix(".raw.wav")
            _run("espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(words_per_minute), "-w", str(raw), text)
            _run("sox", str(raw), str(path), *_TRIM_SILENCE)
            raw.unlink()
        return path

    def with_pause(self, before: str, after: str, pause_s: float) -> tuple[Path, float]:
        """before, pause_s of digital silence, after; also returns where the pause starts, in seconds."""
        first, second = self.said(before), self.said(after)
        start_s = soundfile.info(str(first)).duration
        path = self._path("pause", before, after, pause_s)
        if not path.exists():
            _run("sox", str(first), str(second), str(path), "pad", f"{pause_s}@{start_s}")
        return path, start_s

    def pitch_shifted(self, text: str, semitones: float) -> Path:
        """text said, then shifted by semitones with sox (tempo kept)."""
        source = self.said(text)
        path = self._path("shift", text, semitones)
        if not path.exists():
            _run("sox", str(source), str(path), "pitch", str(round(semitones * 100)))
        return path

    def _path(self, *parts: object) -> Path:
        """A readable name for each recipe, cut short, with a digest of the whole recipe to keep names unique."""
        name = "-".join("".join(c if c.isalnum() else "_" for c in str(part)) for part in parts)
        digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:12]
        return self._directory / f"{name[:80]}-{digest}.wav"


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True)
