"""Offline recognition with pocketsphinx's en-us model: open dictation, forced alignment and small grammars.

An adult GMM model: open dictation is fair on adults and poor on children, so articulation and fluency constrain
the search to the words the child was asked to say (and their expected error forms) wherever they can.
Decoders load once per process (about 0.3 s) and are not thread-safe: run these in one worker per process.
"""

import itertools
import re
from dataclasses import dataclass
from functools import cache

from pocketsphinx import Decoder

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip

_FRAME_MS = 10
_FILLERS = re.compile(r"^(<s>|</s>|<sil>|\[.*\]|\+.*\+)$")
_VARIANT = re.compile(r"\(\d+\)$")
_grammar_numbers = itertools.count()


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    start_ms: int
    end_ms: int
    confidence: float


@dataclass(frozen=True, slots=True)
class Phone:
    word: str
    phone: str
    start_ms: int
    end_ms: int


@cache
def _decoder(purpose: str) -> Decoder:
    """One decoder per purpose, since alignment and grammars replace a decoder's search."""
    return Decoder(samprate=ANALYSIS_RATE_HZ, loglevel="FATAL")


def _run(decoder: Decoder, clip: Clip) -> bool:
    """Decodes the clip; False when the search found no way through it (pocketsphinx raises on end_utt then).
    hyp() is not read here: after an alignment pass it crashes pocketsphinx 5.1."""
    decoder.start_utt()
    decoder.process_raw(clip.pcm16(), full_utt=True)
    try:
        decoder.end_utt()
    except RuntimeError:
        return False
    return True


def _words(decoder: Decoder) -> list[Word]:
    return [
        Word(_VARIANT.sub("", s.word), s.start_frame * _FRAME_MS, (s.end_frame + 1) * _FRAME_MS, float(s.prob))
        for s in decoder.seg()
        if not _FILLERS.match(s.word)
    ]


def dictate(clip: Clip) -> list[Word]:
    """Open-vocabulary recognition with the default language model."""
    decoder = _decoder("dictation")
    return _words(decoder) if _run(decoder, clip) and decoder.hyp() is not None else []


def pronunciation(word: str) -> tuple[str, ...] | None:
    """The word's first CMU dictionary pronunciation, ARPAbet without stress; None when the word is unknown."""
    found = _decoder("dictation").lookup_word(word.lower())
    return tuple(found.split()) if found else None


def add_pronunciation(word: str, phones: tuple[str, ...]) -> None:
    """A dictionary entry for grammars and alignment. Not pushed into the active search (update=False), which
    would rebuild it: grammars and alignments made afterwards read the dictionary afresh."""
    decoder = _decoder("constrained")
    if decoder.lookup_word(word) is None:
        decoder.add_word(word, " ".join(phones), update=False)


def recognise_grammar(clip: Clip, jsgf: str) -> list[Word]:
    """Recognition restricted to a JSGF grammar whose public rule is <utterance>."""
    decoder = _decoder("constrained")
    decoder.activate_search(_search_for(jsgf))
    return _words(decoder) if _run(decoder, clip) and decoder.hyp() is not None else []


@cache
def _search_for(jsgf: str) -> str:
    """A search per distinct grammar: pocketsphinx keeps the first grammar added under a name, and removing a
    search crashes it, so searches accumulate; the analysis process is recycled to bound them."""
    name = f"grammar{next(_grammar_numbers)}"
    _decoder("constrained").add_jsgf_string(name, jsgf)
    return name


def align_words(clip: Clip, words: list[str]) -> list[Word]:
    """Forced alignment of the given dictionary words: each with its time span."""
    decoder = _decoder("constrained")
    decoder.set_align_text(" ".join(words))
    return _words(decoder) if _run(decoder, clip) and decoder.hyp() is not None else []


def align_phones(clip: Clip, words: list[str]) -> list[Phone]:
    """Forced alignment of the given dictionary words: each phone with its time span (10 ms frames)."""
    decoder = _decoder("constrained")
    decoder.set_align_text(" ".join(words))
    if not _run(decoder, clip) or decoder.hyp() is None:
        return []
    decoder.set_alignment()
    if not _run(decoder, clip):
        return []
    return [
        Phone(
            _VARIANT.sub("", word.name), phone.name, phone.start * _FRAME_MS, (phone.start + phone.duration) * _FRAME_MS
        )
        for word in decoder.get_alignment()
        if not _FILLERS.match(word.name)
        for phone in word
    ]
