"""ARPAbet as the CMU dictionary writes it, stress marks removed."""

import re

VOWELS = frozenset("AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW".split())
CONSONANTS = frozenset("B CH D DH F G HH JH K L M N NG P R S SH T TH V W Y Z ZH".split())
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")


def syllables(phones: tuple[str, ...] | None, spelling: str) -> int:
    """Vowels in the pronunciation; for a word the dictionary lacks, vowel letter groups in its spelling."""
    if phones is not None:
        return max(1, sum(phone in VOWELS for phone in phones))
    return max(1, len(_VOWEL_GROUPS.findall(spelling.lower())))
