// The pitch contour on the same time axis as the waveform, between the lowest and highest pitch heard.
import { TerminalContour, type ProsodyMetrics } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { html, svg } from "./dom.ts";
import { enumLabel, fixed } from "./labels.ts";
import { contourLines } from "./plot.ts";

const WIDTH = 800;
const HEIGHT = 100;

/** pitchChart draws the contour of prosody over durationMs, with its range written beside it. */
export function pitchChart(prosody: ProsodyMetrics, durationMs: number): HTMLElement {
  const range = `${fixed(prosody.f0MinHz, 0)}–${fixed(prosody.f0MaxHz, 0)} Hz (${fixed(prosody.f0RangeSemitones)} semitones)`;
  const lines = prosody.f0MaxHz > 0 ? contourLines(prosody.f0ContourHz, prosody.contourStepMs, prosody.f0MinHz, prosody.f0MaxHz, durationMs, WIDTH, HEIGHT) : [];
  const chart = svg(
    "svg",
    { viewBox: `0 -12 ${WIDTH} ${HEIGHT + 24}`, role: "img", "aria-label": `Pitch contour, ${range}`, class: "chart" },
    svg("line", { class: "range", x1: 0, x2: WIDTH, y1: 0, y2: 0 }),
    svg("line", { class: "range", x1: 0, x2: WIDTH, y1: HEIGHT, y2: HEIGHT }),
    svg("text", { x: 2, y: -2 }, `${fixed(prosody.f0MaxHz, 0)} Hz`),
    svg("text", { x: 2, y: HEIGHT + 12 }, `${fixed(prosody.f0MinHz, 0)} Hz`),
    ...lines.map((points) => svg("polyline", { class: "contour", points: points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ") })),
  );
  const caption = `Pitch ${range}, median ${fixed(prosody.medianF0Hz, 0)} Hz, ending ${enumLabel(TerminalContour, prosody.terminalContour)}.`;
  return html("figure", {}, chart, html("figcaption", {}, caption));
}
