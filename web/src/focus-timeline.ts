// A session's attention on a time axis: spans of sustained attention above, lapses (with their cause) below.
import { LapseCause, type AnalyzeAttentionResponse } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { html, svg } from "./dom.ts";
import { enumLabel, fixed, times } from "./labels.ts";
import { timeToX } from "./plot.ts";

const WIDTH = 800;
const ROW = 26;

/** focusTimeline draws spans and lapses of attention over the session's length. */
export function focusTimeline(attention: AnalyzeAttentionResponse): HTMLElement {
  const ends = [...attention.spans.map((s) => s.endMs), ...attention.lapses.map((l) => l.startMs + l.durationMs)];
  const durationMs = Math.max(1, ...ends);
  const bar = (startMs: number, endMs: number, y: number, kind: string, label: string) => {
    const x = timeToX(startMs, durationMs, WIDTH);
    return svg("rect", { class: `bar ${kind}`, x, y, width: Math.max(2, timeToX(endMs, durationMs, WIDTH) - x), height: ROW - 6 }, svg("title", {}, label));
  };
  const minutes = (ms: number) => `${fixed(ms / 60_000)} min`;
  const chart = svg(
    "svg",
    { viewBox: `0 0 ${WIDTH} ${2 * ROW + 16}`, role: "img", "aria-label": `Focus timeline: ${attention.spans.length} spans, ${attention.lapses.length} lapses`, class: "chart" },
    ...attention.spans.map((s) => bar(s.startMs, s.endMs, 0, "span", `attention ${minutes(s.startMs)}–${minutes(s.endMs)}, ${s.answers} answers`)),
    ...attention.lapses.map((l) => bar(l.startMs, l.startMs + l.durationMs, ROW, "lapse", `${enumLabel(LapseCause, l.cause)} at ${minutes(l.startMs)}, ${fixed(l.durationMs / 1000, 0)} s`)),
    svg("text", { x: 2, y: 2 * ROW + 12 }, "0 min"),
    svg("text", { x: WIDTH - 2, y: 2 * ROW + 12, "text-anchor": "end" }, minutes(durationMs)),
  );
  const lapses = attention.lapses.map((l) => html("li", {}, `${minutes(l.startMs)}: ${enumLabel(LapseCause, l.cause)} for ${fixed(l.durationMs / 1000, 0)} s`));
  return html(
    "figure",
    {},
    chart,
    html("figcaption", {}, `Sustained attention in green (mean ${fixed(attention.meanSpanMs / 1000, 0)} s, longest ${fixed(attention.longestSpanMs / 1000, 0)} s), lapses in red; away from the app ${times(attention.distractionCount)}.`),
    html("ul", { class: "lapses" }, ...lapses),
  );
}
