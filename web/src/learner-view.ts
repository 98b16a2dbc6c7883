// The learner view: three panels filled independently from the focus and ML RPCs, so one refusal
// (say, invalid input in the session) leaves the others showing.
import { abilityHistory, abilitySparkline } from "./ability-chart.ts";
import { html } from "./dom.ts";
import { fixed } from "./labels.ts";
import { focusTimeline } from "./focus-timeline.ts";
import { readCatalog, readSession } from "./learner-input.ts";
import { brain } from "./mesh.ts";

export interface LearnerInput {
  learnerId: string;
  subject: string;
  currentLevel: number;
  session: string;
  catalog: string;
}

export async function focusPanel(input: LearnerInput): Promise<HTMLElement> {
  return focusTimeline(await brain.analyzeAttention({ session: readSession(input.session) }));
}

export async function recommendationsPanel(input: LearnerInput): Promise<HTMLElement> {
  const answer = await brain.recommendContent({ learnerId: input.learnerId, subject: input.subject, catalog: readCatalog(input.catalog) });
  if (answer.items.length === 0) return html("p", {}, "Nothing in the catalogue fits.");
  return html(
    "div",
    {},
    html("ol", { class: "recommendations" }, ...answer.items.map((item) => html("li", {}, html("strong", {}, item.contentId), ` — ${item.reason}`))),
    html("p", {}, `Confidence in the first: ${fixed(answer.confidence * 100, 0)} %`),
  );
}

/** abilityPanel asks PredictDifficulty for each skill of the catalogue, and GetAbilityHistory for how each got there. */
export async function abilityPanel(input: LearnerInput): Promise<HTMLElement> {
  const skills = [...new Set(readCatalog(input.catalog).map((item) => item.skill))];
  const [answers, { points }] = await Promise.all([
    Promise.all(skills.map((subject) => brain.predictDifficulty({ learnerId: input.learnerId, subject, currentLevel: input.currentLevel }))),
    brain.getAbilityHistory({ learnerId: input.learnerId }),
  ]);
  const history = abilityHistory(points);
  const line = (skill: string) => {
    const samples = history.bySkill.get(skill);
    return samples ? abilitySparkline(skill, samples, history.frame) : "none yet";
  };
  const rows = answers.map((a, i) =>
    html(
      "tr",
      {},
      html("th", { scope: "row" }, skills[i]),
      html("td", {}, `${fixed(a.ability, 2)} logits`),
      html("td", {}, line(skills[i])),
      html("td", {}, String(a.recommendedLevel)),
      html("td", {}, `${fixed(a.currentLevelSuccessProbability * 100, 0)} %`),
      html("td", {}, a.coldStart ? "no answers recorded yet" : `${fixed(a.confidence * 100, 0)} % confident`),
    ),
  );
  const head = html("tr", {}, ...["Skill", "Ability", "Over time", "Next level", `Success at level ${input.currentLevel}`, "Evidence"].map((h) => html("th", { scope: "col" }, h)));
  return html("div", { class: "table" }, html("table", {}, html("thead", {}, head), html("tbody", {}, ...rows)), html("p", { class: "note" }, "Over time: the ability after each recorded answer, all skills on one scale."));
}
