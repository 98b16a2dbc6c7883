"""The words a child was asked to say, with their dictionary pronunciations and grammars to listen for them."""

import re
from dataclasses import dataclass

from brain.errors import InvalidInputError
from brain.speech import recognizer
from brain.speech.phonemes import CONSONANTS
from brain.speech.processes import Form, forms_of
from brain.speech.transcription import words_of

PART_WORD_SUFFIX = "__start"
_FORM = re.compile(r"__\d+$")


@dataclass(frozen=True, slots=True)
class TargetWord:
    text: str
    phones: tuple[str, ...]


def target_words(text: str) -> list[TargetWord]:
    """The target's words; refuses words the pronunciation dictionary does not know, naming them."""
    words = words_of(text)
    if not words:
        raise InvalidInputError("target_text", "holds no words")
    found = {word: recognizer.pronunciation(word) for word in words}
    if unknown := sorted(word for word, phones in found.items() if phones is None):
        raise InvalidInputError("target_text", f"has words the pronunciation dictionary lacks: {', '.join(unknown)}")
    return [TargetWord(word, found[word]) for word in words]


def forms_of_target(target: TargetWord) -> dict[str, Form]:
    """The word's forms under dictionary names: the word itself first, then word__1, word__2, ..."""
    forms = {}
    for number, form in enumerate(forms_of(target.phones)):
        name = f"{target.text}__{number}" if number else target.text
        if number:
            recognizer.add_pronunciation(name, form.phones)
        forms[name] = form
    return forms


def exact_name(target: TargetWord) -> str:
    """A dictionary name for the target's first pronunciation alone: aligning the word itself may pick another
    of its pronunciations, whose phones would not line up with the target's."""
    name = f"{target.text}__0"
    recognizer.add_pronunciation(name, target.phones)
    return name


def word_of_form(name: str) -> str:
    """The target word a dictionary name stands for: "rabbit__2" -> "rabbit"."""
    return _FORM.sub("", name)


def repetition_grammar(words: list[TargetWord]) -> str:
    """JSGF for the target said in order, each word right or in an error form, repeated whole or started more
    than once."""
    items = []
    for word in words:
        start = _word_start(word)
        said = "(" + " | ".join(forms_of_target(word)) + ")+"
        items.append(f"({start})* {said}" if start else said)
    return jsgf(" ".join(items))


def _word_start(word: TargetWord) -> str | None:
    """A dictionary entry for the word's first consonants plus a schwa, as in "b- b- ball"."""
    onset = []
    for phone in word.phones:
        if phone not in CONSONANTS:
            break
        onset.append(phone)
    if not onset or (*onset, "AH") == word.phones:
        return None
    name = word.text + PART_WORD_SUFFIX
    recognizer.add_pronunciation(name, (*onset, "AH"))
    return name


def jsgf(utterance: str) -> str:
    """A grammar of one public rule."""
    return f"#JSGF V1.0;\ngrammar target;\npublic <utterance> = {utterance};"
