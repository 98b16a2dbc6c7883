import { afterEach, describe, expect, it } from "vitest";
import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { SpeechTask, type AnalyzeSpeechRequest } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import type { RunInferenceRequest } from "@aivo/gen/aivo/brain/v1/ml_pb.js";
import { Health, HealthCheckResponse_ServingStatus } from "@aivo/gen/grpc/health/v1/health_pb.js";
import { BrainServiceClient, getBrainServiceClient } from "./client.js";
import { BrainServiceError, BrainServiceTimeoutError, BrainServiceUnavailableError } from "./errors.js";
import { startTestServer, type TestServer } from "./test-server.js";

const fastRetry = { maxRetries: 3, retryDelayMs: 5, backoffMultiplier: 2 };
const session = { sessionId: "s-1", childAgeMonths: 84, elapsedMs: 1000, events: [] };

let server: TestServer | undefined;
afterEach(() => server?.close());

async function serve(routes: (router: ConnectRouter) => void): Promise<string> {
  server = await startTestServer(routes);
  return server.url;
}

/** A handler that fails with the given codes in turn, then succeeds; it counts its calls. */
function failing<T>(codes: Code[], answer: T) {
  const handler = async () => {
    handler.calls++;
    const code = codes[handler.calls - 1];
    if (code !== undefined) throw new ConnectError("scripted failure", code);
    return answer;
  };
  handler.calls = 0;
  return handler;
}

/** A handler that answers only after the caller's deadline has passed. */
function tooSlow() {
  const handler = async (_: unknown, context: { signal: AbortSignal }) => {
    handler.calls++;
    await new Promise((resolve) => context.signal.addEventListener("abort", resolve));
    return {};
  };
  handler.calls = 0;
  return handler;
}

describe("healthCheck", () => {
  it.each([
    [HealthCheckResponse_ServingStatus.SERVING, "healthy"],
    [HealthCheckResponse_ServingStatus.NOT_SERVING, "unhealthy"],
  ])("reports grpc.health.v1 status %s as %s", async (status, expected) => {
    const baseUrl = await serve((router) => router.service(Health, { check: () => ({ status }) }));

    const health = await getBrainServiceClient({ baseUrl, timeout: 1000 }).healthCheck();

    expect(health.status).toBe(expected);
    expect(health.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports unhealthy when nothing answers", async () => {
    const baseUrl = await serve(() => {});
    await server?.close();

    const health = await getBrainServiceClient({ baseUrl, timeout: 1000, retry: fastRetry }).healthCheck();

    expect(health.status).toBe("unhealthy");
  });
});

describe("analyzeSpeech", () => {
  it("sends decoded audio, the age in months and the task, and flattens the answer", async () => {
    let received: AnalyzeSpeechRequest | undefined;
    const baseUrl = await serve((router) =>
      router.service(BrainService, {
        analyzeSpeech(request) {
          received = request;
          return {
            transcript: { text: "wabbit" },
            articulation: { errors: [{ word: "rabbit", targetPhoneme: "R", producedPhoneme: "W", process: "gliding" }] },
            fluency: { wordsPerMinute: 90 },
          };
        },
      }),
    );

    const result = await getBrainServiceClient({ baseUrl, timeout: 1000 }).analyzeSpeech({
      audioBase64: Buffer.from("RIFF audio").toString("base64"),
      sampleRate: 16000,
      childAge: 7,
      taskType: "articulation",
    });

    expect(Buffer.from(received?.audio?.data ?? []).toString()).toBe("RIFF audio");
    expect(received).toMatchObject({ childAgeMonths: 84, task: SpeechTask.ARTICULATION, audio: { sampleRateHz: 16000 } });
    expect(result.transcription).toBe("wabbit");
    expect(result.articulationErrors[0]).toMatchObject({ targetPhoneme: "R", producedPhoneme: "W", process: "gliding" });
    expect(result.fluencyMetrics?.wordsPerMinute).toBe(90);
  });

  it("refuses a request the contract forbids before sending it, naming the field", async () => {
    const analyzeSpeech = failing([], {});
    const baseUrl = await serve((router) => router.service(BrainService, { analyzeSpeech }));

    const call = getBrainServiceClient({ baseUrl, timeout: 1000 }).analyzeSpeech({ audioBase64: "AAAA", childAge: 1 });

    await expect(call).rejects.toThrow(BrainServiceError);
    await expect(call).rejects.toMatchObject({ code: Code.InvalidArgument, message: expect.stringMatching(/^child_age_months: /) });
    expect(analyzeSpeech.calls).toBe(0);
  });
});

describe("runInference", () => {
  it("runs the seed's difficulty example as a typed RunInference call", async () => {
    let received: RunInferenceRequest | undefined;
    const baseUrl = await serve((router) =>
      router.service(BrainService, {
        runInference(request) {
          received = request;
          return { output: { case: "difficulty", value: { recommendedLevel: 6 } }, confidence: 0.75 };
        },
      }),
    );

    const result = await getBrainServiceClient({ baseUrl, timeout: 1000 }).runInference({
      modelType: "difficulty_prediction",
      input: { subject: "math", currentLevel: 5, recentPerformance: [0.8, 0.75, 0.9] },
      learnerId: "learner-123",
    });

    expect(received?.input).toMatchObject({ case: "difficulty", value: { subject: "math", currentLevel: 5, learnerId: "learner-123" } });
    expect(result).toMatchObject({ prediction: { recommendedLevel: 6 }, confidence: 0.75, modelType: "difficulty_prediction" });
  });
});

describe("token", () => {
  it.each([
    ["a string", "service-token"],
    ["a function", () => Promise.resolve("service-token")],
  ])("is sent as a bearer token when given as %s", async (_, token) => {
    let authorization: string | null = null;
    const baseUrl = await serve((router) =>
      router.service(BrainService, {
        getServiceStatus(_request, context) {
          authorization = context.requestHeader.get("authorization");
          return {};
        },
      }),
    );

    await new BrainServiceClient({ baseUrl, timeout: 1000, token }).brain.getServiceStatus({});

    expect(authorization).toBe("Bearer service-token");
  });
});

describe("retries", () => {
  it("sends a call again after UNAVAILABLE until it succeeds", async () => {
    const getServiceStatus = failing([Code.Unavailable, Code.Unavailable], { version: "1.0.0" });
    const baseUrl = await serve((router) => router.service(BrainService, { getServiceStatus }));

    const status = await new BrainServiceClient({ baseUrl, timeout: 1000, retry: fastRetry }).brain.getServiceStatus({});

    expect(status.version).toBe("1.0.0");
    expect(getServiceStatus.calls).toBe(3);
  });

  it("gives up after maxRetries with BrainServiceUnavailableError (503)", async () => {
    const getServiceStatus = failing(Array(10).fill(Code.Unavailable), {});
    const baseUrl = await serve((router) => router.service(BrainService, { getServiceStatus }));

    const call = new BrainServiceClient({ baseUrl, timeout: 1000, retry: fastRetry }).brain.getServiceStatus({});

    await expect(call).rejects.toBeInstanceOf(BrainServiceUnavailableError);
    await expect(call).rejects.toMatchObject({ code: Code.Unavailable, statusCode: 503 });
    expect(getServiceStatus.calls).toBe(fastRetry.maxRetries + 1);
  });

  it.each([Code.InvalidArgument, Code.ResourceExhausted, Code.Internal, Code.Unauthenticated])(
    "does not send a call again after code %s and passes the code on",
    async (code) => {
      const getServiceStatus = failing([code], {});
      const baseUrl = await serve((router) => router.service(BrainService, { getServiceStatus }));

      const call = new BrainServiceClient({ baseUrl, timeout: 1000, retry: fastRetry }).brain.getServiceStatus({});

      await expect(call).rejects.toMatchObject({ code, message: "scripted failure" });
      expect(getServiceStatus.calls).toBe(1);
    },
  );

  it("turns a deadline into BrainServiceTimeoutError (408) and retries it for a NO_SIDE_EFFECTS RPC", async () => {
    const analyzeFocus = tooSlow();
    const baseUrl = await serve((router) => router.service(BrainService, { analyzeFocus }));

    const call = new BrainServiceClient({ baseUrl, timeout: 50, retry: fastRetry }).brain.analyzeFocus({ session });

    await expect(call).rejects.toBeInstanceOf(BrainServiceTimeoutError);
    await expect(call).rejects.toMatchObject({ code: Code.DeadlineExceeded, statusCode: 408 });
    expect(analyzeFocus.calls).toBe(fastRetry.maxRetries + 1);
  });

  it("does not retry a deadline for an RPC that may have side effects", async () => {
    const predictDifficulty = tooSlow();
    const baseUrl = await serve((router) => router.service(BrainService, { predictDifficulty }));

    const call = new BrainServiceClient({ baseUrl, timeout: 50, retry: fastRetry }).brain.predictDifficulty({
      subject: "math",
      currentLevel: 5,
    });

    await expect(call).rejects.toBeInstanceOf(BrainServiceTimeoutError);
    expect(predictDifficulty.calls).toBe(1);
  });
});
