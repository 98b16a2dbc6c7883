import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { create, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { anyPack, anyUnpack } from "@bufbuild/protobuf/wkt";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import {
  AnalyzeArticulationRequestSchema,
  AnalyzeArticulationResponseSchema,
  AnalyzeFluencyRequestSchema,
  AnalyzeFluencyResponseSchema,
  AnalyzeProsodyRequestSchema,
  AnalyzeProsodyResponseSchema,
  AnalyzeSpeechRequestSchema,
  AnalyzeSpeechResponseSchema,
  TerminalContour,
  TranscribeSpeechRequestSchema,
  TranscribeSpeechResponseSchema,
} from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { getBrainServiceClient } from "@aivo/python-client";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);
const hasEspeak = spawnSync("espeak-ng", ["--version"]).status === 0;
const TARGET = "the red rabbit";

/** A real WAV made on the spot: espeak-ng saying the target with both /r/ glided to /w/. */
async function glidedWav(dir: string): Promise<Uint8Array> {
  const path = join(dir, "wed-wabbit.wav");
  await run("espeak-ng", ["-v", "en-us", "-w", path, "the wed wabbit"]);
  return new Uint8Array(readFileSync(path));
}

describe.skipIf(!hasEspeak)("speech analysis of a real WAV through the mesh", () => {
  let dir: string;
  let wav: Uint8Array;
  let headers: Record<string, string>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "aivo-speech-e2e-"));
    wav = await glidedWav(dir);
    headers = { authorization: `Bearer ${await userToken(mesh.jwtSecret)}` };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const audio = () => ({ data: wav });

  describe("every speech RPC through the gateway", () => {
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));

    it("AnalyzeSpeech finds both glidings, times them, and measures rate and pitch", async () => {
      const response = await brain.analyzeSpeech({ audio: audio(), childAgeMonths: 48, targetText: TARGET }, { headers });

      expect(response.articulation?.errors.map((e) => [e.word, e.targetPhoneme, e.producedPhoneme, e.process])).toEqual([
        ["red", "R", "W", "gliding"],
        ["rabbit", "R", "W", "gliding"],
      ]);
      expect(response.articulation?.errors.every((e) => e.ageAppropriate && e.endMs > e.startMs)).toBe(true);
      expect(response.fluency?.syllableCount).toBe(4);
      expect(response.prosody?.medianF0Hz).toBeGreaterThan(50);
      expect(response.transcript?.recognizer).toBe("pocketsphinx");
    });

    it("AnalyzeArticulation, AnalyzeFluency, AnalyzeProsody and TranscribeSpeech each answer", async () => {
      const [articulation, fluency, prosody, transcript] = await Promise.all([
        brain.analyzeArticulation({ audio: audio(), childAgeMonths: 84, targetText: TARGET }, { headers }),
        brain.analyzeFluency({ audio: audio(), childAgeMonths: 84, targetText: TARGET }, { headers }),
        brain.analyzeProsody({ audio: audio(), childAgeMonths: 84 }, { headers }),
        brain.transcribeSpeech({ audio: audio() }, { headers }),
      ]);

      expect(articulation.articulation?.errors.map((e) => e.ageAppropriate)).toEqual([false, false]);
      expect(articulation.articulation?.percentConsonantsCorrect).toBeCloseTo((100 * 4) / 6, 1);
      expect(fluency.fluency?.wordCount).toBe(3);
      expect(prosody.prosody?.terminalContour).not.toBe(TerminalContour.RISING);
      expect(transcript.quality?.durationMs).toBeGreaterThan(500);
    });
  });

  it("every speech task runs by its seed name through dispatch", async () => {
    const dispatch = createClient(DispatchService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));
    const tasks: [string, DescMessage, MessageInitShape<DescMessage>, DescMessage, string][] = [
      ["speech_analysis", AnalyzeSpeechRequestSchema, { audio: audio(), childAgeMonths: 48, targetText: TARGET }, AnalyzeSpeechResponseSchema, "AnalyzeSpeech"],
      ["articulation_analysis", AnalyzeArticulationRequestSchema, { audio: audio(), childAgeMonths: 48, targetText: TARGET }, AnalyzeArticulationResponseSchema, "AnalyzeArticulation"],
      ["fluency_analysis", AnalyzeFluencyRequestSchema, { audio: audio(), childAgeMonths: 48 }, AnalyzeFluencyResponseSchema, "AnalyzeFluency"],
      ["prosody_analysis", AnalyzeProsodyRequestSchema, { audio: audio(), childAgeMonths: 48 }, AnalyzeProsodyResponseSchema, "AnalyzeProsody"],
      ["speech_transcription", TranscribeSpeechRequestSchema, { audio: audio() }, TranscribeSpeechResponseSchema, "TranscribeSpeech"],
    ];

    for (const [task, requestSchema, init, responseSchema, method] of tasks) {
      const response = await dispatch.routeTask({ task, input: anyPack(requestSchema, create(requestSchema, init)) }, { headers });

      expect(response.method).toBe(`aivo.brain.v1.BrainService/${method}`);
      expect(anyUnpack(response.output!, responseSchema)).toHaveProperty("quality");
    }
  });

  it("the client package's analyzeSpeech takes the seed's request and flattens the answer", async () => {
    const client = getBrainServiceClient({ baseUrl: mesh.gatewayUrl, token: () => userToken(mesh.jwtSecret), timeout: 30_000 });

    const result = await client.analyzeSpeech({ audio: wav, childAge: 4, targetText: TARGET, encoding: "wav" });

    expect(result.articulationErrors.map((e) => e.process)).toEqual(["gliding", "gliding"]);
    expect(result.percentConsonantsCorrect).toBeCloseTo((100 * 4) / 6, 1);
    expect(result.prosodyMetrics?.f0ContourHz.length).toBeGreaterThan(50);
  });

  it.each([
    ["/api/v1/speech/analyze", "articulation", { childAgeMonths: 48, targetText: TARGET }],
    ["/api/v1/speech/articulation", "articulation", { childAgeMonths: 48, targetText: TARGET }],
    ["/api/v1/speech/fluency", "fluency", { childAgeMonths: 48 }],
    ["/api/v1/speech/prosody", "prosody", { childAgeMonths: 48 }],
    ["/api/v1/speech/transcribe", "transcript", {}],
  ])("REST through Envoy: POST %s answers 200 with %s", async (path, field, fields) => {
    const bodyPath = join(dir, `${field}.json`);
    writeFileSync(bodyPath, JSON.stringify({ audio: { data: Buffer.from(wav).toString("base64") }, ...fields }));

    const { stdout } = await run("curl", [
      "-sS", "-X", "POST", `${mesh.envoyUrl}${path}`, "-w", "\n%{http_code}", "-H", "content-type: application/json",
      "-H", `authorization: ${headers.authorization}`, "--data-binary", `@${bodyPath}`,
    ]);
    const cut = stdout.lastIndexOf("\n");

    expect(Number(stdout.slice(cut + 1))).toBe(200);
    expect(JSON.parse(stdout.slice(0, cut))).toHaveProperty(field);
  });
});
