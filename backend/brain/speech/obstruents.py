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
# 3.7 kHz.
ALVEOLAR_MIN_HZ = 4500.0
# Voiced stops' bursts, the first 15 ms of sound of the word: /d/ 4.5-5.0 kHz, /g/ 3.0-3.1 kHz in both voices. (The
# strongest frame of the aligned span's first 30 ms, as for /k t/, is often the vowel's onset instead, near 2.2 kHz
# for both: the aligned span of a voiced stop starts up to 30 ms after its burst, so the burst is looked for from
# that much before it.)
VOICED_ALVEOLAR_MIN_HZ = 3750.0
_ALIGNED_LATE_MS = 30
# /v/ said right: 90-120 ms of weak voiced frication before the vowel comes within 10 dB of its peak; /v/ stopped to
# [b]: 10 ms, a burst straight into the vowel. (A /b/ voiced long before its release, as some speakers make it,
# would read as /v/; the set has none.)
FRICATIVE_MIN_MS = 50
# /f/ said right: 5.1-5.3 kHz in words alone, 4.3 kHz in "the fence" (flat noise); /f/ stopped to [p]: 3.4 kHz (a
# labial burst falls with frequency).
LABIODENTAL_MIN_HZ = 3850.0
# Voiceless stops' bursts above 3 kHz: /k t/ said right -20 to -23 dB against the word's loudest frame, fronted
# [t] -16 to -17 dB; /k/ said as the fricative [x]: -31 to -33 dB, a weak low noise and no release.
STOP_BURST_MIN_DB = -28.0
# Consonants whose release or frication is noise above 3 kHz: said last, 25-110 ms of it; left out, none.
_RELEASED_HIGH = frozenset({"T", "S", "SH", "CH"})
# A stop said last after a vowel is a closure and a release: its high band rises 5-126 dB over the closure (5 for the
# child-like voice's /p/ and /g/, whose closures carry some noise); a vowel that ends without one rises at most 0 dB.
# A final stop said but not released, as adults often end a phrase, would read as left out: the set's voices always
# release theirs.
RELEASE_MIN_RISE_DB = 3.0
# The centre of that release: /k g/ 2.5-3.2 kHz, /t d/ 4.7-5.9 kHz (a velar's compact burst at the vowel's F2-F3).
FINAL_ALVEOLAR_MIN_HZ = 4000.0
# Final stops the release tells, each with the stop a release centred low or high makes of it. /p/'s burst is low
# like a velar's, so for /p/ only said or left out; /b/ is not measured.
_FINAL_STOPS = {"P": ("P", "P"), "K": ("K", "T"), "T": ("K", "T"), "G": ("G", "D"), "D": ("G", "D")}


class Position(Enum):
    UTTERANCE_INITIAL = "utterance-initial"
    WORD_INITIAL = "word-initial"
    UTTERANCE_FINAL = "utterance-final"


def produced(
    s: cues.Spectra, phone: str, position: Position, by_vowel: bool, start_ms: int, end_ms: int, loudest_db: float
) -> str | None:
    """The phone the cues say was said in place of the target phone spanning start_ms to end_ms ("" for nothing
    at all, DISTORTED for the target made poorly); None where they cannot tell. by_vowel: a vowel follows a first
    consonant, or comes before a last one. A final consonant's span runs from the middle of the vowel before it (the
    recogniser ends that vowel early where it hears the consonant left out) to the end of the recording. A stop's
    burst tells its place only after silence and before a vowel, as in Stevens & Blumstein's syllables: inside a
    sentence the end of the word before falls in the burst's window (/t/ of "the traveler take" reads 3.6 kHz, a
    velar's value), and before /r/ or /l/ ("traveler", "clock") the release is retracted or lateral."""
    if position is Position.UTTERANCE_FINAL:
        if phone in _FINAL_STOPS and by_vowel:
            release_ms, rise_db = cues.release_rise_db(s, start_ms, end_ms, loudest_db)
            if rise_db < RELEASE_MIN_RISE_DB:
                return ""
            low, high = _FINAL_STOPS[phone]
            return high if cues.burst_centroid_hz(s, release_ms, end_ms) >= FINAL_ALVEOLAR_MIN_HZ else low
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
    if phone in ("K", "T") and position is Position.UTTERANCE_INITIAL and by_vowel:
        if cues.frication_level_db(s, start_ms, end_ms, loudest_db) < STOP_BURST_MIN_DB:
            return DISTORTED
        return "T" if cues.burst_centroid_hz(s, start_ms, end_ms) >= ALVEOLAR_MIN_HZ else "K"
    if phone in ("D", "G") and position is Position.UTTERANCE_INITIAL and by_vowel:
        burst_hz = cues.onset_centroid_hz(s, max(0, start_ms - _ALIGNED_LATE_MS), end_ms, loudest_db)
        return "D" if burst_hz >= VOICED_ALVEOLAR_MIN_HZ else "G"
    if phone == "V" and position is Position.UTTERANCE_INITIAL and by_vowel:
        lead_ms = cues.onset_to_vowel_ms(s, max(0, start_ms - _ALIGNED_LATE_MS), loudest_db)
        return "V" if lead_ms >= FRICATIVE_MIN_MS else "B"
    if phone == "F":
        return "F" if cues.burst_centroid_hz(s, start_ms, end_ms) >= LABIODENTAL_MIN_HZ else "P"
    return None
