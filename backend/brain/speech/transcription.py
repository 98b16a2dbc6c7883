"""What was said, word by word with timings and confidences."""

import re
from dataclasses import dataclass

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.recognizer import Word

LOCAL = "pocketsphinx"
EXTERNAL = "external"
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)*")


@dataclass(frozen=True, slots=True)
class Transcript:
    words: tuple[Word, ...]
    recognizer: str

    @property
    def text(self) -> str:
        return " ".join(word.text for word in self.words)


def transcribe_locally(clip: Clip) -> Transcript:
    return Transcript(tuple(recognizer.dictate(clip)), LOCAL)


def words_of(text: str) -> list[str]:
    """Lower-case words of a text, punctuation dropped, as the dictionary spells them."""
    return _WORD.findall(text.lower())
