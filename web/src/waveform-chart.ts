// The waveform on a time axis, with pauses, disfluencies and articulation errors marked where they happen.
import { DisfluencyKind, type AnalyzeSpeechResponse } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { html, svg } from "./dom.ts";
import { enumLabel } from "./labels.ts";
import { peaks, secondTicks, timeToX } from "./plot.ts";

const WIDTH = 800;
const HEIGHT = 140;
const AXIS = 20;
const COLUMNS = 400;

interface Mark {
  kind: "pause" | "disfluency" | "error";
  startMs: number;
  endMs: number;
  label: string;
}

function marks(response: AnalyzeSpeechResponse): Mark[] {
  const fluency = response.fluency;
  return [
    ...(fluency?.pauses ?? []).map(({ startMs, endMs }): Mark => ({ kind: "pause", startMs, endMs, label: `pause, ${endMs - startMs} ms` })),
    ...(fluency?.disfluencies ?? []).map(({ startMs, endMs, kind, text }): Mark => ({ kind: "disfluency", startMs, endMs, label: `${enumLabel(DisfluencyKind, kind)} "${text}"` })),
    ...(response.articulation?.errors ?? []).map(({ startMs, endMs, word, targetPhoneme, producedPhoneme, process }): Mark => ({
      kind: "error",
      startMs,
      endMs,
      label: `${word}: /${targetPhoneme}/ said as /${producedPhoneme || "nothing"}/ (${process || "error"})`,
    })),
  ];
}

/** waveformChart draws samples over durationMs with the analysis' marks, and lists the marks as text. */
export function waveformChart(samples: Float32Array, durationMs: number, response: AnalyzeSpeechResponse): HTMLElement {
  const middle = HEIGHT / 2;
  const columnWidth = WIDTH / COLUMNS;
  const wave = peaks(samples, COLUMNS)
    .map(({ min, max }, i) => `M${(i * columnWidth).toFixed(1)} ${(middle - max * middle).toFixed(1)}V${(middle - min * middle + 0.5).toFixed(1)}`)
    .join("");
  const found = marks(response);
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${HEIGHT + AXIS}`, role: "img", "aria-label": `Waveform, ${(durationMs / 1000).toFixed(1)} s, ${found.length} marks`, class: "chart" },
    ...found.map((mark) => {
      const x = timeToX(mark.startMs, durationMs, WIDTH);
      const width = Math.max(2, timeToX(mark.endMs, durationMs, WIDTH) - x);
      return svg("rect", { class: `mark ${mark.kind}`, x, y: 0, width, height: HEIGHT }, svg("title", {}, mark.label));
    }),
    svg("path", { class: "wave", d: wave }),
    ...secondTicks(durationMs).map((ms) => {
      const x = timeToX(ms, durationMs, WIDTH);
      return svg("g", { class: "tick" }, svg("line", { x1: x, x2: x, y1: HEIGHT, y2: HEIGHT + 4 }), svg("text", { x: x + 2, y: HEIGHT + 16 }, `${ms / 1000} s`));
    }),
  );
  const legend = html("ul", { class: "marks" }, ...found.map((m) => html("li", { class: m.kind }, `${(m.startMs / 1000).toFixed(2)}–${(m.endMs / 1000).toFixed(2)} s: ${m.label}`)));
  return html("figure", {}, chart, html("figcaption", {}, "Waveform: pauses in grey, disfluencies in amber, articulation errors in red."), legend);
}
