/** The learner models across the real mesh: outcomes recorded and predictions made through every entry. */
import { randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { create, fromJson } from "@bufbuild/protobuf";
import { anyPack, anyUnpack } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { FocusSessionSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { PredictDifficultyRequestSchema, PredictDifficultyResponseSchema } from "@aivo/gen/aivo/brain/v1/ml_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { BrainServiceError, getBrainServiceClient } from "@aivo/python-client";
import { describe, expect, inject, it } from "vitest";
import { steadySessionJson } from "./fixtures.ts";
import { serviceToken, userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);
/** The seed client's difficulty example. */
const seedDifficulty = { subject: "math", currentLevel: 5, recentPerformance: [0.8, 0.75, 0.9] };

/** A learner of a tenant of their own, so tests sharing the mesh never see each other's state. */
async function freshLearner(learnerId = "learner-1") {
  const tenantId = `tenant-${randomUUID()}`;
  return { tenantId, learnerId, headers: { authorization: `Bearer ${await userToken(mesh.jwtSecret, { tenantId, learnerId })}` } };
}

function outcome(eventId: string, correct = true) {
  return { eventId, skill: "math", itemId: "item-7", level: 50, correct, responseTimeMs: 2400 };
}

const brain = createClient(BrainService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));

describe("learner models through the gateway", () => {
  it("learns from recorded outcomes: the prediction leaves cold start and rises with correct answers", async () => {
    const { headers } = await freshLearner();
    const before = await brain.predictDifficulty(seedDifficulty, { headers });

    for (let i = 0; i < 6; i++) await brain.recordOutcome(outcome(`e-${i}`), { headers });
    const after = await brain.predictDifficulty(seedDifficulty, { headers });

    expect(before.coldStart).toBe(true);
    expect(after.coldStart).toBe(false);
    expect(after.ability).toBeGreaterThan(0);
    expect(after.confidence).toBeGreaterThan(0);
  });

  it("counts an event recorded twice once", async () => {
    const { headers } = await freshLearner();

    const first = await brain.recordOutcome(outcome("e-1"), { headers });
    const again = await brain.recordOutcome(outcome("e-1", false), { headers });

    expect([first.duplicate, again.duplicate]).toEqual([false, true]);
    expect(again.attempts).toBe(1);
  });

  it("never shows one tenant's learner to another tenant with the same learner id", async () => {
    const owner = await freshLearner("same-id");
    const stranger = await freshLearner("same-id");
    await brain.recordOutcome(outcome("e-1"), { headers: owner.headers });

    const seen = await brain.predictDifficulty(seedDifficulty, { headers: stranger.headers });

    expect(seen.coldStart).toBe(true);
  });

  it("runs the seed's difficulty example through runInference of the client package", async () => {
    const { tenantId, learnerId } = await freshLearner();
    const client = getBrainServiceClient({ baseUrl: mesh.gatewayUrl, token: () => userToken(mesh.jwtSecret, { tenantId, learnerId }), timeout: 10_000 });

    const result = await client.runInference({ modelType: "difficulty_prediction", input: seedDifficulty, learnerId: "learner-123" });

    expect(result.modelType).toBe("difficulty_prediction");
    expect(result.prediction.recommendedLevel).toBeGreaterThanOrEqual(5);
    expect(result.confidence).toBe(result.prediction.confidence);
  });

  it("runs difficulty_prediction by task name through dispatch", async () => {
    const { headers } = await freshLearner();
    const dispatch = createClient(DispatchService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));

    const response = await dispatch.routeTask({ task: "difficulty_prediction", input: anyPack(PredictDifficultyRequestSchema, create(PredictDifficultyRequestSchema, seedDifficulty)) }, { headers });

    expect(response.method).toBe("aivo.brain.v1.BrainService/PredictDifficulty");
    expect(anyUnpack(response.output!, PredictDifficultyResponseSchema)?.recommendedLevel).toBeGreaterThanOrEqual(5);
  });

  it("reads emotion from text and voice, naming both signals", async () => {
    const { headers } = await freshLearner();

    const response = await brain.detectEmotion(
      { text: "I hate this, it is too hard!!", prosody: { pitchRangeSemitones: 16, intensityRangeDb: 35, articulationRate: 5 } },
      { headers },
    );

    expect(response.emotion).toBe("frustrated");
    expect(response.signals).toEqual(["text_sentiment", "voice_prosody"]);
  });

  it("detects the modality the learner does best in, as an observed preference with intervals", async () => {
    const { headers } = await freshLearner();
    for (let i = 0; i < 4; i++) {
      await brain.recordOutcome({ ...outcome(`v-${i}`), modality: "visual" }, { headers });
      await brain.recordOutcome({ ...outcome(`r-${i}`, false), modality: "reading" }, { headers });
    }

    const response = await brain.detectLearningStyle({}, { headers });

    expect(response.preferences[0]).toMatchObject({ modality: "visual" });
    expect(response.preferences[0].credibleIntervalLow).toBeLessThan(response.preferences[0].probability);
    expect(response.note).toContain("observed preference");
  });

  it("recommends content from a catalog with a reason for each item, and learns from the answer", async () => {
    const { headers } = await freshLearner();
    const catalog = [20, 40, 60, 80].map((level) => ({ contentId: `math-${level}`, skill: "math", level, modality: "visual" }));

    const first = await brain.recommendContent({ subject: "math", limit: 2, catalog }, { headers });
    await brain.recordOutcome({ ...outcome("e-1"), itemId: first.items[0].contentId }, { headers });
    const next = await brain.recommendContent({ subject: "math", limit: 2, catalog }, { headers });

    expect(first.items).toHaveLength(2);
    expect(first.items[0].reason).toContain("predicted success");
    expect(next.confidence).toBeGreaterThan(first.confidence);
  });

  it("predicts engagement through runInference with the default weights before any session is recorded", async () => {
    const { tenantId, learnerId } = await freshLearner();
    const client = getBrainServiceClient({ baseUrl: mesh.gatewayUrl, token: () => userToken(mesh.jwtSecret, { tenantId, learnerId }), timeout: 10_000 });

    const result = await client.runInference({ modelType: "engagement_prediction", input: { session: fromJson(FocusSessionSchema, steadySessionJson) } });

    expect(result.prediction.engagedProbability).toBeGreaterThan(0.5);
    expect(result.prediction.trainingExamples).toBe(0);
    expect(result.confidence).toBe(0);
  });
});

describe("learner models called on the brain directly", () => {
  it("refuses a call without a tenant as a 400 naming x-tenant-id", async () => {
    const client = getBrainServiceClient({ baseUrl: mesh.brainUrl, token: () => serviceToken(mesh.serviceTokenSecret, "brain"), timeout: 10_000, retry: { maxRetries: 0 } });

    const error = await client.runInference({ modelType: "difficulty_prediction", input: seedDifficulty, learnerId: "learner-123" }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BrainServiceError);
    expect(error).toMatchObject({ code: Code.InvalidArgument, statusCode: 400 });
    expect((error as BrainServiceError).message).toContain("x-tenant-id");
  });
});

/** curl, the legacy REST client, to Envoy: the HTTP status and the JSON body. */
async function post(path: string, token: string, body: unknown): Promise<{ status: number; json: any }> {
  const args = ["-sS", "-X", "POST", `${mesh.envoyUrl}${path}`, "-w", "\n%{http_code}", "-H", "content-type: application/json"];
  args.push("-H", `authorization: Bearer ${token}`, "--data-binary", JSON.stringify(body));
  const { stdout } = await run("curl", args);
  const cut = stdout.lastIndexOf("\n");
  return { status: Number(stdout.slice(cut + 1)), json: JSON.parse(stdout.slice(0, cut)) };
}

describe("learner models over REST through Envoy", () => {
  it("POST /api/v1/ml/outcomes records an answer that POST /api/v1/ml/predict/difficulty then uses", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: `tenant-${randomUUID()}` });

    const recorded = await post("/api/v1/ml/outcomes", token, outcome("e-1"));
    const predicted = await post("/api/v1/ml/predict/difficulty", token, seedDifficulty);

    expect(recorded).toMatchObject({ status: 200, json: { attempts: 1 } });
    expect(predicted.status).toBe(200);
    expect(predicted.json.coldStart).toBe(false);
    expect(predicted.json.recommendedLevel).toBeGreaterThan(0);
  });

  it("POST /api/v1/ml/personalize orders the skills and refuses a cyclic graph as 400 naming skills", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: `tenant-${randomUUID()}` });
    const graph = [
      { skillId: "addition", prerequisiteIds: ["counting"] },
      { skillId: "counting" },
    ];

    const path = await post("/api/v1/ml/personalize", token, { skills: graph });
    const cyclic = await post("/api/v1/ml/personalize", token, { skills: [{ skillId: "a", prerequisiteIds: ["b"] }, { skillId: "b", prerequisiteIds: ["a"] }] });

    expect(path.status).toBe(200);
    expect(path.json.steps[0].skillId).toBe("counting");
    expect(cyclic.status).toBe(400);
    expect(cyclic.json.message).toContain("skills: the prerequisites form a cycle");
  });

  it("POST /api/v1/ml/sessions records a session that POST /api/v1/ml/predict/focus then learns from", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: `tenant-${randomUUID()}` });

    const recorded = await post("/api/v1/ml/sessions", token, { session: steadySessionJson });
    const focus = await post("/api/v1/ml/predict/focus", token, { session: steadySessionJson });

    expect(recorded).toMatchObject({ status: 200, json: { examples: 2 } });
    expect(focus.status).toBe(200);
    expect(focus.json.focusedProbability).toBeGreaterThan(0);
  });

  it("answers 400 naming the field for an out-of-range target", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: `tenant-${randomUUID()}` });

    const refused = await post("/api/v1/ml/predict/difficulty", token, { ...seedDifficulty, targetSuccessRate: 0.3 });

    expect(refused.status).toBe(400);
    expect(refused.json.message).toContain("target_success_rate");
  });

  it("POST /api/v1/ml/inference answers the seed's difficulty example", async () => {
    const token = await userToken(mesh.jwtSecret, { tenantId: `tenant-${randomUUID()}` });

    const response = await post("/api/v1/ml/inference", token, { modelType: "MODEL_TYPE_DIFFICULTY_PREDICTION", difficulty: seedDifficulty });

    expect(response.status).toBe(200);
    expect(response.json.difficulty.recommendedLevel).toBeGreaterThanOrEqual(5);
    expect(response.json.confidence).toBe(response.json.difficulty.confidence);
  });
});
