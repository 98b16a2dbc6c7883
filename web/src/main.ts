// Wires the page: the sign-in form, the speech form, and what each shows when the mesh answers or refuses.
import { AudioEncoding } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { decodeRecording, startMicrophone, type Microphone, type Recording } from "./audio.ts";
import { describeProblem } from "./errors.ts";
import { EXAMPLE_CATALOG, EXAMPLE_SESSION } from "./examples.ts";
import { InputError } from "./learner-input.ts";
import { abilityPanel, focusPanel, recommendationsPanel, type LearnerInput } from "./learner-view.ts";
import { brain } from "./mesh.ts";
import { currentSession, signIn, signOut } from "./session.ts";
import { speechView } from "./speech-view.ts";

const $ = <E extends HTMLElement>(id: string) => document.getElementById(id) as E;

const signInSection = $("sign-in");
const signInMessage = $("sign-in-message");
const speechError = $("speech-error");
const speechResult = $("speech-result");
const recordButton = $<HTMLButtonElement>("record");
const recordingStatus = $("recording-status");

/** showSession shows the sign-in form, or who is signed in; message explains why sign-in is needed. */
function showSession(message = ""): void {
  const session = message ? undefined : currentSession();
  signInSection.hidden = session !== undefined;
  signInMessage.textContent = message;
  $("sign-out").hidden = session === undefined;
  $("who").textContent = session ? `Signed in: school ${session.tenantId}${session.learnerId ? `, learner ${session.learnerId}` : ""}` : "Not signed in";
  if (message) $("token").focus();
}

function showProblem(error: unknown, where: HTMLElement): void {
  if (error instanceof InputError) {
    where.textContent = error.message;
    return;
  }
  const problem = describeProblem(error);
  if (problem.signIn) {
    where.textContent = "";
    signOut();
    showSession(problem.message);
  } else {
    where.textContent = problem.message;
  }
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  signIn($<HTMLTextAreaElement>("token").value);
  $<HTMLTextAreaElement>("token").value = "";
  showSession();
});

$("sign-out").addEventListener("click", () => {
  signOut();
  showSession("You are signed out.");
});

let recorded: Recording | undefined;
let microphone: Microphone | undefined;

recordButton.addEventListener("click", async () => {
  try {
    if (microphone === undefined) {
      microphone = await startMicrophone();
      recordButton.textContent = "Stop recording";
      recordButton.setAttribute("aria-pressed", "true");
      recordingStatus.textContent = "Recording…";
      return;
    }
    const take = microphone;
    microphone = undefined;
    recordButton.textContent = "Record from microphone";
    recordButton.setAttribute("aria-pressed", "false");
    recorded = await take.stop();
    $<HTMLInputElement>("audio-file").value = "";
    recordingStatus.textContent = `Recorded ${(recorded.samples.length / recorded.sampleRateHz).toFixed(1)} s; it will be analyzed.`;
  } catch (error) {
    microphone = undefined;
    recordingStatus.textContent = `The microphone is not available: ${(error as Error).message}`;
  }
});

$("audio-file").addEventListener("change", () => {
  recorded = undefined;
  recordingStatus.textContent = "";
});

async function chosenRecording(): Promise<Recording | undefined> {
  const file = $<HTMLInputElement>("audio-file").files?.[0];
  if (file) return decodeRecording(await file.arrayBuffer());
  return recorded;
}

$("speech-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  speechError.textContent = "";
  const submit = (event.target as HTMLFormElement).querySelector("button[type=submit]") as HTMLButtonElement;
  submit.disabled = true;
  try {
    let recording: Recording | undefined;
    try {
      recording = await chosenRecording();
    } catch {
      speechError.textContent = "The browser could not read this file as audio: choose a WAV recording.";
      return;
    }
    if (recording === undefined) {
      speechError.textContent = "Choose a WAV file or record from the microphone first.";
      return;
    }
    speechResult.textContent = "Analyzing…";
    const response = await brain.analyzeSpeech({
      audio: { data: recording.wav, encoding: AudioEncoding.WAV, sampleRateHz: recording.sampleRateHz },
      targetText: $<HTMLInputElement>("target").value,
      childAgeMonths: Number($<HTMLInputElement>("age").value),
    });
    speechResult.replaceChildren(speechView(response, recording));
  } catch (error) {
    speechResult.textContent = "";
    showProblem(error, speechError);
  } finally {
    submit.disabled = false;
  }
});

$<HTMLTextAreaElement>("session").value = JSON.stringify(EXAMPLE_SESSION, null, 2);
$<HTMLTextAreaElement>("catalog").value = JSON.stringify(EXAMPLE_CATALOG, null, 2);

const learnerPanels: [string, (input: LearnerInput) => Promise<HTMLElement>][] = [
  ["focus-panel", focusPanel],
  ["recommend-panel", recommendationsPanel],
  ["ability-panel", abilityPanel],
];

$("learner-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input: LearnerInput = {
    learnerId: $<HTMLInputElement>("learner-id").value.trim(),
    subject: $<HTMLInputElement>("subject").value.trim(),
    currentLevel: Number($<HTMLInputElement>("current-level").value),
    session: $<HTMLTextAreaElement>("session").value,
    catalog: $<HTMLTextAreaElement>("catalog").value,
  };
  await Promise.all(
    learnerPanels.map(async ([id, panel]) => {
      const target = $(id);
      const error = target.parentElement!.querySelector<HTMLElement>("[data-error]")!;
      error.textContent = "";
      target.textContent = "Loading…";
      try {
        target.replaceChildren(await panel(input));
      } catch (problem) {
        target.textContent = "";
        showProblem(problem, error);
      }
    }),
  );
});

showSession(currentSession() === undefined ? "Paste an access token to sign in." : "");
