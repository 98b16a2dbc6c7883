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
# espeak-ng's default adult voice: articulation cases are judged in both voices (bench/speech.py counts them), since
# the recogniser's adult model hears some error consonants only in one of them.
ADULT_VOICE = "en-us"
ADULT_PITCH = 50
# "The North Wind and the Sun", the passage phoneticians and clinicians read aloud (Handbook of the IPA, 1999), in
# its American English wording: 113 words.
NORTH_WIND = (
    "the north wind and the sun were disputing which was the stronger when a traveler came along wrapped in a warm "
    "cloak they agreed that the one who first succeeded in making the traveler take his cloak off should be "
    "considered stronger than the other then the north wind blew as hard as he could but the more he blew the more "
    "closely did the traveler fold his cloak around him and at last the north wind gave up the attempt then the sun "
    "shone out warmly and immediately the traveler took off his cloak and so the north wind was obliged to confess "
    "that the sun was the stronger of the two"
)


def north_wind(words: int) -> str:
    """The passage's first words."""
    return " ".join(NORTH_WIND.split()[:words])


# A held sound loops a 50 ms piece from 20 ms into the word: inside the first consonant of "sun" or "milk".
_ONSET_S = 0.02
_HELD_PIECE_S = 0.05
# Words per minute of a repeated word's first, second and third saying.
_REPEAT_PACES = (150, 130, 170)
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

    def prolonged(self, before: str, word: str, hold_s: float) -> tuple[Path, float]:
        """before, then word with its first sound held for about hold_s (a 50 ms piece of it looped, "sssun");
        also returns where the held sound starts, in seconds."""
        first, second = self.said(before), self.said(word)
        start_s = soundfile.info(str(first)).duration + _ONSET_S
        path = self._path("prolonged", before, word, hold_s)
        if not path.exists():
            parts = [path.with_suffix(f".{name}.wav") for name in ("onset", "held", "rest")]
            loops = max(0, round(hold_s / _HELD_PIECE_S) - 1)
            _run("sox", str(second), str(parts[0]), "trim", "0", str(_ONSET_S))
            _run("sox", str(second), str(parts[1]), "trim", str(_ONSET_S), str(_HELD_PIECE_S), "repeat", str(loops))
            _run("sox", str(second), str(parts[2]), "trim", str(_ONSET_S + _HELD_PIECE_S))
            _run("sox", str(first), *map(str, parts), str(path))
            for part in parts:
                part.unlink()
        return path, start_s

    def blocked(self, before: str, word: str, at_s: float, silence_s: float) -> tuple[Path, float]:
        """before, then word cut at_s into it by silence_s of digital silence (a silent block inside the word);
        also returns where the silence starts, in seconds."""
        first, second = self.said(before), self.said(word)
        start_s = soundfile.info(str(first)).duration + at_s
        path = self._path("blocked", before, word, at_s, silence_s)
        if not path.exists():
            _run("sox", str(first), str(second), str(path), "pad", f"{silence_s}@{start_s}")
        return path, start_s

    def repeated(
        self,
        before: str,
        word: str,
        after: str,
        times: int,
        pause_s: float,
        *,
        voice: str = CHILD_VOICE,
        pitch: int = CHILD_PITCH,
    ) -> tuple[Path, float, float]:
        """before, word said times with pause_s of silence after each saying but the last, then after; also returns
        where the first saying starts and the last one ends, in seconds. Each saying is made apart at its own pace,
        as a person repeating a word does not say it the same way twice."""
        sayings = [
            self.said(word, voice=voice, pitch=pitch, words_per_minute=_REPEAT_PACES[n % len(_REPEAT_PACES)])
            for n in range(times)
        ]
        first = [self.said(before, voice=voice, pitch=pitch)] if before else []
        last = [self.said(after, voice=voice, pitch=pitch)] if after else []
        start_s = sum(soundfile.info(str(part)).duration for part in first)
        end_s = start_s + sum(soundfile.info(str(part)).duration for part in sayings) + pause_s * (times - 1)
        path = self._path("repeated", before, word, after, times, pause_s, voice, pitch)
        if not path.exists():
            padded = [path.with_suffix(f".{n}.wav") for n in range(times - 1)]
            for saying, part in zip(sayings, padded, strict=False):
                _run("sox", str(saying), str(part), "pad", "0", str(pause_s))
            _run("sox", *map(str, first + padded + sayings[-1:] + last), str(path))
            for part in padded:
                part.unlink()
        return path, start_s, end_s

    def restarted(
        self,
        before: str,
        word: str,
        times: int,
        pause_s: float,
        *,
        restart_s: float = 0.15,
        voice: str = CHILD_VOICE,
        pitch: int = CHILD_PITCH,
    ) -> tuple[Path, float, float]:
        """before, then the first restart_s of word ("ba- ba- ball") said times, each followed by pause_s of silence,
        then word; also returns where the first restart starts and the last one ends, in seconds. Each restart is cut
        from a saying of its own pace, as a person restarting a word does not say its start the same way twice."""
        starts = [
            self.said(word, voice=voice, pitch=pitch, words_per_minute=_REPEAT_PACES[1 + n % 2]) for n in range(times)
        ]
        first = [self.said(before, voice=voice, pitch=pitch)] if before else []
        start_s = sum(soundfile.info(str(part)).duration for part in first)
        end_s = start_s + times * (restart_s + pause_s) - pause_s
        path = self._path("restarted", before, word, times, pause_s, restart_s, voice, pitch)
        if not path.exists():
            cut = [path.with_suffix(f".{n}.wav") for n in range(times)]
            for saying, part in zip(starts, cut, strict=True):
                _run("sox", str(saying), str(part), "trim", "0", str(restart_s), "pad", "0", str(pause_s))
            _run("sox", *map(str, first + cut), str(self.said(word, voice=voice, pitch=pitch)), str(path))
            for part in cut:
                part.unlink()
        return path, start_s, end_s

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
