"""Speech sounds against the target: which form of each word the child said, phone by phone, with PCC.

Each target word is listened for among itself and its error forms (one phonological process applied once), in one
grammar over the whole target or, for long targets or when that finds nothing, word by word in each word's stretch
of the target's forced alignment. An error form heard is kept only when it explains the recording better than the
target by a likelihood margin (gop), since the recogniser leans towards short forms; each target phoneme then gets
what was produced, when, and how well its frames fit it, and a consonant kept as the target but fitting it badly
is a distortion. Last, the acoustic cues of the obstruents (obstruents.py) and of the liquids /l/ and /r/ (liquids.py)
at the words' edges and between vowels overrule the recogniser where they tell what was said and it cannot.
"""

from dataclasses import dataclass, replace
from enum import Enum

import numpy as np

from brain.speech import cues, gop, liquids, norms, obstruents, recognizer
from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.obstruents import Position
from brain.speech.phonemes import CONSONANTS, VOWELS
from brain.speech.processes import CLUSTER_REDUCTION, DISTORTIONS, Edit, Form, edit_at
from brain.speech.recognizer import ScoredPhone
from brain.speech.targets import TargetWord, exact_name, forms_of_target, jsgf
from brain.speech.transcription import pause_in_middle


class ErrorKind(Enum):
    SUBSTITUTION = "substitution"
    OMISSION = "omission"
    DISTORTION = "distortion"


@dataclass(frozen=True, slots=True)
class AlignedPhoneme:
    word: str
    target: str
    produced: str  # empty when left out
    start_ms: int
    end_ms: int
    goodness: float = 0.0  # gop.goodness of the produced phone, nats per frame; 0 when left out
    distorted: bool = False  # produced as the target, but poorly

    @property
    def correct(self) -> bool:
        return self.produced == self.target and not self.distorted


@dataclass(frozen=True, slots=True)
class ArticulationError:
    word: str
    target: str
    produced: str
    kind: ErrorKind
    process: str  # empty for a distortion, which no process names
    typical_by_months: int
    age_appropriate: bool
    start_ms: int
    end_ms: int
    goodness: float = 0.0  # of the target phoneme's frames, as AlignedPhoneme.goodness


@dataclass(frozen=True, slots=True)
class Articulation:
    phonemes: tuple[AlignedPhoneme, ...]
    errors: tuple[ArticulationError, ...]
    consonants_target: int
    consonants_correct: int
    unscored_words: tuple[str, ...] = ()  # target words that could not be aligned, left out of PCC
    age_norms_source: str = norms.SOURCE

    @property
    def percent_consonants_correct(self) -> float:
        """PCC (Shriberg & Kwiatkowski 1982), distortions counted wrong; 0 for a target without consonants."""
        return 100 * self.consonants_correct / self.consonants_target if self.consonants_target else 0.0


def analyze_articulation(
    clip: Clip, targets: list[TargetWord], child_age_months: int, heard: "Heard | None" = None
) -> Articulation | None:
    """None when the target's words cannot be found in the recording at all (something else was said). heard is
    what was heard of the target when that is already known (see heard_in_stretches), [] when it was not found;
    when None, the target is listened for here."""
    if heard is None:
        whole = _heard_whole(clip, targets) if len(targets) <= WHOLE_TARGET_WORDS else None
        heard = whole or _heard_word_by_word(clip, targets) or []
    if not heard:
        return None
    spectra = cues.spectra(clip)
    duration_ms = round(1000 * clip.duration_s)
    phonemes: list[AlignedPhoneme] = []
    errors: list[ArticulationError] = []
    for index, (target, word_heard) in enumerate(zip(targets, heard, strict=True)):
        if word_heard is None:
            continue
        form, aligned = word_heard
        last = index == len(targets) - 1
        end_ms = duration_ms if last else next((h[1][0].start_ms for h in heard[index + 1 :] if h), duration_ms)
        next_phone = None if last else targets[index + 1].phones[0]
        judged = _with_cues(
            clip, spectra, target, judge_phonemes(target, form, aligned), end_ms, index == 0, next_phone
        )
        for phoneme, edit in judged:
            phonemes.append(phoneme)
            if edit is not None or phoneme.distorted:
                errors.append(_error(target, edit, phoneme, child_age_months))
    consonants = [p for p in phonemes if p.target in CONSONANTS]
    return Articulation(
        phonemes=tuple(phonemes),
        errors=tuple(errors),
        consonants_target=len(consonants),
        consonants_correct=sum(p.correct for p in consonants),
        unscored_words=tuple(t.text for t, h in zip(targets, heard, strict=True) if h is None),
    )


# Up to this many words the target is listened for in one grammar over the whole recording; beyond, word by word.
# The whole grammar lets neighbouring words share their boundaries, but its search and its checks (an alignment of
# the whole recording per error heard) grow with the target, and its beam loses long targets anyway.
WHOLE_TARGET_WORDS = 8

# Per target word, the form said and its aligned phones; None for a word that could not be aligned.
Heard = list[tuple[Form, tuple[ScoredPhone, ...]] | None]


def _heard_whole(clip: Clip, targets: list[TargetWord]) -> Heard | None:
    """The form of each word said, listened for in one grammar over the whole target (best for a few words)."""
    candidates = [forms_of_target(word) for word in targets]
    words = [" | ".join(forms) for forms in candidates]
    # pocketsphinx 5.1 hears nothing when a whole rule is one parenthesised group, so one word goes bare.
    grammar = jsgf(words[0] if len(words) == 1 else " ".join(f"({word})" for word in words))
    padded = _padded(clip)
    names = [word.text for word in recognizer.recognise_grammar(padded, grammar)]
    if len(names) != len(targets):
        return None
    forms = [forms[name] for forms, name in zip(candidates, names, strict=True)]
    return _verified(padded, targets, forms, clip_start_ms=0)


def _heard_word_by_word(clip: Clip, targets: list[TargetWord]) -> Heard | None:
    """The same word by word, in each word's stretch of the target's forced alignment (a long target's grammar
    is too wide for the search beam)."""
    as_targets = aligned_as_targets(clip, targets)
    return None if as_targets is None else heard_in_stretches(clip, targets, as_targets, range(len(targets)))


def aligned_as_targets(clip: Clip, targets: list[TargetWord]) -> Heard | None:
    """The target's forced alignment, every word as the target: where each word's stretch lies, and the phones of
    the words that will be heard as themselves. None when the words cannot be aligned to the clip, whole or in
    pieces."""
    return _as_targets(clip, targets, 0) or _aligned_in_pieces(clip, targets, 0, _MOST_CUTS)


# The search of a long recording's forced alignment can follow a wrong path and never reach the last word, and its
# phone-level pass can fail on a long recording that its word-level pass got through: espeak-ng reading the bench
# passage (its first 20, 40 or all 113 words at 80-160 words per minute, both voices) was aligned whole in 13 of 24
# readings. Such a recording is cut in two, and each piece aligned on its own, cut again in turn if need be, down to
# this many cuts deep.
_MOST_CUTS = 3


def _as_targets(clip: Clip, targets: list[TargetWord], start_ms: int) -> Heard | None:
    return _verified(_padded(clip), targets, [Form(word.phones, ()) for word in targets], clip_start_ms=start_ms)


def _aligned_in_pieces(clip: Clip, targets: list[TargetWord], start_ms: int, cuts: int) -> Heard | None:
    """The forced alignment of a clip starting at start_ms in the recording, in two pieces (see _cut)."""
    cut = _cut(clip, targets) if cuts else None
    if cut is None:
        return None
    cut_ms, first = cut
    end_ms = round(1000 * clip.duration_s)
    heard: Heard = []
    for (piece_start_ms, piece_end_ms), words in (((0, cut_ms), targets[:first]), ((cut_ms, end_ms), targets[first:])):
        piece, at_ms = clip.between(piece_start_ms, piece_end_ms), start_ms + piece_start_ms
        aligned = _as_targets(piece, words, at_ms) or _aligned_in_pieces(piece, words, at_ms, cuts - 1)
        if aligned is None:
            return None
        heard += aligned
    return heard


def _cut(clip: Clip, targets: list[TargetWord]) -> tuple[int, int] | None:
    """Where to cut a clip whose words' alignment failed (ms), and how many of the words go before: at the start of
    the middle word, where the words' alignment placed it, when only its phone-level pass failed; else in the longest
    pause near the middle, after the words the search had got through by then. None when neither is found."""
    names = [exact_name(word) for word in targets]
    placed = recognizer.align_words(_padded(clip), names)
    if len(placed) == len(targets):
        middle = len(targets) // 2
        return max(0, placed[middle].start_ms - PAD_MS), middle
    cut_ms = pause_in_middle(clip)
    first = recognizer.words_reached(_padded(clip.between(0, cut_ms)), names) if cut_ms is not None else 0
    return (cut_ms, first) if cut_ms is not None and 0 < first < len(targets) else None


def shares(as_targets: Heard, count: int) -> list[range]:
    """The target's words in count runs that take about as long to hear, each word's stretch with its padding."""
    ends = np.cumsum([aligned[-1].end_ms - aligned[0].start_ms + 2 * PAD_MS for _, aligned in as_targets])
    cuts = [int(np.searchsorted(ends, ends[-1] * share / count)) for share in range(1, count)]
    return [
        range(start, stop) for start, stop in zip([0, *cuts], [*cuts, len(as_targets)], strict=True) if start < stop
    ]


def heard_in_stretches(clip: Clip, targets: list[TargetWord], as_targets: Heard, words: range) -> Heard:
    """The form said of each of the given words, listened for in its stretch of the target's forced alignment
    (aligned_as_targets). Each word is heard on its own, so a long target's words can be shared out to be heard
    side by side and joined in order. A word heard as itself keeps its phones from that alignment; only a word heard
    in an error form is aligned again, in its stretch, to be checked."""
    heard: Heard = []
    for target, (as_target, aligned) in ((targets[index], as_targets[index]) for index in words):
        start_ms, end_ms = aligned[0].start_ms, aligned[-1].end_ms
        piece = _padded(clip.between(start_ms, end_ms))
        forms = forms_of_target(target)
        said = recognizer.recognise_grammar(piece, jsgf(" | ".join(forms)))
        form = forms[said[0].text] if len(said) == 1 else as_target
        if form.edits:
            verified = _verified(piece, [target], [form], clip_start_ms=start_ms)
            heard.append(verified[0] if verified else (as_target, aligned))
        else:
            heard.append((form, aligned))
    return heard


# Silence put around what is decoded: the recogniser normalises each clip by its mean spectrum, which its model
# expects to include some silence; a clip trimmed to the speech, or a word cut out of a sentence, is misheard.
PAD_MS = 100
_PAD_NOISE = 1e-3  # faint noise rather than digital zeros, against which any word ending sounds cut short


def _padded(clip: Clip) -> Clip:
    noise = np.random.default_rng(0).normal(0, _PAD_NOISE, PAD_MS * ANALYSIS_RATE_HZ // 1000).astype(np.float32)
    return Clip(np.concatenate([noise, clip.samples, noise]))


def _verified(padded: Clip, targets: list[TargetWord], heard: list[Form], clip_start_ms: int) -> Heard | None:
    """The forms said in a padded clip: those heard, each error form put back to the target unless it explains
    the clip better than the target would in its place, by gop's margin; with their aligned phones in the times
    of the recording the clip starts at. None when the words cannot be aligned to the clip. Among other words, a
    word heard in an error form whose target cannot be aligned is left unscored (None), since nothing weighs the error
    against the target; a word alone keeps the error form, for its cues to judge."""
    forms = list(heard)
    unchecked = set()
    alignment = recognizer.align_scored(padded, _names(targets, forms))
    for index, (target, form) in enumerate(zip(targets, heard, strict=True)):
        if not form.edits:
            continue
        as_target = [*forms[:index], Form(target.phones, ()), *forms[index + 1 :]]
        target_alignment = recognizer.align_scored(padded, _names(targets, as_target))
        if target_alignment is None:
            if len(targets) > 1:
                unchecked.add(index)
            continue
        omission = any(edit.produced is None for edit in form.edits)
        if (
            alignment is None
            or not _heard_between_pads(padded, alignment)
            or not gop.error_form_wins(alignment.log_likelihood, target_alignment.log_likelihood, omission)
        ):
            forms, alignment = as_target, target_alignment
    if alignment is None:
        return None
    offset_ms = clip_start_ms - PAD_MS
    end_ms = clip_start_ms + round(1000 * padded.duration_s) - 2 * PAD_MS

    def in_recording(ms: int) -> int:
        return min(end_ms, max(clip_start_ms, ms + offset_ms))

    phones = [replace(p, start_ms=in_recording(p.start_ms), end_ms=in_recording(p.end_ms)) for p in alignment.phones]
    result: Heard = []
    start = 0
    for index, form in enumerate(forms):
        result.append(None if index in unchecked else (form, tuple(phones[start : start + len(form.phones)])))
        start += len(form.phones)
    return result


def _heard_between_pads(padded: Clip, alignment: recognizer.ScoredAlignment) -> bool:
    """Whether every phone was heard in the recording rather than in the silence put around it."""
    end_ms = round(1000 * padded.duration_s) - PAD_MS
    return all(phone.end_ms > PAD_MS and phone.start_ms < end_ms for phone in alignment.phones)


def _names(targets: list[TargetWord], forms: list[Form]) -> list[str]:
    """The dictionary name of each word's form, the target under its exact pronunciation."""
    names = []
    for target, form in zip(targets, forms, strict=True):
        by_form = {f: name for name, f in forms_of_target(target).items()}
        names.append(by_form[form] if form.edits else exact_name(target))
    return names


def judge_phonemes(
    target: TargetWord, form: Form, aligned: tuple[ScoredPhone, ...]
) -> list[tuple[AlignedPhoneme, Edit | None]]:
    """Each target phoneme with the edit that changed it, if any. The consonant whose frames fit it worst, when
    they fit it poorly, was not said as heard: left out where a process could leave it out, else distorted."""
    phonemes = _phonemes(target, form, aligned)
    edits: dict[int, Edit | None] = {edit.index: edit for edit in form.edits}
    said = [index for index, phoneme in enumerate(phonemes) if phoneme.target in CONSONANTS and phoneme.produced]
    worst = min(said, key=lambda index: phonemes[index].goodness, default=None)
    if worst is not None and gop.poor(phonemes[worst].goodness):
        edits[worst] = edit_at(target.phones, worst, None)
        produced = "" if edits[worst] else phonemes[worst].target
        phonemes[worst] = replace(phonemes[worst], produced=produced, distorted=edits[worst] is None)
    return [(phoneme, edits.get(index)) for index, phoneme in enumerate(phonemes)]


def _with_cues(
    clip: Clip,
    spectra: cues.Spectra,
    target: TargetWord,
    judged: list[tuple[AlignedPhoneme, Edit | None]],
    end_ms: int,
    first_word: bool,
    next_phone: str | None,
) -> list[tuple[AlignedPhoneme, Edit | None]]:
    """The word's first and last consonants, those between its vowels and a /k/ before /s/, as their acoustic cues say
    they were said, where the cues can tell and a process makes that error (or it is the target itself); the rest as
    judged, but for what the recording cannot show as an error (obstruents.no_error) and sibilants whose noise says
    they were said (obstruents.sibilant_said), put back as said. end_ms is where the word's stretch of the recording
    ends; next_phone is the next word's first phone, None for the last word."""
    phones, last = target.phones, len(judged) - 1
    loudest_db = cues.loudest_db(spectra, judged[0][0].start_ms, end_ms)
    edges = {i for i, edge in ((0, first_word), (last, next_phone is None)) if edge}  # the recording's own edges
    judged = [
        (replace(p, produced=p.target, distorted=False), None)
        if edit and _said_after_all(spectra, phones, i, p, next_phone if i == last else None, i in edges, loudest_db)
        else (p, edit)
        for i, (p, edit) in enumerate(judged)
    ]
    start = Position.UTTERANCE_INITIAL if first_word else Position.WORD_INITIAL
    end = Position.UTTERANCE_FINAL if next_phone is None else Position.WORD_FINAL
    inside = [
        (i, Position.BETWEEN_VOWELS if phones[i + 1] in VOWELS else Position.BEFORE_SIBILANT)
        for i in range(1, len(phones) - 1)
        if phones[i - 1] in VOWELS and phones[i + 1] in VOWELS | {"S"}
    ]
    if first_word and phones[1:2] == ("L",) and not judged[0][0].produced:
        # the first consonant of /fl/, /gl/, ... heard left out, said where its own sound comes before the lateral's
        sound_ms = cues.sound_start_ms(spectra, 0, judged[1][0].end_ms, loudest_db)
        if said := obstruents.before_lateral(spectra, phones[0], sound_ms, loudest_db):
            judged[0] = (replace(judged[0][0], produced=said, start_ms=min(sound_ms, judged[0][0].end_ms)), None)
    # the /l/ of /bl/, /gl/, ... after a first consonant said (where that is heard left out, the onset is unclear)
    cluster = [(1, start)] if phones[1:2] == ("L",) and phones[0] in CONSONANTS and judged[0][0].produced else []
    for index, position in [(0, start), *cluster, *inside, (last, end)]:
        phoneme = judged[index][0]
        final = position in (Position.UTTERANCE_FINAL, Position.WORD_FINAL)
        rejudged = final or (index, position) in cluster  # even when heard left out (a last stop may be held)
        if phoneme.target not in CONSONANTS or not (phoneme.produced or rejudged):
            continue  # a vowel, or a consonant left out already
        neighbour = index - 1 if final else index + 1
        by_vowel = 0 <= neighbour < len(phones) and phones[neighbour] in VOWELS
        span_start_ms, span_end_ms = phoneme.start_ms, phoneme.end_ms
        if final:
            # a last consonant heard left out before another word may still be released before that word
            span_end_ms = end_ms if position is Position.UTTERANCE_FINAL or not phoneme.produced else phoneme.end_ms
            if by_vowel:
                vowel = judged[neighbour][0]
                span_start_ms = (vowel.start_ms + vowel.end_ms) // 2
        if position is Position.WORD_FINAL and next_phone not in obstruents.RELEASED_INTO:
            continue  # what follows its closure is the next word's
        if phoneme.target in liquids.LIQUIDS and by_vowel and not final:
            vowel_middle_ms = (judged[neighbour][0].start_ms + judged[neighbour][0].end_ms) // 2
            word_start_ms = judged[0][0].start_ms
            said = liquids.produced(clip, spectra, phones, index, position, word_start_ms, vowel_middle_ms, loudest_db)
        elif phoneme.target == "R" and position is Position.UTTERANCE_FINAL and by_vowel:
            said = liquids.final_rhotic(clip, spectra, judged[neighbour][0].start_ms, span_end_ms, loudest_db)
        elif phoneme.target == "Z" and position is Position.UTTERANCE_FINAL and phoneme.produced:
            said = obstruents.final_voiced_sibilant(spectra, phoneme.start_ms, span_end_ms)
        elif position is Position.WORD_FINAL and phoneme.target in obstruents.NASALS and not phoneme.produced:
            said = obstruents.final_nasal(spectra, phoneme.target, next_phone, span_start_ms, span_end_ms, loudest_db)
        elif position is Position.UTTERANCE_FINAL and index and phones[neighbour] in obstruents.NASALS:
            nasal_middle_ms = (judged[neighbour][0].start_ms + judged[neighbour][0].end_ms) // 2
            said = obstruents.final_stop_after_nasal(spectra, phoneme.target, nasal_middle_ms, span_end_ms, loudest_db)
        else:
            said = obstruents.produced(
                spectra, phoneme.target, position, by_vowel, span_start_ms, span_end_ms, loudest_db
            )
        if said is None or (
            said == phoneme.produced and not phoneme.distorted and position is not Position.UTTERANCE_FINAL
        ):
            continue  # the recording's last sound, even as heard, gets its span to the recording's end below
        if said == obstruents.DISTORTED:
            judged[index] = (replace(phoneme, produced=phoneme.target, distorted=True), None)
        elif said == phoneme.target:  # said right after all; a final one left out before spans the word's rest
            end = max(phoneme.end_ms, span_end_ms)
            judged[index] = (replace(phoneme, produced=said, distorted=False, end_ms=end), None)
        elif cue_edit := edit_at(target.phones, index, said or None):
            start_ms = phoneme.start_ms if said else phoneme.end_ms
            if said and index == 0 and position is Position.UTTERANCE_INITIAL:
                # the recording's first sound is this phone's, though the alignment may start it late where it fits
                # the target's phone poorly
                start_ms = cues.sound_start_ms(spectra, 0, start_ms, loudest_db)
            # the recording's last sound, said as another, lasts to its end
            last_ms = span_end_ms if said and position is Position.UTTERANCE_FINAL else phoneme.end_ms
            judged[index] = (
                replace(phoneme, produced=said, distorted=False, start_ms=start_ms, end_ms=max(start_ms, last_ms)),
                cue_edit,
            )
    return judged


def _said_after_all(
    spectra: cues.Spectra,
    phones: tuple[str, ...],
    index: int,
    phoneme: AlignedPhoneme,
    next_phone: str | None,
    at_edge: bool,
    loudest_db: float,
) -> bool:
    """Whether the phoneme at index, heard in error, is no error the recording shows (obstruents.no_error; next_phone
    is the next word's first phone for the word's last phoneme), or, away from the recording's own edges, a sibilant
    whose noise says it was said."""
    if obstruents.no_error(spectra, phones, index, phoneme.produced, next_phone):
        return True
    return (
        not at_edge
        and bool(phoneme.produced)
        and obstruents.sibilant_said(spectra, phoneme.target, phoneme.start_ms, phoneme.end_ms, loudest_db)
    )


def _phonemes(target: TargetWord, form: Form, aligned: tuple[ScoredPhone, ...]) -> list[AlignedPhoneme]:
    spans = {form.target_index(i): (form.phones[i], phone) for i, phone in enumerate(aligned)}
    result = []
    for index, phoneme in enumerate(target.phones):
        if index in spans:
            produced, phone = spans[index]
            result.append(
                AlignedPhoneme(target.text, phoneme, produced, phone.start_ms, phone.end_ms, gop.goodness(phone))
            )
        else:  # left out: an empty span where the phoneme belonged
            at = result[-1].end_ms if result else aligned[0].start_ms
            result.append(AlignedPhoneme(target.text, phoneme, "", at, at))
    return result


def _error(target: TargetWord, edit: Edit | None, phoneme: AlignedPhoneme, child_age_months: int) -> ArticulationError:
    """The error at a phoneme: the edit a process made there, or a distortion when there is none."""
    process = edit.process if edit else ""
    cluster = tuple(p for p in target.phones if p not in VOWELS) if process == CLUSTER_REDUCTION else ()
    typical_by = norms.typical_by_months(process, phoneme.target, cluster)
    if edit is None or edit.process in DISTORTIONS:
        kind = ErrorKind.DISTORTION
    else:
        kind = ErrorKind.OMISSION if edit.produced is None else ErrorKind.SUBSTITUTION
    return ArticulationError(
        word=target.text,
        target=phoneme.target,
        produced=phoneme.produced if edit else "",
        kind=kind,
        process=process,
        typical_by_months=typical_by,
        age_appropriate=norms.age_appropriate(typical_by, child_age_months),
        start_ms=phoneme.start_ms,
        end_ms=phoneme.end_ms,
        goodness=phoneme.goodness,
    )
