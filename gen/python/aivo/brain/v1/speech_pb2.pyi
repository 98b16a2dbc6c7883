from buf.validate import validate_pb2 as _validate_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AudioEncoding(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AUDIO_ENCODING_UNSPECIFIED: _ClassVar[AudioEncoding]
    AUDIO_ENCODING_WAV: _ClassVar[AudioEncoding]
    AUDIO_ENCODING_FLAC: _ClassVar[AudioEncoding]
    AUDIO_ENCODING_OGG: _ClassVar[AudioEncoding]
    AUDIO_ENCODING_PCM_S16LE: _ClassVar[AudioEncoding]

class SpeechTask(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SPEECH_TASK_UNSPECIFIED: _ClassVar[SpeechTask]
    SPEECH_TASK_ARTICULATION: _ClassVar[SpeechTask]
    SPEECH_TASK_FLUENCY: _ClassVar[SpeechTask]
    SPEECH_TASK_PROSODY: _ClassVar[SpeechTask]
    SPEECH_TASK_TRANSCRIPTION: _ClassVar[SpeechTask]

class ArticulationErrorKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ARTICULATION_ERROR_KIND_UNSPECIFIED: _ClassVar[ArticulationErrorKind]
    ARTICULATION_ERROR_KIND_SUBSTITUTION: _ClassVar[ArticulationErrorKind]
    ARTICULATION_ERROR_KIND_OMISSION: _ClassVar[ArticulationErrorKind]
    ARTICULATION_ERROR_KIND_DISTORTION: _ClassVar[ArticulationErrorKind]

class DisfluencyKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DISFLUENCY_KIND_UNSPECIFIED: _ClassVar[DisfluencyKind]
    DISFLUENCY_KIND_WHOLE_WORD_REPETITION: _ClassVar[DisfluencyKind]
    DISFLUENCY_KIND_PART_WORD_REPETITION: _ClassVar[DisfluencyKind]
    DISFLUENCY_KIND_PROLONGATION: _ClassVar[DisfluencyKind]
    DISFLUENCY_KIND_BLOCK: _ClassVar[DisfluencyKind]
    DISFLUENCY_KIND_MULTISYLLABIC_WORD_REPETITION: _ClassVar[DisfluencyKind]

class RhythmBasis(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    RHYTHM_BASIS_UNSPECIFIED: _ClassVar[RhythmBasis]
    RHYTHM_BASIS_VOWELS: _ClassVar[RhythmBasis]
    RHYTHM_BASIS_VOICED_STRETCHES: _ClassVar[RhythmBasis]

class TerminalContour(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    TERMINAL_CONTOUR_UNSPECIFIED: _ClassVar[TerminalContour]
    TERMINAL_CONTOUR_RISING: _ClassVar[TerminalContour]
    TERMINAL_CONTOUR_FALLING: _ClassVar[TerminalContour]
    TERMINAL_CONTOUR_LEVEL: _ClassVar[TerminalContour]
AUDIO_ENCODING_UNSPECIFIED: AudioEncoding
AUDIO_ENCODING_WAV: AudioEncoding
AUDIO_ENCODING_FLAC: AudioEncoding
AUDIO_ENCODING_OGG: AudioEncoding
AUDIO_ENCODING_PCM_S16LE: AudioEncoding
SPEECH_TASK_UNSPECIFIED: SpeechTask
SPEECH_TASK_ARTICULATION: SpeechTask
SPEECH_TASK_FLUENCY: SpeechTask
SPEECH_TASK_PROSODY: SpeechTask
SPEECH_TASK_TRANSCRIPTION: SpeechTask
ARTICULATION_ERROR_KIND_UNSPECIFIED: ArticulationErrorKind
ARTICULATION_ERROR_KIND_SUBSTITUTION: ArticulationErrorKind
ARTICULATION_ERROR_KIND_OMISSION: ArticulationErrorKind
ARTICULATION_ERROR_KIND_DISTORTION: ArticulationErrorKind
DISFLUENCY_KIND_UNSPECIFIED: DisfluencyKind
DISFLUENCY_KIND_WHOLE_WORD_REPETITION: DisfluencyKind
DISFLUENCY_KIND_PART_WORD_REPETITION: DisfluencyKind
DISFLUENCY_KIND_PROLONGATION: DisfluencyKind
DISFLUENCY_KIND_BLOCK: DisfluencyKind
DISFLUENCY_KIND_MULTISYLLABIC_WORD_REPETITION: DisfluencyKind
RHYTHM_BASIS_UNSPECIFIED: RhythmBasis
RHYTHM_BASIS_VOWELS: RhythmBasis
RHYTHM_BASIS_VOICED_STRETCHES: RhythmBasis
TERMINAL_CONTOUR_UNSPECIFIED: TerminalContour
TERMINAL_CONTOUR_RISING: TerminalContour
TERMINAL_CONTOUR_FALLING: TerminalContour
TERMINAL_CONTOUR_LEVEL: TerminalContour

class Audio(_message.Message):
    __slots__ = ("data", "encoding", "sample_rate_hz")
    DATA_FIELD_NUMBER: _ClassVar[int]
    ENCODING_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_RATE_HZ_FIELD_NUMBER: _ClassVar[int]
    data: bytes
    encoding: AudioEncoding
    sample_rate_hz: int
    def __init__(self, data: _Optional[bytes] = ..., encoding: _Optional[_Union[AudioEncoding, str]] = ..., sample_rate_hz: _Optional[int] = ...) -> None: ...

class AnalyzeSpeechRequest(_message.Message):
    __slots__ = ("audio", "child_age_months", "task", "target_text")
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    CHILD_AGE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TASK_FIELD_NUMBER: _ClassVar[int]
    TARGET_TEXT_FIELD_NUMBER: _ClassVar[int]
    audio: Audio
    child_age_months: int
    task: SpeechTask
    target_text: str
    def __init__(self, audio: _Optional[_Union[Audio, _Mapping]] = ..., child_age_months: _Optional[int] = ..., task: _Optional[_Union[SpeechTask, str]] = ..., target_text: _Optional[str] = ...) -> None: ...

class AnalyzeSpeechResponse(_message.Message):
    __slots__ = ("transcript", "articulation", "fluency", "prosody", "warnings", "quality")
    TRANSCRIPT_FIELD_NUMBER: _ClassVar[int]
    ARTICULATION_FIELD_NUMBER: _ClassVar[int]
    FLUENCY_FIELD_NUMBER: _ClassVar[int]
    PROSODY_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    transcript: Transcript
    articulation: ArticulationAnalysis
    fluency: FluencyMetrics
    prosody: ProsodyMetrics
    warnings: _containers.RepeatedScalarFieldContainer[str]
    quality: AudioQuality
    def __init__(self, transcript: _Optional[_Union[Transcript, _Mapping]] = ..., articulation: _Optional[_Union[ArticulationAnalysis, _Mapping]] = ..., fluency: _Optional[_Union[FluencyMetrics, _Mapping]] = ..., prosody: _Optional[_Union[ProsodyMetrics, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., quality: _Optional[_Union[AudioQuality, _Mapping]] = ...) -> None: ...

class AudioQuality(_message.Message):
    __slots__ = ("duration_ms", "peak_dbfs", "rms_dbfs", "clipped_fraction", "snr_db")
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    PEAK_DBFS_FIELD_NUMBER: _ClassVar[int]
    RMS_DBFS_FIELD_NUMBER: _ClassVar[int]
    CLIPPED_FRACTION_FIELD_NUMBER: _ClassVar[int]
    SNR_DB_FIELD_NUMBER: _ClassVar[int]
    duration_ms: int
    peak_dbfs: float
    rms_dbfs: float
    clipped_fraction: float
    snr_db: float
    def __init__(self, duration_ms: _Optional[int] = ..., peak_dbfs: _Optional[float] = ..., rms_dbfs: _Optional[float] = ..., clipped_fraction: _Optional[float] = ..., snr_db: _Optional[float] = ...) -> None: ...

class Transcript(_message.Message):
    __slots__ = ("text", "words", "recognizer")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    WORDS_FIELD_NUMBER: _ClassVar[int]
    RECOGNIZER_FIELD_NUMBER: _ClassVar[int]
    text: str
    words: _containers.RepeatedCompositeFieldContainer[TimedWord]
    recognizer: str
    def __init__(self, text: _Optional[str] = ..., words: _Optional[_Iterable[_Union[TimedWord, _Mapping]]] = ..., recognizer: _Optional[str] = ...) -> None: ...

class TimedWord(_message.Message):
    __slots__ = ("word", "start_ms", "end_ms", "confidence")
    WORD_FIELD_NUMBER: _ClassVar[int]
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    word: str
    start_ms: int
    end_ms: int
    confidence: float
    def __init__(self, word: _Optional[str] = ..., start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ..., confidence: _Optional[float] = ...) -> None: ...

class ArticulationAnalysis(_message.Message):
    __slots__ = ("errors", "percent_consonants_correct", "phonemes", "age_norms_source", "consonants_target", "consonants_correct")
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    PERCENT_CONSONANTS_CORRECT_FIELD_NUMBER: _ClassVar[int]
    PHONEMES_FIELD_NUMBER: _ClassVar[int]
    AGE_NORMS_SOURCE_FIELD_NUMBER: _ClassVar[int]
    CONSONANTS_TARGET_FIELD_NUMBER: _ClassVar[int]
    CONSONANTS_CORRECT_FIELD_NUMBER: _ClassVar[int]
    errors: _containers.RepeatedCompositeFieldContainer[ArticulationError]
    percent_consonants_correct: float
    phonemes: _containers.RepeatedCompositeFieldContainer[AlignedPhoneme]
    age_norms_source: str
    consonants_target: int
    consonants_correct: int
    def __init__(self, errors: _Optional[_Iterable[_Union[ArticulationError, _Mapping]]] = ..., percent_consonants_correct: _Optional[float] = ..., phonemes: _Optional[_Iterable[_Union[AlignedPhoneme, _Mapping]]] = ..., age_norms_source: _Optional[str] = ..., consonants_target: _Optional[int] = ..., consonants_correct: _Optional[int] = ...) -> None: ...

class AlignedPhoneme(_message.Message):
    __slots__ = ("word", "target_phoneme", "produced_phoneme", "start_ms", "end_ms", "correct", "goodness")
    WORD_FIELD_NUMBER: _ClassVar[int]
    TARGET_PHONEME_FIELD_NUMBER: _ClassVar[int]
    PRODUCED_PHONEME_FIELD_NUMBER: _ClassVar[int]
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    CORRECT_FIELD_NUMBER: _ClassVar[int]
    GOODNESS_FIELD_NUMBER: _ClassVar[int]
    word: str
    target_phoneme: str
    produced_phoneme: str
    start_ms: int
    end_ms: int
    correct: bool
    goodness: float
    def __init__(self, word: _Optional[str] = ..., target_phoneme: _Optional[str] = ..., produced_phoneme: _Optional[str] = ..., start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ..., correct: bool = ..., goodness: _Optional[float] = ...) -> None: ...

class ArticulationError(_message.Message):
    __slots__ = ("word", "target_phoneme", "produced_phoneme", "kind", "process", "age_appropriate", "start_ms", "end_ms", "typical_by_months", "goodness")
    WORD_FIELD_NUMBER: _ClassVar[int]
    TARGET_PHONEME_FIELD_NUMBER: _ClassVar[int]
    PRODUCED_PHONEME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROCESS_FIELD_NUMBER: _ClassVar[int]
    AGE_APPROPRIATE_FIELD_NUMBER: _ClassVar[int]
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    TYPICAL_BY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    GOODNESS_FIELD_NUMBER: _ClassVar[int]
    word: str
    target_phoneme: str
    produced_phoneme: str
    kind: ArticulationErrorKind
    process: str
    age_appropriate: bool
    start_ms: int
    end_ms: int
    typical_by_months: int
    goodness: float
    def __init__(self, word: _Optional[str] = ..., target_phoneme: _Optional[str] = ..., produced_phoneme: _Optional[str] = ..., kind: _Optional[_Union[ArticulationErrorKind, str]] = ..., process: _Optional[str] = ..., age_appropriate: bool = ..., start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ..., typical_by_months: _Optional[int] = ..., goodness: _Optional[float] = ...) -> None: ...

class FluencyMetrics(_message.Message):
    __slots__ = ("speech_rate_syllables_per_second", "words_per_minute", "articulation_rate_syllables_per_second", "pause_count", "mean_pause_ms", "longest_pause_ms", "percent_syllables_stuttered", "pauses", "disfluencies", "syllable_count", "word_count", "pause_threshold_ms")
    SPEECH_RATE_SYLLABLES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    WORDS_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    ARTICULATION_RATE_SYLLABLES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    PAUSE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MEAN_PAUSE_MS_FIELD_NUMBER: _ClassVar[int]
    LONGEST_PAUSE_MS_FIELD_NUMBER: _ClassVar[int]
    PERCENT_SYLLABLES_STUTTERED_FIELD_NUMBER: _ClassVar[int]
    PAUSES_FIELD_NUMBER: _ClassVar[int]
    DISFLUENCIES_FIELD_NUMBER: _ClassVar[int]
    SYLLABLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    WORD_COUNT_FIELD_NUMBER: _ClassVar[int]
    PAUSE_THRESHOLD_MS_FIELD_NUMBER: _ClassVar[int]
    speech_rate_syllables_per_second: float
    words_per_minute: float
    articulation_rate_syllables_per_second: float
    pause_count: int
    mean_pause_ms: float
    longest_pause_ms: int
    percent_syllables_stuttered: float
    pauses: _containers.RepeatedCompositeFieldContainer[TimeSpan]
    disfluencies: _containers.RepeatedCompositeFieldContainer[Disfluency]
    syllable_count: int
    word_count: int
    pause_threshold_ms: int
    def __init__(self, speech_rate_syllables_per_second: _Optional[float] = ..., words_per_minute: _Optional[float] = ..., articulation_rate_syllables_per_second: _Optional[float] = ..., pause_count: _Optional[int] = ..., mean_pause_ms: _Optional[float] = ..., longest_pause_ms: _Optional[int] = ..., percent_syllables_stuttered: _Optional[float] = ..., pauses: _Optional[_Iterable[_Union[TimeSpan, _Mapping]]] = ..., disfluencies: _Optional[_Iterable[_Union[Disfluency, _Mapping]]] = ..., syllable_count: _Optional[int] = ..., word_count: _Optional[int] = ..., pause_threshold_ms: _Optional[int] = ...) -> None: ...

class TimeSpan(_message.Message):
    __slots__ = ("start_ms", "end_ms")
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    start_ms: int
    end_ms: int
    def __init__(self, start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ...) -> None: ...

class Disfluency(_message.Message):
    __slots__ = ("kind", "text", "start_ms", "end_ms")
    KIND_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    kind: DisfluencyKind
    text: str
    start_ms: int
    end_ms: int
    def __init__(self, kind: _Optional[_Union[DisfluencyKind, str]] = ..., text: _Optional[str] = ..., start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ...) -> None: ...

class ProsodyMetrics(_message.Message):
    __slots__ = ("mean_f0_hz", "median_f0_hz", "f0_range_semitones", "mean_intensity_db", "f0_sd_semitones", "f0_min_hz", "f0_max_hz", "f0_contour_hz", "contour_step_ms", "terminal_contour", "terminal_slope_semitones_per_second", "npvi", "jitter_local_percent", "shimmer_local_percent", "hnr_db", "voiced_fraction", "npvi_basis")
    MEAN_F0_HZ_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_F0_HZ_FIELD_NUMBER: _ClassVar[int]
    F0_RANGE_SEMITONES_FIELD_NUMBER: _ClassVar[int]
    MEAN_INTENSITY_DB_FIELD_NUMBER: _ClassVar[int]
    F0_SD_SEMITONES_FIELD_NUMBER: _ClassVar[int]
    F0_MIN_HZ_FIELD_NUMBER: _ClassVar[int]
    F0_MAX_HZ_FIELD_NUMBER: _ClassVar[int]
    F0_CONTOUR_HZ_FIELD_NUMBER: _ClassVar[int]
    CONTOUR_STEP_MS_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_CONTOUR_FIELD_NUMBER: _ClassVar[int]
    TERMINAL_SLOPE_SEMITONES_PER_SECOND_FIELD_NUMBER: _ClassVar[int]
    NPVI_FIELD_NUMBER: _ClassVar[int]
    JITTER_LOCAL_PERCENT_FIELD_NUMBER: _ClassVar[int]
    SHIMMER_LOCAL_PERCENT_FIELD_NUMBER: _ClassVar[int]
    HNR_DB_FIELD_NUMBER: _ClassVar[int]
    VOICED_FRACTION_FIELD_NUMBER: _ClassVar[int]
    NPVI_BASIS_FIELD_NUMBER: _ClassVar[int]
    mean_f0_hz: float
    median_f0_hz: float
    f0_range_semitones: float
    mean_intensity_db: float
    f0_sd_semitones: float
    f0_min_hz: float
    f0_max_hz: float
    f0_contour_hz: _containers.RepeatedScalarFieldContainer[float]
    contour_step_ms: int
    terminal_contour: TerminalContour
    terminal_slope_semitones_per_second: float
    npvi: float
    jitter_local_percent: float
    shimmer_local_percent: float
    hnr_db: float
    voiced_fraction: float
    npvi_basis: RhythmBasis
    def __init__(self, mean_f0_hz: _Optional[float] = ..., median_f0_hz: _Optional[float] = ..., f0_range_semitones: _Optional[float] = ..., mean_intensity_db: _Optional[float] = ..., f0_sd_semitones: _Optional[float] = ..., f0_min_hz: _Optional[float] = ..., f0_max_hz: _Optional[float] = ..., f0_contour_hz: _Optional[_Iterable[float]] = ..., contour_step_ms: _Optional[int] = ..., terminal_contour: _Optional[_Union[TerminalContour, str]] = ..., terminal_slope_semitones_per_second: _Optional[float] = ..., npvi: _Optional[float] = ..., jitter_local_percent: _Optional[float] = ..., shimmer_local_percent: _Optional[float] = ..., hnr_db: _Optional[float] = ..., voiced_fraction: _Optional[float] = ..., npvi_basis: _Optional[_Union[RhythmBasis, str]] = ...) -> None: ...

class AnalyzeArticulationRequest(_message.Message):
    __slots__ = ("audio", "child_age_months", "target_text")
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    CHILD_AGE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TARGET_TEXT_FIELD_NUMBER: _ClassVar[int]
    audio: Audio
    child_age_months: int
    target_text: str
    def __init__(self, audio: _Optional[_Union[Audio, _Mapping]] = ..., child_age_months: _Optional[int] = ..., target_text: _Optional[str] = ...) -> None: ...

class AnalyzeArticulationResponse(_message.Message):
    __slots__ = ("articulation", "warnings", "quality")
    ARTICULATION_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    articulation: ArticulationAnalysis
    warnings: _containers.RepeatedScalarFieldContainer[str]
    quality: AudioQuality
    def __init__(self, articulation: _Optional[_Union[ArticulationAnalysis, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., quality: _Optional[_Union[AudioQuality, _Mapping]] = ...) -> None: ...

class AnalyzeFluencyRequest(_message.Message):
    __slots__ = ("audio", "child_age_months", "pause_threshold_ms", "target_text")
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    CHILD_AGE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    PAUSE_THRESHOLD_MS_FIELD_NUMBER: _ClassVar[int]
    TARGET_TEXT_FIELD_NUMBER: _ClassVar[int]
    audio: Audio
    child_age_months: int
    pause_threshold_ms: int
    target_text: str
    def __init__(self, audio: _Optional[_Union[Audio, _Mapping]] = ..., child_age_months: _Optional[int] = ..., pause_threshold_ms: _Optional[int] = ..., target_text: _Optional[str] = ...) -> None: ...

class AnalyzeFluencyResponse(_message.Message):
    __slots__ = ("fluency", "warnings", "quality")
    FLUENCY_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    fluency: FluencyMetrics
    warnings: _containers.RepeatedScalarFieldContainer[str]
    quality: AudioQuality
    def __init__(self, fluency: _Optional[_Union[FluencyMetrics, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., quality: _Optional[_Union[AudioQuality, _Mapping]] = ...) -> None: ...

class AnalyzeProsodyRequest(_message.Message):
    __slots__ = ("audio", "child_age_months", "target_text")
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    CHILD_AGE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    TARGET_TEXT_FIELD_NUMBER: _ClassVar[int]
    audio: Audio
    child_age_months: int
    target_text: str
    def __init__(self, audio: _Optional[_Union[Audio, _Mapping]] = ..., child_age_months: _Optional[int] = ..., target_text: _Optional[str] = ...) -> None: ...

class AnalyzeProsodyResponse(_message.Message):
    __slots__ = ("prosody", "warnings", "quality")
    PROSODY_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    prosody: ProsodyMetrics
    warnings: _containers.RepeatedScalarFieldContainer[str]
    quality: AudioQuality
    def __init__(self, prosody: _Optional[_Union[ProsodyMetrics, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., quality: _Optional[_Union[AudioQuality, _Mapping]] = ...) -> None: ...

class TranscribeSpeechRequest(_message.Message):
    __slots__ = ("audio",)
    AUDIO_FIELD_NUMBER: _ClassVar[int]
    audio: Audio
    def __init__(self, audio: _Optional[_Union[Audio, _Mapping]] = ...) -> None: ...

class TranscribeSpeechResponse(_message.Message):
    __slots__ = ("transcript", "warnings", "quality")
    TRANSCRIPT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    transcript: Transcript
    warnings: _containers.RepeatedScalarFieldContainer[str]
    quality: AudioQuality
    def __init__(self, transcript: _Optional[_Union[Transcript, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., quality: _Optional[_Union[AudioQuality, _Mapping]] = ...) -> None: ...
