// Example inputs the learner form starts with, in the contracts' JSON form, so a new user sees every panel
// work before pasting a real session log and catalogue.

const answer = (offsetMs: number, correct: boolean, responseTimeMs: number) => ({ offsetMs, answer: { correct, responseTimeMs } });

export const EXAMPLE_SESSION = {
  sessionId: "example-session",
  childAgeMonths: 96,
  events: [
    answer(0, true, 4_000),
    answer(20_000, true, 5_000),
    answer(40_000, false, 6_000),
    { offsetMs: 50_000, idle: { durationMs: 45_000 } },
    answer(100_000, true, 4_500),
    { offsetMs: 110_000, focusLost: { cause: "FOCUS_LOSS_CAUSE_TAB_HIDDEN", durationMs: 30_000 } },
    answer(145_000, true, 5_000),
    answer(165_000, false, 7_000),
    answer(185_000, true, 4_000),
  ],
};

export const EXAMPLE_CATALOG = [
  { contentId: "fractions-1", skill: "math", level: 35, modality: "visual" },
  { contentId: "fractions-2", skill: "math", level: 55, modality: "hands_on" },
  { contentId: "phonics-1", skill: "reading", level: 30, modality: "auditory" },
  { contentId: "phonics-2", skill: "reading", level: 60, modality: "reading" },
];
