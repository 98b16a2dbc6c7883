"""Offline recognition with pocketsphinx's en-us model: open dictation, forced alignment and small grammars.

An adult GMM model: open dictation is fair on adults and poor on children, so articulation and fluency constrain
the search to the words the child was asked to say (and their expected error forms) wherever they can.
Decoders load once per process (about 0.3 s) and are not thread-safe: run these in one worker per process.
"""

import re
from dataclasses import dataclass
from functools import cache

from pocketsphinx import Decoder

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.searches import GrammarSearches

_FRAME_MS = 10
_FILLERS = re.compile(r"^(<s>|</s>|<sil>|\[.*\]|\+.*\+)$")
_VARIANT = re.compile(r"\(\d+\)$")


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


# Measured on the real recordings (bench/speech.py) and the evaluation set. Dictation: at most 8000 HMMs a frame
# (default 30000) costs about a fifth less and misses fewer of jfk's words (narrower beams, a narrower second pass,
# ds and topn each lost words somewhere). Grammars and alignments keep fewer word ends per frame (wbeam, default
# 7e-29): the lattice of a repetition grammar over a 30 s passage took 19 s to search at the default and 1.4 s at
# 1e-16, with the same words found; at 1e-12 alignments start to move. Grammars and alignments need no language
# model (lm=None: a decoder then loads in about 30 MB instead of 90). A forced alignment that finds no way through
# the clip is tried again without filler words (breath, noise, silence) between the words: with them the search
# lost every path to the end of whole sentences in espeak-ng's adult voice ("a big brown dog jumped over the
# fence", and passages of 8-27 words), at any beam. Repetition grammars lose their ends the same way (spoken.py tries
# them again without fillers): in that voice 6 of a 30 s passage's 14 pieces got through with fillers, 11 without.
# Fillers stay the first choice: without them grammars and alignments of single words in their padding fail (the
# evaluation set's errors found fell to 2 of 24). An alignment neither finds a way through is tried last with much
# wider beams, which cost more but keep the path of a long recording read slowly: espeak-ng's adult voice reading 40
# words at 80 and 100 words per minute lost every path at the default beams and at 1e-60.
_SETTINGS = {
    "dictation": {"maxhmmpf": 8000},
    "constrained": {"wbeam": 1e-16, "lm": None},
    "constrained without fillers": {"wbeam": 1e-16, "lm": None, "fsgusefiller": False},
    "constrained with wide beams": {"beam": 1e-80, "pbeam": 1e-80, "wbeam": 1e-60, "lm": None},
}
_CONSTRAINED_PURPOSES = ("constrained", "constrained without fillers", "constrained with wide beams")


# The decoders loaded, by purpose, and the pronunciations added for grammars and alignment: a decoder loads on first
# use (about 27 MB each; the fallbacks' seldom), with the pronunciations added so far.
_decoders: dict[str, Decoder] = {}
_pronunciations: dict[str, tuple[str, ...]] = {}


def _decoder(purpose: str) -> Decoder:
    """One decoder per purpose, since alignment and grammars replace a decoder's search."""
    if purpose not in _decoders:
        decoder = Decoder(samprate=ANALYSIS_RATE_HZ, loglevel="FATAL", **_SETTINGS[purpose])
        for word, phones in _pronunciations.items() if purpose in _CONSTRAINED_PURPOSES else ():
            _add_word(decoder, word, phones)
        _decoders[purpose] = decoder
    return _decoders[purpose]


def _add_word(decoder: Decoder, word: str, phones: tuple[str, ...]) -> None:
    if decoder.lookup_word(word) is None:  # a word of the dictionary keeps its own pronunciations
        decoder.add_word(word, " ".join(phones), update=False)


# Grammar searches are kept for clips that listen for the same grammar again, up to this many characters of grammar.
# Kept without a bound, they grew an analysis process by about 11 MB per distinct 60-word passage. A search holds
# 3-7 KB per character once it has decoded a clip (its lextree and its last decode's history): the budget held 48 MB
# after distinct passages of words and 115 MB after passages of spelt letters. Building a search costs little beside
# decoding with it (0.1 ms for a word's forms, 2 ms for an eight-word repetition grammar, against 7 and 45 ms to
# decode their clips), and the grammars of a 30 s passage (13,000-15,000 characters) fit, so a target said again
# builds none.
GRAMMAR_BUDGET_CHARS = 16_000
# Grammars searched without fillers are the few tried again; a quarter of the budget keeps several of them.
_GRAMMAR_BUDGETS = {"constrained": GRAMMAR_BUDGET_CHARS, "constrained without fillers": GRAMMAR_BUDGET_CHARS // 4}


@cache
def _grammar_searches(purpose: str) -> GrammarSearches:
    return GrammarSearches(_decoder(purpose), _GRAMMAR_BUDGETS[purpose])


def _run(decoder: Decoder, clip: Clip) -> bool:
    """Decodes the clip, the same whatever was decoded before; False when the search found no way through it
    (pocketsphinx raises on end_utt then). hyp() is not read here: after an alignment pass it crashes
    pocketsphinx 5.1.

    start_utt leaves the front end (feature extraction and its frame buffers) as the last clip left it, which moved
    words: jfk.wav had WER 0.18 in a fresh decoder, 0.23 after itself and 0.45 after a longer clip, and a grammar's
    word timings moved after a noisy clip. Rebuilding the front end takes tens of microseconds."""
    decoder.reinit_feat()
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
    if word in _pronunciations:
        return
    _pronunciations[word] = phones
    for purpose in _CONSTRAINED_PURPOSES:
        if purpose in _decoders:
            _add_word(_decoders[purpose], word, phones)


def recognise_grammar(clip: Clip, jsgf: str, fillers: bool = True) -> list[Word]:
    """Recognition restricted to a JSGF grammar whose public rule is <utterance>; without filler words (silence,
    noise) between the grammar's words when fillers is False."""
    purpose = _CONSTRAINED_PURPOSES[0 if fillers else 1]
    decoder = _decoder(purpose)
    _grammar_searches(purpose).activate(jsgf)
    return _words(decoder) if _run(decoder, clip) and decoder.hyp() is not None else []


def _aligned(clip: Clip, words: list[str]) -> Decoder | None:
    """A decoder whose search has just aligned every one of the words to the clip; None when none could."""
    for purpose in _CONSTRAINED_PURPOSES:
        decoder = _decoder(purpose)
        decoder.set_align_text(" ".join(words))
        if _run(decoder, clip) and decoder.hyp() is not None and len(_words(decoder)) == len(words):
            return decoder
    return None


def words_reached(clip: Clip, words: list[str]) -> int:
    """How many of the words, in order, the best path of a forced alignment (with wide beams, which keep the path
    of a long recording) has been through by the clip's end, without having to reach the last: where in its text a
    recording cut from a longer one stops."""
    decoder = _decoder("constrained with wide beams")
    decoder.set_align_text(" ".join(words))
    decoder.reinit_feat()
    decoder.start_utt()
    decoder.process_raw(clip.pcm16(), full_utt=True)
    reached = len(_words(decoder)) if decoder.hyp() is not None else 0  # before end_utt, which wants the last word
    try:
        decoder.end_utt()
    except RuntimeError:
        pass  # the search did not reach the last word, as expected
    return reached


def align_words(clip: Clip, words: list[str]) -> list[Word]:
    """Forced alignment of the given dictionary words: each with its time span."""
    decoder = _aligned(clip, words)
    return _words(decoder) if decoder else []


def align_phones(clip: Clip, words: list[str]) -> list[Phone]:
    """Forced alignment of the given dictionary words: each phone with its time span (10 ms frames)."""
    decoder = _aligned(clip, words)
    if decoder is None:
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


# Alignment scores are log-likelihoods in the decoder's log base, shifted right by this many bits (pocketsphinx's
# SENSCR_SHIFT), and taken against each frame's best-scoring senone: 0 is the best any model could do.
_SCORE_SHIFT = 10


@dataclass(frozen=True, slots=True)
class ScoredPhone:
    word: str
    phone: str
    start_ms: int
    end_ms: int
    log_likelihood: float  # nats over the phone's frames, against each frame's best senone (0 at best)


@dataclass(frozen=True, slots=True)
class ScoredAlignment:
    phones: tuple[ScoredPhone, ...]  # the words' phones, silences left out
    log_likelihood: float  # nats over the whole clip, silences included: comparable between alignments of a clip


def align_scored(clip: Clip, words: list[str]) -> ScoredAlignment | None:
    """Forced alignment of the given dictionary words with each phone's acoustic score; None when the words
    cannot be aligned to the clip at all."""
    decoder = _aligned(clip, words)
    if decoder is None:
        return None
    decoder.set_alignment()
    if not _run(decoder, clip):
        return None
    aligned = decoder.get_alignment()  # its entries live as long as it does
    if sum(not _FILLERS.match(word.name) for word in aligned) != len(words):
        return None  # the search ended without reaching every word
    phones = [
        ScoredPhone(
            _VARIANT.sub("", word.name),
            phone.name,
            phone.start * _FRAME_MS,
            (phone.start + phone.duration) * _FRAME_MS,
            decoder.logmath.log_to_ln(phone.score << _SCORE_SHIFT),
        )
        for word in aligned
        for phone in word
    ]
    spoken = tuple(p for p in phones if not _FILLERS.match(p.word))
    return ScoredAlignment(spoken, sum(p.log_likelihood for p in phones))
