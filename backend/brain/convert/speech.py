"""Between aivo.brain.v1 speech messages and the speech domain's types."""

from aivo.brain.v1 import speech_pb2 as pb
from brain.speech import (
    CONTOUR_STEP_MS,
    DEFAULT_PAUSE_THRESHOLD_MS,
    Analysis,
    Articulation,
    AudioFormat,
    AudioInput,
    DisfluencyKind,
    ErrorKind,
    Fluency,
    Prosody,
    Quality,
    RhythmBasis,
    SpeechRequest,
    SpeechResult,
    Terminal,
    Transcript,
)

_FORMATS = {
    pb.AUDIO_ENCODING_UNSPECIFIED: AudioFormat.AUTO,
    pb.AUDIO_ENCODING_WAV: AudioFormat.WAV,
    pb.AUDIO_ENCODING_FLAC: AudioFormat.FLAC,
    pb.AUDIO_ENCODING_OGG: AudioFormat.OGG,
    pb.AUDIO_ENCODING_PCM_S16LE: AudioFormat.PCM_S16LE,
}
_TASK_ANALYSES = {
    pb.SPEECH_TASK_UNSPECIFIED: frozenset(Analysis),
    pb.SPEECH_TASK_ARTICULATION: frozenset({Analysis.ARTICULATION}),
    pb.SPEECH_TASK_FLUENCY: frozenset({Analysis.FLUENCY}),
    pb.SPEECH_TASK_PROSODY: frozenset({Analysis.PROSODY}),
    pb.SPEECH_TASK_TRANSCRIPTION: frozenset({Analysis.TRANSCRIPT}),
}
_ERROR_KINDS = {
    ErrorKind.SUBSTITUTION: pb.ARTICULATION_ERROR_KIND_SUBSTITUTION,
    ErrorKind.OMISSION: pb.ARTICULATION_ERROR_KIND_OMISSION,
    ErrorKind.DISTORTION: pb.ARTICULATION_ERROR_KIND_DISTORTION,
}
_DISFLUENCY_KINDS = {
    DisfluencyKind.WHOLE_WORD_REPETITION: pb.DISFLUENCY_KIND_WHOLE_WORD_REPETITION,
    DisfluencyKind.PART_WORD_REPETITION: pb.DISFLUENCY_KIND_PART_WORD_REPETITION,
    DisfluencyKind.PROLONGATION: pb.DISFLUENCY_KIND_PROLONGATION,
    DisfluencyKind.BLOCK: pb.DISFLUENCY_KIND_BLOCK,
    DisfluencyKind.MULTISYLLABIC_WORD_REPETITION: pb.DISFLUENCY_KIND_MULTISYLLABIC_WORD_REPETITION,
}
_RHYTHM_BASES = {
    RhythmBasis.VOWELS: pb.RHYTHM_BASIS_VOWELS,
    RhythmBasis.VOICED_STRETCHES: pb.RHYTHM_BASIS_VOICED_STRETCHES,
}
_TERMINALS = {
    Terminal.UNKNOWN: pb.TERMINAL_CONTOUR_UNSPECIFIED,
    Terminal.RISING: pb.TERMINAL_CONTOUR_RISING,
    Terminal.FALLING: pb.TERMINAL_CONTOUR_FALLING,
    Terminal.LEVEL: pb.TERMINAL_CONTOUR_LEVEL,
}


def audio_from_proto(audio: pb.Audio) -> AudioInput:
    return AudioInput(audio.data, _FORMATS[audio.encoding], audio.sample_rate_hz)


def analyze_speech_request(message: pb.AnalyzeSpeechRequest) -> SpeechRequest:
    return SpeechRequest(_TASK_ANALYSES[message.task], message.child_age_months, message.target_text)


def articulation_request(message: pb.AnalyzeArticulationRequest) -> SpeechRequest:
    return SpeechRequest(frozenset({Analysis.ARTICULATION}), message.child_age_months, message.target_text)


def fluency_request(message: pb.AnalyzeFluencyRequest) -> SpeechRequest:
    return SpeechRequest(
        frozenset({Analysis.FLUENCY}),
        message.child_age_months,
        message.target_text,
        message.pause_threshold_ms or DEFAULT_PAUSE_THRESHOLD_MS,
    )


def prosody_request(message: pb.AnalyzeProsodyRequest) -> SpeechRequest:
    return SpeechRequest(frozenset({Analysis.PROSODY}), message.child_age_months, message.target_text)


def transcribe_request(message: pb.TranscribeSpeechRequest) -> SpeechRequest:
    """Transcription does not use the age; the youngest allowed keeps the request well formed."""
    return SpeechRequest(frozenset({Analysis.TRANSCRIPT}), child_age_months=24)


def analyze_speech_response(result: SpeechResult) -> pb.AnalyzeSpeechResponse:
    response = pb.AnalyzeSpeechResponse(warnings=result.warnings, quality=quality_to_proto(result.quality))
    if result.transcript is not None:
        response.transcript.CopyFrom(transcript_to_proto(result.transcript))
    if result.articulation is not None:
        response.articulation.CopyFrom(articulation_to_proto(result.articulation))
    if result.fluency is not None:
        response.fluency.CopyFrom(fluency_to_proto(result.fluency))
    if result.prosody is not None:
        response.prosody.CopyFrom(prosody_to_proto(result.prosody))
    return response


def articulation_response(result: SpeechResult) -> pb.AnalyzeArticulationResponse:
    response = pb.AnalyzeArticulationResponse(warnings=result.warnings, quality=quality_to_proto(result.quality))
    if result.articulation is not None:
        response.articulation.CopyFrom(articulation_to_proto(result.articulation))
    return response


def fluency_response(result: SpeechResult) -> pb.AnalyzeFluencyResponse:
    return pb.AnalyzeFluencyResponse(
        fluency=fluency_to_proto(result.fluency), warnings=result.warnings, quality=quality_to_proto(result.quality)
    )


def prosody_response(result: SpeechResult) -> pb.AnalyzeProsodyResponse:
    return pb.AnalyzeProsodyResponse(
        prosody=prosody_to_proto(result.prosody), warnings=result.warnings, quality=quality_to_proto(result.quality)
    )


def transcribe_response(result: SpeechResult) -> pb.TranscribeSpeechResponse:
    return pb.TranscribeSpeechResponse(
        transcript=transcript_to_proto(result.transcript),
        warnings=result.warnings,
        quality=quality_to_proto(result.quality),
    )


def quality_to_proto(quality: Quality) -> pb.AudioQuality:
    return pb.AudioQuality(
        duration_ms=quality.duration_ms,
        peak_dbfs=quality.peak_dbfs,
        rms_dbfs=quality.rms_dbfs,
        clipped_fraction=quality.clipped_fraction,
        snr_db=quality.snr_db,
    )


def transcript_to_proto(transcript: Transcript) -> pb.Transcript:
    return pb.Transcript(
        text=transcript.text,
        words=[
            pb.TimedWord(word=w.text, start_ms=w.start_ms, end_ms=w.end_ms, confidence=w.confidence)
            for w in transcript.words
        ],
        recognizer=transcript.recognizer,
    )


def articulation_to_proto(articulation: Articulation) -> pb.ArticulationAnalysis:
    return pb.ArticulationAnalysis(
        errors=[
            pb.ArticulationError(
                word=e.word,
                target_phoneme=e.target,
                produced_phoneme=e.produced,
                kind=_ERROR_KINDS[e.kind],
                process=e.process,
                age_appropriate=e.age_appropriate,
                start_ms=e.start_ms,
                end_ms=e.end_ms,
                typical_by_months=e.typical_by_months,
                goodness=e.goodness,
            )
            for e in articulation.errors
        ],
        percent_consonants_correct=articulation.percent_consonants_correct,
        phonemes=[
            pb.AlignedPhoneme(
                word=p.word,
                target_phoneme=p.target,
                produced_phoneme=p.produced,
                start_ms=p.start_ms,
                end_ms=p.end_ms,
                correct=p.correct,
                goodness=p.goodness,
            )
            for p in articulation.phonemes
        ],
        age_norms_source=articulation.age_norms_source,
        consonants_target=articulation.consonants_target,
        consonants_correct=articulation.consonants_correct,
    )


def fluency_to_proto(fluency: Fluency) -> pb.FluencyMetrics:
    return pb.FluencyMetrics(
        speech_rate_syllables_per_second=fluency.speech_rate_syllables_per_second,
        words_per_minute=fluency.words_per_minute,
        articulation_rate_syllables_per_second=fluency.articulation_rate_syllables_per_second,
        pause_count=len(fluency.pauses),
        mean_pause_ms=fluency.mean_pause_ms,
        longest_pause_ms=fluency.longest_pause_ms,
        percent_syllables_stuttered=fluency.percent_syllables_stuttered,
        pauses=[pb.TimeSpan(start_ms=p.start_ms, end_ms=p.end_ms) for p in fluency.pauses],
        disfluencies=[
            pb.Disfluency(kind=_DISFLUENCY_KINDS[d.kind], text=d.text, start_ms=d.start_ms, end_ms=d.end_ms)
            for d in fluency.disfluencies
        ],
        syllable_count=fluency.syllable_count,
        word_count=fluency.word_count,
        pause_threshold_ms=fluency.pause_threshold_ms,
    )


def prosody_to_proto(prosody: Prosody) -> pb.ProsodyMetrics:
    return pb.ProsodyMetrics(
        mean_f0_hz=prosody.mean_f0_hz,
        median_f0_hz=prosody.median_f0_hz,
        f0_range_semitones=prosody.f0_range_semitones,
        mean_intensity_db=prosody.mean_intensity_db,
        f0_sd_semitones=prosody.f0_sd_semitones,
        f0_min_hz=prosody.f0_min_hz,
        f0_max_hz=prosody.f0_max_hz,
        f0_contour_hz=prosody.f0_contour_hz,
        contour_step_ms=CONTOUR_STEP_MS,
        terminal_contour=_TERMINALS[prosody.terminal],
        terminal_slope_semitones_per_second=prosody.terminal_slope_st_per_s,
        npvi=prosody.npvi,
        npvi_basis=_RHYTHM_BASES[prosody.npvi_basis],
        jitter_local_percent=prosody.jitter_local_percent,
        shimmer_local_percent=prosody.shimmer_local_percent,
        hnr_db=prosody.hnr_db,
        voiced_fraction=prosody.voiced_fraction,
    )
