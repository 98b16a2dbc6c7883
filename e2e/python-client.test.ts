import { fromJson } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { AnalyzeFocusRequestSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { BrainServiceError, getBrainServiceClient } from "@aivo/python-client";
import { describe, expect, inject, it } from "vitest";
import { analyzeFocusBody } from "./fixtures.ts";
import { serviceToken, userToken } from "./tokens.ts";

const mesh = inject("mesh");
const request = fromJson(AnalyzeFocusRequestSchema, analyzeFocusBody);

const entries = {
  "the gateway with a user JWT": () => ({ baseUrl: mesh.gatewayUrl, token: () => userToken(mesh.jwtSecret) }),
  "the brain with a service token": () => ({ baseUrl: mesh.brainUrl, token: () => serviceToken(mesh.serviceTokenSecret, "brain") }),
};

describe.each(Object.entries(entries))("@aivo/python-client against %s", (_, options) => {
  const client = getBrainServiceClient({ ...options(), timeout: 10_000, retry: { maxRetries: 0 } });

  it("reports healthy", async () => {
    const health = await client.healthCheck();

    expect(health.status).toBe("healthy");
  });

  it("gets a focus score through the typed brain client", async () => {
    const response = await client.brain.analyzeFocus(request);

    expect(response.score).toBeGreaterThan(0);
  });

  it("hears from runInference that the learner models are not built yet, as a 501", async () => {
    const error = await client
      .runInference({ modelType: "difficulty_prediction", input: { subject: "math", currentLevel: 5, recentPerformance: [0.8, 0.75, 0.9] }, learnerId: "learner-123" })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BrainServiceError);
    expect(error).toMatchObject({ code: Code.Unimplemented, statusCode: 501 });
  });
});
