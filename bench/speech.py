"""Speech analysis: word error rate on real recordings, and real-time factor and memory of each analysis.

Run: PYTHONPATH=backend:gen/python .venv/bin/python bench/speech.py [repeats]

Table 1 uses the real adult recordings in ../shared/speech-samples (skipped when absent), then clips of about 35 s
joined from them and espeak-ng reading the 30 s passage of table 2 in both voices (clips that long are dictated in
two pieces, as the service does): WER of the local
recogniser against the known transcripts, mean word-timing error where timings are documented, median F0 and
speech rate, and voice quality. Table 2 runs each analysis through SpeechService with the servicer's own process
pool (two analysis processes) on espeak-ng speech of 5 s and 30 s (the text is known, so articulation has a target;
"prosody, no target" measures rhythm on voiced stretches instead of aligned vowels): real-time factor
(processing time / audio duration) at p50 and p99 of `repeats` single requests, then of 4 concurrent requests, and
the peak resident memory (VmHWM) of the larger analysis process and of both together.
"""

import asyncio
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

from brain.speech import Analysis, AudioFormat, AudioInput, SpeechRequest, SpeechService
from brain.speech.analysis import analyze
from brain.speech.articulation import analyze_articulation
from brain.speech.articulation_cases import CORRECT, ERRORS, judged_right
from brain.speech.audio import ANALYSIS_RATE_HZ, Clip, decode_audio
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, CHILD_PITCH, CHILD_VOICE, NORTH_WIND, EvalSet, missing_tools
from brain.speech.service import analysis_pool
from brain.speech.targets import target_words
from brain.speech.testing import SPEECH_SAMPLES
from brain.speech.transcription import words_of

SAMPLES = {
    "goforward.raw": ("go forward ten meters", [(0.46, 0.63), (0.64, 1.16), (1.17, 1.52), (1.53, 2.11)]),
    "forever_input_2_16k.wav": ("feels like these days go on forever", None),
    "jfk.wav": (
        "and so my fellow americans ask not what your country can do for you ask what you can do for your country",
        None,
    ),
    "the_north_wind_and_the_sun.wav": ("the north wind and the sun", None),
}
# The real recordings joined with pauses into clips of about 35 s (table 1).
JOINED = {
    "jfk.wav three times, 35 s": ["jfk.wav"] * 3,
    "all joined, 36 s": [*SAMPLES, "jfk.wav", "goforward.raw"],
}
JOINING_PAUSE_S = 0.6
PASSAGE = NORTH_WIND.split()
CONCURRENCY = 4
ANALYSES = {
    "transcribe": frozenset({Analysis.TRANSCRIPT}),
    "articulation": frozenset({Analysis.ARTICULATION}),
    "fluency": frozenset({Analysis.FLUENCY}),
    "prosody": frozenset({Analysis.PROSODY}),
    "prosody, no target": frozenset({Analysis.PROSODY}),
    "full, no transcription": frozenset({Analysis.ARTICULATION, Analysis.FLUENCY, Analysis.PROSODY}),
    "full": frozenset(Analysis),
}


def word_error_rate(reference: list[str], hypothesis: list[str]) -> float:
    """Levenshtein distance over words / reference length."""
    row = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        previous, row[0] = row[0], i
        for j, hyp in enumerate(hypothesis, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ref != hyp))
    return row[-1] / len(reference)


def real_recordings() -> None:
    print(f"Real recordings ({SPEECH_SAMPLES})")
    print(
        f"{'recording':<32}{'WER':>7}{'timing err ms':>15}{'median F0 Hz':>14}{'syll/s':>8}"
        f"{'jitter %':>10}{'shimmer %':>11}{'HNR dB':>8}"
    )
    read = {}
    for name, (text, timings) in SAMPLES.items():
        path = SPEECH_SAMPLES / name
        if not path.exists():
            print(f"{name:<32}  absent, skipped")
            continue
        raw = name.endswith(".raw")
        clip = decode_audio(
            path.read_bytes(), AudioFormat.PCM_S16LE if raw else AudioFormat.AUTO, 16000 if raw else 0, 120
        )
        print_recognised(name, clip, text, timings)
        read[name] = clip
    if len(read) == len(SAMPLES):  # long enough to be dictated in two pieces, cut between recordings or inside one
        for name, names in JOINED.items():
            pause = np.zeros(round(JOINING_PAUSE_S * ANALYSIS_RATE_HZ), dtype=np.float32)
            joined = Clip(np.concatenate([part for n in names for part in (read[n].samples, pause)]))
            print_recognised(name, joined, " ".join(SAMPLES[n][0] for n in names), None)
    if missing_tools():
        return
    with tempfile.TemporaryDirectory() as folder:
        evalset = EvalSet(Path(folder))
        for name, voice, pitch in (("child-like", CHILD_VOICE, CHILD_PITCH), ("adult", ADULT_VOICE, ADULT_PITCH)):
            data, text = clip_of_length(evalset, 30, voice, pitch)
            clip = decode_audio(data, AudioFormat.AUTO, 0, 120)
            print_recognised(f"espeak-ng 30 s, {name}", clip, text, None)


def print_recognised(name: str, clip: Clip, text: str, timings: list[tuple[float, float]] | None) -> None:
    result = analyze(clip, SpeechRequest(frozenset({Analysis.TRANSCRIPT, Analysis.FLUENCY, Analysis.PROSODY}), 216))
    words = result.transcript.words
    wer = word_error_rate(words_of(text), [w.text for w in words])
    timing = "-"
    if timings and len(words) == len(timings):
        errors = [
            abs(w.start_ms / 1000 - s) + abs(w.end_ms / 1000 - e) for w, (s, e) in zip(words, timings, strict=True)
        ]
        timing = f"{1000 * np.mean(errors) / 2:.0f}"
    rate = result.fluency.speech_rate_syllables_per_second
    voice = result.prosody
    print(
        f"{name:<32}{wer:>7.2f}{timing:>15}{voice.median_f0_hz:>14.0f}{rate:>8.2f}"
        f"{voice.jitter_local_percent:>10.2f}{voice.shimmer_local_percent:>11.2f}{voice.hnr_db:>8.1f}"
    )


def clip_of_length(
    evalset: EvalSet, seconds: float, voice: str = CHILD_VOICE, pitch: int = CHILD_PITCH
) -> tuple[bytes, str]:
    """espeak-ng reading the passage, cut at a word boundary near the length; the words said are the target."""
    for count in range(8, len(PASSAGE) + 1, 4):
        text = " ".join(PASSAGE[:count])
        path = evalset.said(text, voice=voice, pitch=pitch, words_per_minute=160)
        clip = decode_audio(path.read_bytes(), AudioFormat.AUTO, 0, 120)
        if clip.duration_s >= seconds or count + 4 > len(PASSAGE):
            return path.read_bytes(), text
    raise AssertionError("unreachable")


def peak_rss_mib(pool: ProcessPoolExecutor) -> list[float]:
    peaks = []
    for pid in pool._processes:  # the pool does not expose its processes otherwise
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks.append(int(line.split()[1]) / 1024)
    return peaks


async def timed(service: SpeechService, audio: AudioInput, request: SpeechRequest) -> float:
    started = time.perf_counter()
    await service.analyze(audio, request)
    return time.perf_counter() - started


async def real_time_factors(repeats: int) -> None:
    if missing := missing_tools():
        print(f"real-time factors skipped: {', '.join(missing)} missing")
        return
    with tempfile.TemporaryDirectory() as folder:
        evalset = EvalSet(Path(folder))
        clips = [clip_of_length(evalset, seconds) for seconds in (5, 30)]
        pool = analysis_pool()
        service = SpeechService(pool, 120, None)
        print(f"\nReal-time factor, {repeats} single requests and {CONCURRENCY} concurrent ones")
        print(
            f"{'analysis':<24}{'clip s':>7}{'p50':>7}{'p99':>7}{'p50 x4':>8}{'p99 x4':>8}{'peak MiB':>10}"
            f"{'both MiB':>10}"
        )
        for data, text in clips:
            audio = AudioInput(data, AudioFormat.WAV, 0)
            duration = decode_audio(data, AudioFormat.WAV, 0, 120).duration_s
            await timed(service, audio, SpeechRequest(frozenset(Analysis), 96, text))  # warm both processes
            await timed(service, audio, SpeechRequest(frozenset(Analysis), 96, text))
            for name, analyses in ANALYSES.items():
                request = SpeechRequest(analyses, 96, "" if name.endswith("no target") else text)
                single = [await timed(service, audio, request) / duration for _ in range(repeats)]
                loaded = [
                    t / duration
                    for _ in range(max(1, repeats // 2))
                    for t in await asyncio.gather(*(timed(service, audio, request) for _ in range(CONCURRENCY)))
                ]
                p50, p99 = np.percentile(single, [50, 99])
                c50, c99 = np.percentile(loaded, [50, 99])
                peaks = peak_rss_mib(pool)
                print(
                    f"{name:<24}{duration:>7.1f}{p50:>7.3f}{p99:>7.3f}{c50:>8.3f}{c99:>8.3f}{max(peaks):>10.0f}"
                    f"{sum(peaks):>10.0f}"
                )
        pool.shutdown()


def articulation_accuracy() -> None:
    """The articulation evaluation set in each voice: error cases judged right (labels, order, spans), cases said
    right with no error, and their mean PCC."""
    if missing := missing_tools():
        print(f"articulation accuracy skipped: {', '.join(missing)} missing")
        return
    print("\nArticulation evaluation set (brain/speech/articulation_cases.py)")
    print(f"{'voice':<12}{'errors right':>14}{'said right, clean':>19}{'mean PCC':>10}")
    with tempfile.TemporaryDirectory() as folder:
        evalset = EvalSet(Path(folder))
        for voice, pitch in ((ADULT_VOICE, ADULT_PITCH), (CHILD_VOICE, CHILD_PITCH)):
            right, pcc = {}, []
            for case in CORRECT + ERRORS:
                clip = decode_audio(
                    evalset.said(case.said, voice=voice, pitch=pitch).read_bytes(), AudioFormat.AUTO, 0, 120
                )
                found = analyze_articulation(clip, target_words(case.target), 48)
                right[case] = judged_right(case, found, round(1000 * clip.duration_s))
                if case in CORRECT:
                    pcc.append(found.percent_consonants_correct if found else 0.0)
            errors = f"{sum(right[c] for c in ERRORS)}/{len(ERRORS)}"
            clean = f"{sum(right[c] for c in CORRECT)}/{len(CORRECT)}"
            print(f"{voice:<12}{errors:>14}{clean:>19}{np.mean(pcc):>10.1f}")


if __name__ == "__main__":
    real_recordings()
    articulation_accuracy()
    asyncio.run(real_time_factors(int(sys.argv[1]) if len(sys.argv) > 1 else 5))
