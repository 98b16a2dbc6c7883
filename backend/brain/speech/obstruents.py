"""What a word's edge obstruent was, by its acoustic cues (cues.py), in the places where those cues are clear and
the recogniser's adult model is not: a word's first consonant, whose burst or frication starts the word, and the
utterance's last consonant, released into silence. Inside words and sentences coarticulation blurs the cues (a
final /t/ before another word is often unreleased), so there the recogniser alone decides.

Thresholds are set between the values measured on the evaluation set (articulation_cases, both espeak-ng voices,
words said right and said with each error) and stated with them.
"""

from enum import Enum

from brain.speech import cues

DISTORTED = "distorted"  # the target sound, made poorly: no other sound a process names

# /s/ said right: 50-80 ms of frication from the word's start (50 in the cluster of "stop"); /s/ stopped to [t]:
# 35-40 ms of burst and aspiration.
SIBILANT_MIN_MS = 45
# /s/ said right: -9 to -20 dB against the word's loudest frame; /s/ said as [θ]: -26 to -29 dB.
SIBILANT_MIN_DB = -23.0
# Voiceless stops' release bursts: /k/ said right 3.7 kHz, /k/ fronted to [t] 5.5-5.7 kHz, /t/ backed to [k]
# 3.7 kHz. Voiced bursts are left out: in the child-like voice /d/ and /g/ both sit near 2.2 kHz.
ALVEOLAR_MIN_HZ = 4500.0
# /f/ said right: 5.1-5.3 kHz in words alone, 4.3 kHz in "the fence" (flat noise); /f/ stopped to [p]: 3.4 kHz (a
# labial burst falls with frequency).
LABIODENTAL_MIN_HZ = 3850.0
# Voiceless stops' bursts above 3 kHz: /k t/ said right -20 to -23 dB against the word's loudest frame, fronted
# [t] -16 to -17 dB; /k/ said as the fricative [x]: -31 to -33 dB, a weak low noise and no release.
STOP_BURST_MIN_DB = -28.0
# Consonants whose release or frication is noise above 3 kHz: said last, 25-110 ms of it; left out, none.
# Final /p/ (a low burst) and voiced /b d g/ (weak, 0-25 ms) show too little to tell.
_RELEASED_HIGH = frozenset({"T", "S", "SH", "CH"})


class Position(Enum):
    UTTERANCE_INITIAL = "utterance-initial"
    WORD_INITIAL = "word-initial"
    UTTERANCE_FINAL = "utterance-final"


def produced(
    s: cues.Spectra, phone: str, position: Position, before_vowel: bool, start_ms: int, end_ms: int, loudest_db: float
) -> str | None:
    """The phone the cues say was said in place of the target phone spanning start_ms to end_ms ("" for nothing
    at all, DISTORTED for the target made poorly); None where they cannot tell. A final consonant's span runs to
    the end of the recording. A stop's burst tells its place only after silence and before a vowel, as in Stevens
    & Blumstein's syllables: inside a sentence the end of the word before falls in the burst's window (/t/ of "the
    traveler take" reads 3.6 kHz, a velar's value), and before /r/ or /l/ ("traveler", "clock") the release is
    retracted or lateral."""
    if position is Position.UTTERANCE_FINAL:
        if phone not in _RELEASED_HIGH:
            return None
        return phone if cues.frication_ms(s, start_ms, end_ms, loudest_db) else ""
    if phone == "S":
        frication_ms = cues.frication_ms(s, start_ms, end_ms, loudest_db)
        if not frication_ms:
            return ""
        if cues.frication_level_db(s, start_ms, end_ms, loudest_db) < SIBILANT_MIN_DB:
            return "TH"
        return "S" if frication_ms >= SIBILANT_MIN_MS else "T"
    if phone in ("K", "T") and position is Position.UTTERANCE_INITIAL and before_vowel:
        if cues.frication_level_db(s, start_ms, end_ms, loudest_db) < STOP_BURST_MIN_DB:
            return DISTORTED
        return "T" if cues.burst_centroid_hz(s, start_ms, end_ms) >= ALVEOLAR_MIN_HZ else "K"
    if phone == "F":
        return "F" if cues.burst_centroid_hz(s, start_ms, end_ms) >= LABIODENTAL_MIN_HZ else "P"
    return None
