"""Every speech analysis of one clip in one pass, sharing what they have in common (transcript, targets), or cut
into parts that share nothing, to run side by side beside the transcript's dictation."""

from dataclasses import dataclass, replace
from enum import Enum

from brain.speech.articulation import WHOLE_TARGET_WORDS, Articulation, Heard, aligned_as_targets, analyze_articulation
from brain.speech.audio import Clip
from brain.speech.fluency import DEFAULT_PAUSE_THRESHOLD_MS, Fluency, analyze_fluency
from brain.speech.prosody import Prosody, analyze_prosody
from brain.speech.quality import Quality, measure_quality
from brain.speech.spoken import spoken_words
from brain.speech.targets import TargetWord, target_words
from brain.speech.transcription import Transcript, dictated, words_of
from brain.speech.vowels import spoken_vowels

TARGET_NOT_FOUND = "articulation: the target words were not found in the recording"
UNSCORED_WORDS = "articulation: left out target words that could not be aligned"


class Analysis(Enum):
    TRANSCRIPT = "transcript"
    ARTICULATION = "articulation"
    FLUENCY = "fluency"
    PROSODY = "prosody"


@dataclass(frozen=True, slots=True)
class SpeechRequest:
    analyses: frozenset[Analysis]
    child_age_months: int
    target_text: str = ""
    pause_threshold_ms: int = DEFAULT_PAUSE_THRESHOLD_MS

    @property
    def needs_transcript(self) -> bool:
        """Fluency reads the transcript's words when there is no target to listen for."""
        return Analysis.TRANSCRIPT in self.analyses or (Analysis.FLUENCY in self.analyses and not self.target_text)

    @property
    def hears_words_in_shares(self) -> bool:
        """A target too long to be listened for whole is heard word by word, which can be shared out."""
        return Analysis.ARTICULATION in self.analyses and len(words_of(self.target_text)) > WHOLE_TARGET_WORDS

    @property
    def reads_transcript(self) -> bool:
        """Without a target, fluency and rhythm are measured on the transcript's words when there is one."""
        return not self.target_text and bool(self.analyses & {Analysis.FLUENCY, Analysis.PROSODY})


@dataclass(frozen=True, slots=True)
class SpeechResult:
    quality: Quality
    warnings: tuple[str, ...]
    transcript: Transcript | None = None
    articulation: Articulation | None = None
    fluency: Fluency | None = None
    prosody: Prosody | None = None


# Analyses that read each other's results: prosody measures rhythm on the vowels articulation aligned.
_TOGETHER = (frozenset({Analysis.ARTICULATION, Analysis.PROSODY}), frozenset({Analysis.FLUENCY}))


def parts(request: SpeechRequest) -> list[SpeechRequest]:
    """The analyses other than the transcript, cut into parts that read nothing of one another's, longest first,
    to be analysed side by side beside the transcript's dictation and merged. A part asked for nothing but the
    quality measures when there is nothing else to do."""
    found = [replace(request, analyses=request.analyses & group) for group in _TOGETHER if request.analyses & group]
    return found or [replace(request, analyses=frozenset())]


def merged(results: list[SpeechResult]) -> SpeechResult:
    """One result from the results of a request's parts; each part measured the same quality and warned of it."""
    return SpeechResult(
        quality=results[0].quality,
        warnings=tuple(dict.fromkeys(warning for result in results for warning in result.warnings)),
        transcript=next((r.transcript for r in results if r.transcript is not None), None),
        articulation=next((r.articulation for r in results if r.articulation is not None), None),
        fluency=next((r.fluency for r in results if r.fluency is not None), None),
        prosody=next((r.prosody for r in results if r.prosody is not None), None),
    )


def aligned_target(clip: Clip, target_text: str) -> tuple[list[TargetWord], Heard]:
    """The target's words and their forced alignment, [] when they cannot be aligned: the first step of hearing a
    long target word by word."""
    targets = target_words(target_text)
    return targets, aligned_as_targets(clip, targets) or []


def analyze(
    clip: Clip, request: SpeechRequest, transcript: Transcript | None = None, heard: Heard | None = None
) -> SpeechResult:
    """The requested analyses; transcript is one already made (by the external recogniser, or dictated beside
    this part) or None; heard is what articulation heard of the target when that was listened for already, as
    analyze_articulation takes it. Fluency is left out (None) when its target was not heard and there is no
    transcript to read the words from instead."""
    quality = measure_quality(clip)
    warnings = list(quality.warnings())
    targets = target_words(request.target_text) if request.target_text else None
    if transcript is None and request.needs_transcript:
        transcript = dictated(clip)
    articulation = None
    if Analysis.ARTICULATION in request.analyses and targets:
        articulation = analyze_articulation(clip, targets, request.child_age_months, heard)
        if articulation is None:
            warnings.append(TARGET_NOT_FOUND)
        elif articulation.unscored_words:
            warnings.append(f"{UNSCORED_WORDS}: {', '.join(articulation.unscored_words)}")
    fluency = None
    if Analysis.FLUENCY in request.analyses:
        words = spoken_words(clip, targets, transcript)
        fluency = analyze_fluency(clip, words, request.pause_threshold_ms) if words is not None else None
    return SpeechResult(
        quality=quality,
        warnings=tuple(warnings),
        transcript=transcript if Analysis.TRANSCRIPT in request.analyses else None,
        articulation=articulation,
        fluency=fluency,
        prosody=analyze_prosody(clip, request.child_age_months, spoken_vowels(clip, articulation, targets, transcript))
        if Analysis.PROSODY in request.analyses
        else None,
    )
