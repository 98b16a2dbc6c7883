"""Phonological processes: the patterns by which children simplify a word, each turned into the word's error form."""

from dataclasses import dataclass

from brain.speech.phonemes import CONSONANTS, VOWELS

GLIDING = "gliding"
VELAR_FRONTING = "velar fronting"
BACKING = "backing"
STOPPING = "stopping"
CLUSTER_REDUCTION = "cluster reduction"
FINAL_CONSONANT_DELETION = "final consonant deletion"
INTERDENTAL_LISP = "interdental lisp"  # a distortion: /s z/ made with the tongue between the teeth
DISTORTIONS = frozenset({INTERDENTAL_LISP})  # patterns that produce a poor version of the sound, not another one

# Substitution processes and distortions: target phoneme -> the phoneme the pattern puts in its place.
_SUBSTITUTIONS = {
    GLIDING: {"R": "W", "L": "W"},
    VELAR_FRONTING: {"K": "T", "G": "D", "NG": "N"},
    BACKING: {"T": "K", "D": "G"},
    STOPPING: {"F": "P", "V": "B", "S": "T", "Z": "D", "SH": "T", "CH": "T", "JH": "D", "TH": "T", "DH": "D"},
    INTERDENTAL_LISP: {"S": "TH", "Z": "DH"},
}


@dataclass(frozen=True, slots=True)
class Edit:
    """One target phoneme changed: produced is None when the phoneme is left out."""

    index: int
    produced: str | None
    process: str


@dataclass(frozen=True, slots=True)
class Form:
    """A way of saying a word: the target itself (no edits) or the target with one process applied once."""

    phones: tuple[str, ...]
    edits: tuple[Edit, ...]

    def target_index(self, produced_index: int) -> int:
        """Which target phoneme a phone of this form stands for."""
        omitted = [e.index for e in self.edits if e.produced is None]
        return produced_index + sum(1 for index in omitted if index <= produced_index)


def forms_of(target: tuple[str, ...]) -> list[Form]:
    """The target and every error form one process makes of it at one place."""
    forms = [Form(target, ())]
    for process, table in _SUBSTITUTIONS.items():
        for index, phone in enumerate(target):
            if phone in table and (process != GLIDING or _before_vowel(target, index)):
                forms.append(_apply(target, Edit(index, table[phone], process)))
    if target[-1] in CONSONANTS and len(target) > 1:
        forms.append(_apply(target, Edit(len(target) - 1, None, FINAL_CONSONANT_DELETION)))
    for index in _cluster_members(target):
        forms.append(_apply(target, Edit(index, None, CLUSTER_REDUCTION)))
    return forms


def edit_at(target: tuple[str, ...], index: int, produced: str | None) -> Edit | None:
    """The edit a process makes of the target's phoneme at index into produced (None: left out), if any does."""
    return next(
        (edit for form in forms_of(target) for edit in form.edits if edit.index == index and edit.produced == produced),
        None,
    )


def _apply(target: tuple[str, ...], edit: Edit) -> Form:
    phones = list(target)
    if edit.produced is None:
        del phones[edit.index]
    else:
        phones[edit.index] = edit.produced
    return Form(tuple(phones), (edit,))


def _before_vowel(phones: tuple[str, ...], index: int) -> bool:
    return index + 1 < len(phones) and phones[index + 1] in VOWELS


def _cluster_members(phones: tuple[str, ...]) -> list[int]:
    """Indexes of consonants in a word-initial or word-final cluster of two or more."""
    first_vowel = next((i for i, p in enumerate(phones) if p in VOWELS), len(phones))
    last_vowel = max((i for i, p in enumerate(phones) if p in VOWELS), default=-1)
    onset = list(range(first_vowel)) if first_vowel >= 2 else []
    coda = list(range(last_vowel + 1, len(phones))) if len(phones) - last_vowel - 1 >= 2 else []
    return onset + coda
