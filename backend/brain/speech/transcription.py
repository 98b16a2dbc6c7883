"""What was said, word by word with timings and confidences."""

import re
from dataclasses import dataclass, replace

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.fluency import silent_spans, speech_frames
from brain.speech.recognizer import Word

LOCAL = "pocketsphinx"
EXTERNAL = "external"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")
# A clip this long is dictated in two pieces, one per analysis process, cut in the longest silence of its middle
# third: dictation costs about as much in pieces as whole, so two pieces side by side take about half the time. The
# cut costs the recogniser the language-model context across it, which is why only long clips are cut, and only in
# a silence longer than a stop's closure (no word is cut). Measured (bench/speech.py, table 1): the real recordings
# joined into 35 s clips keep their word error rate in two pieces (0.18 and 0.66), espeak-ng's 30 s passage keeps
# or lowers it (adult 0.69, child-like 0.90 to 0.87); but jfk.wav alone (11 s, never cut) went from 0.18 to 0.41
# when cut at either of its long pauses, since pocketsphinx's search over "ask not what your country" depends on
# what came before it.
PIECES_FROM_S = 20
_CUT_SILENCE_MS = 150


@dataclass(frozen=True, slots=True)
class Transcript:
    words: tuple[Word, ...]
    recognizer: str

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def transcribe_locally(clip: Clip, start_ms: int = 0) -> Transcript:
    """The clip's words, timed from start_ms: where the clip starts in the recording it is a piece of."""
    words = recognizer.dictate(clip)
    return Transcript(
        tuple(replace(w, start_ms=w.start_ms + start_ms, end_ms=w.end_ms + start_ms) for w in words), LOCAL
    )


def dictation_pieces(clip: Clip) -> list[tuple[int, int]]:
    """Spans (start, end in ms) to dictate apart and join: the whole clip, or its two halves when it is long and
    has a silence to cut in."""
    end_ms = round(clip.duration_s * 1000)
    cut = pause_in_middle(clip) if clip.duration_s >= PIECES_FROM_S else None
    return [(0, end_ms)] if cut is None else [(0, cut), (cut, end_ms)]


def pause_in_middle(clip: Clip) -> int | None:
    """The middle (ms) of the longest silence in the clip's middle third that is longer than a stop's closure, where
    no word is cut; None when there is none."""
    end_ms = round(clip.duration_s * 1000)
    middle = [
        span
        for span in silent_spans(speech_frames(clip))
        if span.ms >= _CUT_SILENCE_MS and end_ms / 3 <= (span.start_ms + span.end_ms) / 2 <= 2 * end_ms / 3
    ]
    if not middle:
        return None
    longest = max(middle, key=lambda span: span.ms)
    return (longest.start_ms + longest.end_ms) // 2


def joined(pieces: list[Transcript]) -> Transcript:
    """One transcript of pieces dictated in time order."""
    return Transcript(tuple(word for piece in pieces for word in piece.words), LOCAL)


def dictated(clip: Clip) -> Transcript:
    """The clip's words as the service dictates them side by side, piece after piece."""
    return joined([transcribe_locally(clip.between(start, end), start) for start, end in dictation_pieces(clip)])


def words_of(text: str) -> list[str]:
    """Lower-case words of a text, punctuation dropped, as the dictionary spells them."""
    return _WORD.findall(text.lower())
