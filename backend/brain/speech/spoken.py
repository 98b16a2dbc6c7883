"""The words actually spoken, each with its syllables: listened for against the target when there is one."""

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.fluency import SpokenWord
from brain.speech.phonemes import syllables
from brain.speech.recognizer import Word
from brain.speech.targets import PART_WORD_SUFFIX, TargetWord, repetition_grammar, word_of_form
from brain.speech.transcription import Transcript, transcribe_locally


def spoken_words(clip: Clip, targets: list[TargetWord] | None, transcript: Transcript | None) -> list[SpokenWord]:
    """With a target, its words as repeated or restarted; without one, or when the target's words are not what
    was said, the transcript's words (dictated here when there is no transcript yet)."""
    heard = recognizer.recognise_grammar(clip, repetition_grammar(targets)) if targets else []
    if not heard:
        heard = (transcript or transcribe_locally(clip)).words
    return [_spoken(word) for word in heard]


def _spoken(word: Word) -> SpokenWord:
    text = word_of_form(word.text.removesuffix(PART_WORD_SUFFIX))
    partial = word.text.endswith(PART_WORD_SUFFIX)
    return SpokenWord(
        text=text,
        start_ms=word.start_ms,
        end_ms=word.end_ms,
        syllables=0 if partial else syllables(recognizer.pronunciation(text), text),
        partial=partial,
    )
