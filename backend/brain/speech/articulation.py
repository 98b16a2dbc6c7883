"""Speech sounds against the target: which form of each word the child said, phone by phone, with PCC.

Each target word is listened for among itself and its error forms (one phonological process applied once), in one
grammar over the whole target or, when that finds nothing (long targets), word by word in each word's stretch of
the target's forced alignment; the forms heard are aligned phone by phone, and each target phoneme gets what was
produced and when.
"""

from dataclasses import dataclass, replace
from enum import Enum

from brain.speech import norms, recognizer
from brain.speech.audio import Clip
from brain.speech.phonemes import CONSONANTS, VOWELS
from brain.speech.processes import CLUSTER_REDUCTION, Edit, Form
from brain.speech.targets import TargetWord, forms_of_target, jsgf


class ErrorKind(Enum):
    SUBSTITUTION = "substitution"
    OMISSION = "omission"


@dataclass(frozen=True, slots=True)
class AlignedPhoneme:
    word: str
    target: str
    produced: str  # empty when left out
    start_ms: int
    end_ms: int

    @property
    def correct(self) -> bool:
        return self.produced == self.target


@dataclass(frozen=True, slots=True)
class ArticulationError:
    word: str
    target: str
    produced: str
    kind: ErrorKind
    process: str
    typical_by_months: int
    age_appropriate: bool
    start_ms: int
    end_ms: int


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
        """PCC (Shriberg & Kwiatkowski 1982); 0 for a target without consonants."""
        return 100 * self.consonants_correct / self.consonants_target if self.consonants_target else 0.0


def analyze_articulation(clip: Clip, targets: list[TargetWord], child_age_months: int) -> Articulation | None:
    """None when the target's words cannot be found in the recording at all (something else was said)."""
    heard = _heard_whole(clip, targets) or _heard_word_by_word(clip, targets)
    if heard is None:
        return None
    phonemes: list[AlignedPhoneme] = []
    errors: list[ArticulationError] = []
    for target, word_heard in zip(targets, heard, strict=True):
        if word_heard is None:
            continue
        form, aligned = word_heard
        word_phonemes = _phonemes(target, form, aligned)
        phonemes += word_phonemes
        errors += [_error(target, edit, word_phonemes[edit.index], child_age_months) for edit in form.edits]
    consonants = [p for p in phonemes if p.target in CONSONANTS]
    return Articulation(
        phonemes=tuple(phonemes),
        errors=tuple(errors),
        consonants_target=len(consonants),
        consonants_correct=sum(p.correct for p in consonants),
        unscored_words=tuple(t.text for t, h in zip(targets, heard, strict=True) if h is None),
    )


# Per target word, the form said and its aligned phones; None for a word that could not be aligned.
Heard = list[tuple[Form, list[recognizer.Phone]] | None]


def _heard_whole(clip: Clip, targets: list[TargetWord]) -> Heard | None:
    """The form of each word said, listened for in one grammar over the whole target (best for a few words)."""
    candidates = [forms_of_target(word) for word in targets]
    words = [" | ".join(forms) for forms in candidates]
    # pocketsphinx 5.1 hears nothing when a whole rule is one parenthesised group, so one word goes bare.
    grammar = jsgf(words[0] if len(words) == 1 else " ".join(f"({word})" for word in words))
    names = [word.text for word in recognizer.recognise_grammar(clip, grammar)]
    if len(names) != len(targets):
        return None
    chosen = [forms[name] for forms, name in zip(candidates, names, strict=True)]
    phones = recognizer.align_phones(clip, names)
    if len(phones) != sum(len(form.phones) for form in chosen):
        return None
    heard, start = [], 0
    for form in chosen:
        heard.append((form, phones[start : start + len(form.phones)]))
        start += len(form.phones)
    return heard


def _heard_word_by_word(clip: Clip, targets: list[TargetWord]) -> Heard | None:
    """The same word by word, in each word's stretch of the target's forced alignment (a long target's grammar
    is too wide for the search beam)."""
    spans = recognizer.align_words(clip, [word.text for word in targets])
    if len(spans) != len(targets):
        return None
    heard = []
    for target, span in zip(targets, spans, strict=True):
        start_ms = span.start_ms
        piece = clip.between(start_ms, span.end_ms)
        forms = forms_of_target(target)
        said = recognizer.recognise_grammar(piece, jsgf(" | ".join(forms)))
        name = said[0].text if len(said) == 1 else target.text
        phones = recognizer.align_phones(piece, [name])
        if len(phones) != len(forms[name].phones):
            heard.append(None)
            continue
        heard.append(
            (forms[name], [replace(p, start_ms=p.start_ms + start_ms, end_ms=p.end_ms + start_ms) for p in phones])
        )
    return heard if any(heard) else None


def _phonemes(target: TargetWord, form: Form, aligned: list[recognizer.Phone]) -> list[AlignedPhoneme]:
    spans: dict[int, tuple[str, int, int]] = {
        form.target_index(i): (phone.phone, phone.start_ms, phone.end_ms) for i, phone in enumerate(aligned)
    }
    result = []
    for index, phoneme in enumerate(target.phones):
        if index in spans:
            produced, start, end = spans[index]
        else:  # left out: an empty span where the phoneme belonged
            start = end = result[-1].end_ms if result else spans[min(spans)][1]
            produced = ""
        result.append(AlignedPhoneme(target.text, phoneme, produced, start, end))
    return result


def _error(target: TargetWord, edit: Edit, phoneme: AlignedPhoneme, child_age_months: int) -> ArticulationError:
    cluster = tuple(p for p in target.phones if p not in VOWELS) if edit.process == CLUSTER_REDUCTION else ()
    typical_by = norms.typical_by_months(edit.process, phoneme.target, cluster)
    return ArticulationError(
        word=target.text,
        target=phoneme.target,
        produced=phoneme.produced,
        kind=ErrorKind.OMISSION if edit.produced is None else ErrorKind.SUBSTITUTION,
        process=edit.process,
        typical_by_months=typical_by,
        age_appropriate=norms.age_appropriate(typical_by, child_age_months),
        start_ms=phoneme.start_ms,
        end_ms=phoneme.end_ms,
    )
