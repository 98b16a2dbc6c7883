// Each skill's ability after every recorded answer, one small line per skill on a frame all skills share,
// so that their lines compare at a glance.
import type { AbilityPoint } from "@aivo/gen/aivo/brain/v1/ml_pb.js";
import { svg } from "./dom.ts";
import { fixed } from "./labels.ts";
import { frameOf, seriesLine, type Frame, type Sample } from "./plot.ts";

const WIDTH = 160;
const HEIGHT = 32;
// Room around the line, so that the dot on the newest value is not cut off at the edges.
const PAD = 4;

/** AbilityHistory is each skill's samples (ability in logits over time) and the frame they share. */
export interface AbilityHistory {
  bySkill: Map<string, Sample[]>;
  frame: Frame;
}

export function abilityHistory(points: readonly AbilityPoint[]): AbilityHistory {
  const bySkill = new Map<string, Sample[]>();
  for (const point of points) {
    const sample = { atMs: Number(point.recordedAtUnixMs), value: point.ability };
    bySkill.set(point.skill, [...(bySkill.get(point.skill) ?? []), sample]);
  }
  return { bySkill, frame: frameOf([...bySkill.values()].flat()) };
}

/** abilitySparkline draws one skill's line, with a dot on its newest value. */
export function abilitySparkline(skill: string, samples: readonly Sample[], frame: Frame): SVGElement {
  const line = seriesLine(samples, frame, WIDTH - 2 * PAD, HEIGHT - 2 * PAD);
  const newest = line[line.length - 1];
  const label = `Ability in ${skill} after each of ${samples.length} answers, now ${fixed(samples[samples.length - 1].value, 2)} logits`;
  return svg(
    "svg",
    { viewBox: `${-PAD} ${-PAD} ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label, class: "sparkline" },
    svg("polyline", { class: "ability", points: line.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ") }),
    svg("circle", { class: "ability-now", cx: newest.x.toFixed(1), cy: newest.y.toFixed(1), r: 2.5 }),
  );
}
