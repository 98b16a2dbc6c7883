// One speech analysis as a clinician looks at it: the plots first, then the numbers and warnings.
import type { AnalyzeSpeechResponse } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import type { Recording } from "./audio.ts";
import { html } from "./dom.ts";
import { fixed } from "./labels.ts";
import { phonemesView } from "./phonemes-view.ts";
import { pitchChart } from "./pitch-chart.ts";
import { waveformChart } from "./waveform-chart.ts";

function facts(response: AnalyzeSpeechResponse): HTMLElement {
  const { fluency, transcript, quality } = response;
  const rows: [string, string][] = [];
  if (transcript) rows.push(["Heard", `“${transcript.text}” (${transcript.recognizer})`]);
  if (fluency) {
    rows.push(["Speech rate", `${fixed(fluency.speechRateSyllablesPerSecond)} syllables/s, ${fixed(fluency.wordsPerMinute, 0)} words/min`]);
    rows.push(["Pauses", `${fluency.pauseCount} over ${fluency.pauseThresholdMs} ms, longest ${fluency.longestPauseMs} ms`]);
    rows.push(["Stuttered syllables", `${fixed(fluency.percentSyllablesStuttered)} %`]);
  }
  if (quality) rows.push(["Recording", `${fixed(quality.durationMs / 1000)} s, signal-to-noise ${fixed(quality.snrDb)} dB, peak ${fixed(quality.peakDbfs)} dBFS`]);
  return html("dl", { class: "facts" }, ...rows.flatMap(([term, value]) => [html("dt", {}, term), html("dd", {}, value)]));
}

/** speechView renders an AnalyzeSpeech answer for the recording it was about. */
export function speechView(response: AnalyzeSpeechResponse, recording: Recording): HTMLElement {
  const durationMs = response.quality?.durationMs || (recording.samples.length / recording.sampleRateHz) * 1000;
  const warnings = response.warnings.length > 0 ? html("ul", { class: "warnings", "aria-label": "Quality warnings" }, ...response.warnings.map((w) => html("li", {}, w))) : html("p", {}, "No quality warnings.");
  return html(
    "article",
    { class: "analysis" },
    html("h3", {}, "Analysis"),
    waveformChart(recording.samples, durationMs, response),
    ...(response.prosody ? [pitchChart(response.prosody, durationMs)] : []),
    ...(response.articulation ? [phonemesView(response.articulation)] : []),
    facts(response),
    html("h4", {}, "Quality warnings"),
    warnings,
  );
}
