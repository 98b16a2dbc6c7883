"""Speech rate, pauses and stuttering-like disfluencies from word timings and the recording's own energy."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial

import numpy as np

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.blocks import BLOCK_MIN_MS, is_block
from brain.speech.prolongations import held_sounds
from brain.speech.repetitions import restarts_alike, sound_alike
from brain.speech.said_again import said_again

DEFAULT_PAUSE_THRESHOLD_MS = 250
_FRAME_MS = 10
# A frame is speech when within 35 dB of the loudest frame and 6 dB above the noise floor.
_SPEECH_BELOW_PEAK_DB = 35.0
_SPEECH_ABOVE_FLOOR_DB = 6.0
# A held sound ending this close before a pause or the end of speech is phrase-final lengthening.
_PHRASE_FINAL_MS = 150
# Disfluencies this close together are one moment of stuttering (the restart's end and the silence's start can be
# a few frames apart); a resumed word's start may be placed this far into the silence before it.
_ONE_MOMENT_MS = 100
_RESUMED_SLACK_MS = 50


class DisfluencyKind(Enum):
    WHOLE_WORD_REPETITION = "whole-word repetition"
    PART_WORD_REPETITION = "part-word repetition"
    PROLONGATION = "prolongation"
    BLOCK = "block"
    # a typical disfluency ("rabbit rabbit"), not stuttering-like: left out of percent syllables stuttered
    MULTISYLLABIC_WORD_REPETITION = "multisyllabic word repetition"


_WORD_SAID_AGAIN = frozenset({DisfluencyKind.WHOLE_WORD_REPETITION, DisfluencyKind.MULTISYLLABIC_WORD_REPETITION})


@dataclass(frozen=True, slots=True)
class SpokenWord:
    text: str
    start_ms: int
    end_ms: int
    syllables: int
    partial: bool = False  # only the start of the word was said ("b- ball")
    target: int | None = None  # which of the target's words this is a saying of; None without a target


@dataclass(frozen=True, slots=True)
class Span:
    start_ms: int
    end_ms: int

    @property
    def ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class Disfluency:
    kind: DisfluencyKind
    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class Fluency:
    speech_rate_syllables_per_second: float
    words_per_minute: float
    articulation_rate_syllables_per_second: float
    pauses: tuple[Span, ...]
    disfluencies: tuple[Disfluency, ...]
    syllable_count: int
    word_count: int
    pause_threshold_ms: int

    @property
    def mean_pause_ms(self) -> float:
        return sum(p.ms for p in self.pauses) / len(self.pauses) if self.pauses else 0.0

    @property
    def longest_pause_ms(self) -> int:
        return max((p.ms for p in self.pauses), default=0)

    @property
    def percent_syllables_stuttered(self) -> float:
        """Stuttering-like disfluencies that run into each other (a restart, then a block of the word) are one
        stuttered syllable."""
        found = [d for d in self.disfluencies if d.kind is not DisfluencyKind.MULTISYLLABIC_WORD_REPETITION]
        ends = [before.end_ms for before in found[:-1]]
        moments = sum(1 for d, end in zip(found[1:], ends, strict=True) if d.start_ms > end + _ONE_MOMENT_MS)
        stuttered = moments + 1 if found else 0
        return 100 * stuttered / self.syllable_count if self.syllable_count else 0.0


def analyze_fluency(clip: Clip, words: list[SpokenWord], pause_threshold_ms: int) -> Fluency:
    """Rates over the time from the first to the last sound; pauses are the silences inside it between words."""
    speech = speech_frames(clip)
    voiced = np.flatnonzero(speech)
    if len(voiced) == 0:
        return Fluency(0.0, 0.0, 0.0, (), (), 0, 0, pause_threshold_ms)
    first, last = voiced[0], voiced[-1] + 1
    quiet = silent_spans(speech[first:last], first)
    held = _prolongations(clip, words, [span for span in quiet if span.ms >= pause_threshold_ms], last * _FRAME_MS)
    # a weak fricative is quiet enough to read as silence; held, it is the prolongation, not a pause
    silences = [span for span in quiet if not any(_covers(h, span) for h in held)]
    # a held sound can be heard as its word said twice ("zzz" + "zoo"): that is the prolongation, not a repetition
    heard = tuple(
        d
        for d in find_disfluencies(words, partial(_words_sound_alike, clip))
        if not any(h.start_ms <= d.start_ms < h.end_ms for h in held)
    )
    repetitions = heard + _said_again(clip, speech, words, heard + held)
    gaps = _gaps_in_restarts(words, heard, silences)
    blocks = gaps + _blocks(clip, words, [s for s in silences if not any(g.start_ms == s.start_ms for g in gaps)])
    # a block's silence is part of a word, not a pause between words; both are left out of articulation time
    silent = [span for span in silences if span.ms >= pause_threshold_ms]
    pauses = tuple(span for span in silent if not any(b.start_ms == span.start_ms for b in blocks))
    whole = _said(words, repetitions)
    syllables = sum(w.syllables for w in whole)
    speaking_s = (last - first) * _FRAME_MS / 1000
    articulating_s = speaking_s - sum(span.ms for span in silent) / 1000
    return Fluency(
        speech_rate_syllables_per_second=syllables / speaking_s,
        words_per_minute=60 * len(whole) / speaking_s,
        articulation_rate_syllables_per_second=syllables / articulating_s if articulating_s > 0 else 0.0,
        pauses=pauses,
        disfluencies=tuple(sorted(repetitions + held + blocks, key=lambda d: d.start_ms)),
        syllable_count=syllables,
        word_count=len(whole),
        pause_threshold_ms=pause_threshold_ms,
    )


def _said(words: list[SpokenWord], repetitions: tuple[Disfluency, ...]) -> list[SpokenWord]:
    """The whole words said. A target's word heard again straight after itself is said again only in a repetition
    found; else the search heard one saying as two (the child-like voice's slow "is it a big ball" as "a a")."""
    whole_word = [d for d in repetitions if d.kind in _WORD_SAID_AGAIN]
    said: list[SpokenWord] = []
    for word in (w for w in words if not w.partial):
        again = bool(said) and word.target is not None and said[-1].target == word.target
        if again and not any(d.start_ms < word.end_ms and word.start_ms < d.end_ms for d in whole_word):
            continue
        said.append(word)
    return said


def find_disfluencies(
    words: list[SpokenWord], alike: Callable[[SpokenWord, SpokenWord], bool]
) -> tuple[Disfluency, ...]:
    """Repetitions: of a word's start ("b- b- ball", one disfluency spanning the restarts, two of whose neighbouring
    sayings sound alike) and of a whole word heard twice whose two sayings sound alike, stuttering-like for a word of
    one syllable ("I I want"), typical for a longer one of the target ("rabbit rabbit"; dictation's doubled longer
    words are too often misheard). alike(before, after) tells whether after, or its start, sounds like before."""
    found = []
    restart: SpokenWord | None = None
    heard_again = False
    for before, after in zip(words, words[1:], strict=False):
        if before.partial and after.text == before.text:
            restart = restart or before
            heard_again = heard_again or alike(before, after)
            if not after.partial and heard_again:
                found.append(
                    Disfluency(DisfluencyKind.PART_WORD_REPETITION, after.text, restart.start_ms, before.end_ms)
                )
        elif (
            before.text == after.text
            and before.target == after.target  # not a word the target itself says twice ("bye bye")
            and not after.partial
            and (before.syllables == 1 or (before.syllables > 1 and before.target is not None))
            and alike(before, after)
        ):
            kind = _repeated_kind(before)
            again = found[-1] if found and found[-1].end_ms == before.end_ms else None
            if again and again.kind is kind:
                found[-1] = replace(again, end_ms=after.end_ms)  # said a third time: the same repetition
            else:
                found.append(Disfluency(kind, before.text, before.start_ms, after.end_ms))
        if not before.partial or after.text != before.text or not after.partial:
            restart, heard_again = None, False
    return tuple(found)


def _said_again(
    clip: Clip, speech: np.ndarray, words: list[SpokenWord], found: tuple[Disfluency, ...]
) -> tuple[Disfluency, ...]:
    """Syllables said again and words restarted that the words heard do not show as a disfluency: whole-word
    repetitions, named by the word heard over two of the sayings or more (dictation often hears a repeated word once,
    or as other words), and part-word repetitions spanning the restarts, named by the target's word heard over the
    stretch restarted; without a target, unnamed, as dictation mostly mishears a restarted word ("call" for "ball")."""
    runs = said_again(clip, speech)
    repeated = [
        (_repeated_kind(word), word.text if word is not None else "", sayings)
        for run in runs
        if run.word is None
        for sayings in _by_target_word(words, run.sayings)
        if len(sayings) > 1
        for word in [_word_said_again(words, sayings)]
    ]
    restarted = [
        (DisfluencyKind.PART_WORD_REPETITION, _target_word_over(words, *run.word), run.sayings)
        for run in runs
        if run.word is not None
    ]
    return tuple(
        Disfluency(kind, text, sayings[0][0], sayings[-1][1])
        for kind, text, sayings in repeated + restarted
        if not any(d.start_ms < sayings[-1][1] and sayings[0][0] < d.end_ms for d in found)
    )


def _target_word_over(words: list[SpokenWord], start_ms: int, end_ms: int) -> str:
    """The target's word heard over a stretch; empty without a target."""
    heard = _heard_over(words, start_ms, end_ms)
    return heard.text if heard is not None and heard.target is not None else ""


def _by_target_word(words: list[SpokenWord], sayings: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The sayings cut where they are heard as different words of the target: "bye bye" is the target's, and only
    a third "bye" is the second word said again."""
    runs: list[list[tuple[int, int]]] = []
    last = None
    for saying in sayings:
        heard = _heard_over(words, *saying)
        target = heard.target if heard is not None and heard.target is not None else last
        if runs and target == last:
            runs[-1].append(saying)
        else:
            runs.append([saying])
        last = target
    return runs


def _word_said_again(words: list[SpokenWord], sayings: list[tuple[int, int]]) -> SpokenWord | None:
    """The word said again: with a target, the target's word heard over the sayings; without one, the one-syllable
    word dictation heard over two of them or more, each time on its own; None when none was."""
    heard = [_heard_over(words, start, end) for start, end in sayings]
    of_target = next((word for word in heard if word is not None and word.target is not None), None)
    if of_target is not None:
        return of_target
    said = [w for n, w in enumerate(heard) if w and w.syllables == 1 and w not in heard[:n]]
    return next((w for w in said if [s.text for s in said].count(w.text) > 1), None)


def _repeated_kind(word: SpokenWord | None) -> DisfluencyKind:
    """A word said again is stuttering-like unless it is known to have more than one syllable."""
    if word is not None and word.syllables > 1:
        return DisfluencyKind.MULTISYLLABIC_WORD_REPETITION
    return DisfluencyKind.WHOLE_WORD_REPETITION


def _prolongations(
    clip: Clip, words: list[SpokenWord], pauses: list[Span], speech_end_ms: int
) -> tuple[Disfluency, ...]:
    """Held sounds, except at the end of a phrase (just before a pause or the end of speech): lengthening there is
    normal prosody, and word-final prolongations are not counted as stuttering-like."""
    phrase_ends = [p.start_ms for p in pauses] + [speech_end_ms]
    return tuple(
        Disfluency(DisfluencyKind.PROLONGATION, _word_over(words, start, end), start, end)
        for start, end in held_sounds(clip)
        if not any(0 <= phrase_end - end <= _PHRASE_FINAL_MS for phrase_end in phrase_ends)
    )


def _blocks(clip: Clip, words: list[SpokenWord], silences: list[Span]) -> tuple[Disfluency, ...]:
    """Silences that interrupt a word: between the last whole word heard before and the first one after."""
    found = []
    for silence in (s for s in silences if s.ms >= BLOCK_MIN_MS):
        before = [w for w in words if not w.partial and w.start_ms < silence.start_ms]
        after = [w for w in words if not w.partial and w.end_ms > silence.end_ms]
        if not before or not after:
            continue
        first, second = before[-1], after[0]
        span = (silence.start_ms, silence.end_ms)
        if is_block(clip, span, (first.text, first.start_ms), (second.text, second.end_ms)):
            found.append(Disfluency(DisfluencyKind.BLOCK, second.text, silence.start_ms, silence.end_ms))
    return tuple(found)


def _gaps_in_restarts(
    words: list[SpokenWord], heard: tuple[Disfluency, ...], silences: list[Span]
) -> tuple[Disfluency, ...]:
    """Silences inside a word heard restarted ("b- ... ball", "b- ... b- ball"): the word had begun, so each is a
    block of it, whatever its edges sound like. Restarts found in the sound alone have no word heard to resume."""
    found = []
    for restart in (d for d in heard if d.kind is DisfluencyKind.PART_WORD_REPETITION):
        resumed = next(w for w in words if w.text == restart.text and not w.partial and w.start_ms >= restart.end_ms)
        found += [
            Disfluency(DisfluencyKind.BLOCK, restart.text, s.start_ms, s.end_ms)
            for s in silences
            if s.ms >= BLOCK_MIN_MS
            and restart.start_ms <= s.start_ms
            and s.end_ms <= resumed.start_ms + _RESUMED_SLACK_MS
        ]
    return tuple(found)


def _words_sound_alike(clip: Clip, first: SpokenWord, second: SpokenWord) -> bool:
    if first.partial and not second.partial:
        return restarts_alike(clip, (first.start_ms, first.end_ms), second.start_ms)
    return sound_alike(clip, (first.start_ms, first.end_ms), (second.start_ms, second.end_ms))


def _covers(held: Disfluency, silence: Span) -> bool:
    """Whether a held sound spans most of a silence."""
    overlap = min(held.end_ms, silence.end_ms) - max(held.start_ms, silence.start_ms)
    return 2 * overlap > silence.ms


def _word_over(words: list[SpokenWord], start_ms: int, end_ms: int) -> str:
    """The word heard over most of a stretch; empty when no word overlaps it."""
    heard = _heard_over(words, start_ms, end_ms)
    return heard.text if heard else ""


def _heard_over(words: list[SpokenWord], start_ms: int, end_ms: int) -> SpokenWord | None:
    overlaps = [(min(end_ms, w.end_ms) - max(start_ms, w.start_ms), n) for n, w in enumerate(words)]
    overlap, best = max(overlaps, default=(0, 0))
    return words[best] if overlap > 0 else None


def speech_frames(clip: Clip) -> np.ndarray:
    """One boolean per 10 ms frame: whether it holds sound loud enough to be speech."""
    size = ANALYSIS_RATE_HZ * _FRAME_MS // 1000
    count = len(clip.samples) // size
    power = (clip.samples[: count * size].reshape(count, size).astype(np.float64) ** 2).mean(axis=1)
    db = 10 * np.log10(power + 1e-12)
    threshold = max(db.max() - _SPEECH_BELOW_PEAK_DB, np.percentile(db, 10) + _SPEECH_ABOVE_FLOOR_DB)
    return db > threshold


def silent_spans(speech: np.ndarray, offset: int = 0) -> list[Span]:
    """The runs of frames that are not speech, in ms; offset is the first frame's number."""
    edges = np.flatnonzero(np.diff(np.concatenate(([1], speech.astype(int), [1]))))
    return [
        Span(int(offset + start) * _FRAME_MS, int(offset + end) * _FRAME_MS)
        for start, end in zip(edges[::2], edges[1::2], strict=True)
    ]
