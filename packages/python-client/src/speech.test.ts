import { describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { AudioEncoding, SpeechTask } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { toAnalyzeSpeechRequest, type SpeechAnalysisRequest } from "./speech.js";

describe("toAnalyzeSpeechRequest", () => {
  it("decodes base64 audio into bytes", () => {
    const request = toAnalyzeSpeechRequest({ audioBase64: "UklGRg==", childAge: 7 });

    expect([...(request.audio?.data ?? [])]).toEqual([0x52, 0x49, 0x46, 0x46]);
  });

  it("passes audio given as bytes through unchanged", () => {
    const audio = new Uint8Array([1, 2, 3]);

    const request = toAnalyzeSpeechRequest({ audio, childAge: 7 });

    expect(request.audio?.data).toBe(audio);
  });

  it.each([
    [7, 84],
    [2, 24],
    [4.5, 54],
    [18, 216],
  ])("turns a child age of %s years into %s months", (years, months) => {
    expect(toAnalyzeSpeechRequest({ audioBase64: "AA==", childAge: years }).childAgeMonths).toBe(months);
  });

  it.each([
    ["full", SpeechTask.UNSPECIFIED],
    ["articulation", SpeechTask.ARTICULATION],
    ["fluency", SpeechTask.FLUENCY],
    ["prosody", SpeechTask.PROSODY],
    ["transcription", SpeechTask.TRANSCRIPTION],
  ] as const)("maps taskType %s to the contract's SpeechTask", (taskType, task) => {
    expect(toAnalyzeSpeechRequest({ audioBase64: "AA==", childAge: 7, taskType }).task).toBe(task);
  });

  it("carries sample rate, encoding and target text", () => {
    const request = toAnalyzeSpeechRequest({
      audioBase64: "AA==",
      childAge: 7,
      sampleRate: 16000,
      encoding: "pcm_s16le",
      targetText: "rabbit",
    });

    expect(request.audio).toMatchObject({ sampleRateHz: 16000, encoding: AudioEncoding.PCM_S16LE });
    expect(request.targetText).toBe("rabbit");
  });

  it.each([
    ["audioBase64", { audioBase64: "base64-encoded-audio", childAge: 7 }],
    ["childAge", { audioBase64: "AA==", childAge: Number.NaN }],
    ["taskType", { audioBase64: "AA==", childAge: 7, taskType: "singing" }],
    ["taskType", { audioBase64: "AA==", childAge: 7, taskType: "toString" }],
    ["encoding", { audioBase64: "AA==", childAge: 7, encoding: "mp3" }],
    ["sampleRate", { audioBase64: "AA==", childAge: 7, sampleRate: -16000 }],
  ])("refuses a bad %s with INVALID_ARGUMENT naming it", (field, input) => {
    expect(() => toAnalyzeSpeechRequest(input as SpeechAnalysisRequest)).toThrow(
      expect.objectContaining({ code: Code.InvalidArgument, message: expect.stringMatching(new RegExp(`^${field}: `)) }),
    );
  });
});
