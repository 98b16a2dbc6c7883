"""The vowels said, each with its time span, from a forced phone alignment of known words: what rhythm (nPVI) is
measured on. The articulation analysis's alignment is reused when it ran; otherwise the known words (target or
transcript) are aligned over the whole recording."""

from brain.speech import recognizer
from brain.speech.articulation import Articulation
from brain.speech.audio import Clip
from brain.speech.phonemes import VOWELS
from brain.speech.targets import TargetWord
from brain.speech.transcription import Transcript


def spoken_vowels(
    clip: Clip, articulation: Articulation | None, targets: list[TargetWord] | None, transcript: Transcript | None
) -> list[tuple[int, int]] | None:
    """Vowel spans (start, end in ms) in time order; None when no words are known or they could not be aligned."""
    if articulation is not None:
        vowels = [(p.start_ms, p.end_ms) for p in articulation.phonemes if p.target in VOWELS and p.produced]
    elif targets or transcript is not None:
        words = [w.text for w in targets] if targets else [w.text for w in transcript.words]
        # an external recogniser's words may be missing from the dictionary, which alignment needs
        known = [word for word in words if recognizer.pronunciation(word) is not None]
        vowels = (
            [(p.start_ms, p.end_ms) for p in recognizer.align_phones(clip, known) if p.phone in VOWELS] if known else []
        )
    else:
        return None
    return vowels or None
