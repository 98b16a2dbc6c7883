"""Speech sounds against the target: which form of each word the child said, phone by phone, with PCC.

The target is force-aligned to the recording to find each word's stretch; there the word is listened for among
itself and its error forms (one phonological process applied once), the form heard is aligned phone by phone,
and each target phoneme gets what was produced and when. Word by word, so long targets stay cheap and robust.
"""

from dataclasses import dataclass, replace
from enum import Enum

from brain.speech import norms, recognizer
from brain.speech.audio import Clip
from brain.speech.phonemes import CONSONANTS, VOWELS
from brain.speech.processes import CLUSTER_REDUCTION, Edit, Form
from brain.speech.targets import TargetWord, forms_of_target, jsgf

# How far beyond the target word's aligned edges its error forms are listened for.
_MARGIN_MS = 100


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
    age_norms_source: str = norms.SOURCE

    @property
    def percent_consonants_correct(self) -> float:
        """PCC (Shriberg & Kwiatkowski 1982); 0 for a target without consonants."""
        return 100 * self.consonants_correct / self.consonants_target if self.consonants_target else 0.0


def analyze_articulation(clip: Clip, targets: list[TargetWord], child_age_months: int) -> Articulation | None:
    """None when the target's words cannot be found in the recording at all (something else was said)."""
    spans = recognizer.align_words(clip, [word.text for word in targets])
    if len(spans) != len(targets):
        return None
    phonemes: list[AlignedPhoneme] = []
    errors: list[ArticulationError] = []
    for target, span in zip(targets, spans, strict=True):
        heard = _word_heard(clip, target, span)
        if heard is None:
            return None
        form, aligned = heard
        word_phonemes = _phonemes(target, form, aligned)
        phonemes += word_phonemes
        errors += [_error(target, edit, word_phonemes[edit.index], child_age_months) for edit in form.edits]
    consonants = [p for p in phonemes if p.target in CONSONANTS]
    return Articulation(
        phonemes=tuple(phonemes),
        errors=tuple(errors),
        consonants_target=len(consonants),
        consonants_correct=sum(p.correct for p in consonants),
    )


def _word_heard(clip: Clip, target: TargetWord, span: recognizer.Word) -> tuple[Form, list[recognizer.Phone]] | None:
    """Which form of the word was said in its stretch of the recording (a little wider than the target's forced
    alignment, whose edges an error form may cross), and its phones with their times in the whole recording."""
    start_ms = max(0, span.start_ms - _MARGIN_MS)
    piece = clip.between(start_ms, span.end_ms + _MARGIN_MS)
    forms = forms_of_target(target)
    heard = recognizer.recognise_grammar(piece, jsgf(" | ".join(forms)))
    name = heard[0].text if len(heard) == 1 else target.text
    phones = recognizer.align_phones(piece, [name])
    if len(phones) != len(forms[name].phones):
        return None
    return forms[name], [replace(p, start_ms=p.start_ms + start_ms, end_ms=p.end_ms + start_ms) for p in phones]


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
