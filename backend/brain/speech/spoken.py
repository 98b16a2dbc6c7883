"""The words actually spoken, each with its syllables: listened for against the target when there is one."""

from dataclasses import replace

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.fluency import SpokenWord
from brain.speech.phonemes import syllables
from brain.speech.recognizer import Word
from brain.speech.targets import PART_WORD_SUFFIX, TargetWord, repetition_grammar, word_of_form
from brain.speech.transcription import Transcript

# A long target is listened for in pieces of this many words: the search of a repetition grammar costs more than
# its length (the lattice behind its best path grows with the square of the clip), so a 30 s passage costs less
# than half as much in pieces, the forced alignment that places the cuts included, and a 15 s one a third less.
# Under three pieces' worth of words, that alignment costs more than it saves, so a shorter target is cut only when
# the search gets no way through it in one piece (espeak-ng's adult voice reading 20 words at 160 words per minute:
# no target word was heard). Pieces are cut at fixed words, so that every recording of a target reuses the same
# grammars (the recogniser keeps each one it has searched).
WORDS_PER_PIECE = 8
_MIN_PIECES = 3
# A piece the search finds no way through is searched again joined to the next, up to this many pieces in all.
# Joined without bound, a voice whose pieces fail one after another (espeak-ng's adult one) had the rest of its 30 s
# passage searched in ever longer grammars, each lost too: 9 s, and 8 of its 108 words heard.
_MOST_JOINED = 2


def spoken_words(
    clip: Clip, targets: list[TargetWord] | None, transcript: Transcript | None
) -> list[SpokenWord] | None:
    """With a target, its words as repeated or restarted; without one, or when the target's words are not what
    was said, the transcript's words; None when those are needed and there is no transcript."""
    heard = _heard_against(clip, targets) if targets else []
    if heard:
        return _sayings_of(targets, [_spoken(word) for word in heard])
    return None if transcript is None else [_spoken(word) for word in transcript.words]


def _sayings_of(targets: list[TargetWord], words: list[SpokenWord]) -> list[SpokenWord]:
    """Each word heard marked with the target word it is a saying of, in order. A word heard again after being said
    whole is the target's next word when that is the same word ("bye bye now"), and else the same one said again."""
    marked: list[SpokenWord] = []
    at = -1
    for word in words:
        again = at >= 0 and targets[at].text == word.text
        if not again or (not marked[-1].partial and at + 1 < len(targets) and targets[at + 1].text == word.text):
            at = next((n for n in range(at + 1, len(targets)) if targets[n].text == word.text), at)
        marked.append(replace(word, target=at))
    return marked


def _heard_against(clip: Clip, targets: list[TargetWord]) -> list[Word]:
    """The target's words as said: a short target in one piece, and one that the search gets no way through, or a
    long one, piece by piece (see _heard_in_pieces) where the forced alignment places the cuts."""
    whole = None
    if len(targets) < _MIN_PIECES * WORDS_PER_PIECE:
        whole = _listened(clip, targets)
        if _reaches(whole, targets[-1]) or len(targets) <= WORDS_PER_PIECE:
            return whole
    aligned = recognizer.align_words(clip, [word.text for word in targets])
    if len(aligned) != len(targets):
        return whole if whole is not None else _listened(clip, targets)
    return _heard_in_pieces(clip, targets, aligned)


def _heard_in_pieces(clip: Clip, targets: list[TargetWord], aligned: list[Word]) -> list[Word]:
    """The target's words as said, in pieces of WORDS_PER_PIECE words cut at the start of their first word as
    aligned. A piece the search finds no way through is listened to again joined to the next; when that finds none
    either, the piece's words are taken as aligned, each said once, and the next piece is listened to alone. The last
    piece keeps what was heard when listened to alone (the speaker may have stopped short), but not joined: the
    piece before it would lose its words too (adult voice, 20 words at 160 words per minute: 8 heard)."""
    heard: list[Word] = []
    starts = [(first, aligned[first].start_ms) for first in range(WORDS_PER_PIECE, len(targets), WORDS_PER_PIECE)]
    cuts = [(0, 0), *starts, (len(targets), round(clip.duration_s * 1000))]
    at = 0  # the cut the next piece starts at
    while at + 1 < len(cuts):
        first, start = cuts[at]
        for joined, (last, stop) in enumerate(cuts[at + 1 : at + 1 + _MOST_JOINED], 1):
            piece = _listened(clip.between(start, stop), targets[first:last])
            if _reaches(piece, targets[last - 1]) or (last == len(targets) and joined == 1):
                heard += [replace(word, start_ms=word.start_ms + start, end_ms=word.end_ms + start) for word in piece]
                at += joined
                break
        else:
            heard += aligned[first : cuts[at + 1][0]]
            at += 1
    return heard


def _listened(clip: Clip, targets: list[TargetWord]) -> list[Word]:
    """The words heard in a piece against its repetition grammar; searched again without filler words between them
    when the search did not get through to the last word (see recognizer), and that kept when it did, but for its
    word starts: with no silence to spend a pause on, that search fills some with the next word's start (espeak-ng's
    adult voice reading a passage slowly: "take" restarted three times in 12 readings)."""
    grammar = repetition_grammar(targets)
    heard = recognizer.recognise_grammar(clip, grammar)
    if _reaches(heard, targets[-1]):
        return heard
    again = recognizer.recognise_grammar(clip, grammar, fillers=False)
    return [w for w in again if not w.text.endswith(PART_WORD_SUFFIX)] if _reaches(again, targets[-1]) else heard


def _reaches(heard: list[Word], last: TargetWord) -> bool:
    """Whether the search got through to the piece's last word: without a way through the whole grammar,
    pocketsphinx answers with the best path that stops short of it."""
    return bool(heard) and word_of_form(heard[-1].text) == last.text


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
