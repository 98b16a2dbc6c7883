import { fromJson } from "@bufbuild/protobuf";
import { AnalyzeFocusRequestSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { getBrainServiceClient } from "@aivo/python-client";
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
});
