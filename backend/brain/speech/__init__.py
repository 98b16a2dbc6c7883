"""Speech analysis of children's recordings, offline: transcription, articulation, fluency and prosody."""

from brain.speech.analysis import Analysis, SpeechRequest, SpeechResult
from brain.speech.articulation import AlignedPhoneme, Articulation, ArticulationError, ErrorKind
from brain.speech.audio import AudioFormat
from brain.speech.fluency import DEFAULT_PAUSE_THRESHOLD_MS, Disfluency, DisfluencyKind, Fluency, Span
from brain.speech.prosody import CONTOUR_STEP_MS, Prosody, Terminal
from brain.speech.quality import Quality
from brain.speech.rhythm import RhythmBasis
from brain.speech.service import AudioInput, SpeechService, speech_service
from brain.speech.transcription import Transcript

__all__ = [
    "CONTOUR_STEP_MS",
    "DEFAULT_PAUSE_THRESHOLD_MS",
    "AlignedPhoneme",
    "Analysis",
    "Articulation",
    "ArticulationError",
    "AudioFormat",
    "AudioInput",
    "Disfluency",
    "DisfluencyKind",
    "ErrorKind",
    "Fluency",
    "Prosody",
    "Quality",
    "RhythmBasis",
    "Span",
    "SpeechRequest",
    "SpeechResult",
    "SpeechService",
    "Terminal",
    "Transcript",
    "speech_service",
]
