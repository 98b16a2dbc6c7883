// The target phonemes as aligned to the audio, word by word, errors highlighted with their process named.
import type { ArticulationAnalysis } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { html } from "./dom.ts";
import { fixed } from "./labels.ts";

/** phonemesView shows each target word's phonemes and lists the errors. */
export function phonemesView(articulation: ArticulationAnalysis): HTMLElement {
  const words: { word: string; phonemes: HTMLElement[] }[] = [];
  for (const p of articulation.phonemes) {
    const time = `${(p.startMs / 1000).toFixed(2)}–${(p.endMs / 1000).toFixed(2)} s`;
    const said = p.correct ? `said ${time}` : `said as /${p.producedPhoneme || "nothing"}/ ${time}`;
    const phoneme = html("span", { class: p.correct ? "phoneme correct" : "phoneme wrong", title: said }, p.targetPhoneme);
    if (words.at(-1)?.word !== p.word) words.push({ word: p.word, phonemes: [] });
    words.at(-1)!.phonemes.push(phoneme);
  }
  const errors = articulation.errors.map((e) => {
    const age = e.ageAppropriate ? `age-appropriate until ${e.typicalByMonths} months` : `expected by ${e.typicalByMonths} months`;
    return html(
      "li",
      { class: "articulation-error", "data-process": e.process },
      html("strong", {}, e.word),
      `: /${e.targetPhoneme}/ said as /${e.producedPhoneme || "nothing"}/ — `,
      html("span", { class: "process" }, e.process || "unnamed process"),
      ` (${age})`,
    );
  });
  return html(
    "div",
    { class: "phonemes" },
    html("h3", {}, "Target phonemes"),
    html("p", { class: "words" }, ...words.map((w) => html("span", { class: "word", "aria-label": w.word }, html("span", { class: "word-text" }, w.word), ...w.phonemes))),
    html("p", {}, `PCC ${fixed(articulation.percentConsonantsCorrect)} % (${articulation.consonantsCorrect} of ${articulation.consonantsTarget} consonants correct)`),
    errors.length > 0 ? html("ul", { class: "errors" }, ...errors) : html("p", {}, "No articulation errors."),
  );
}
