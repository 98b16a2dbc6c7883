import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { loadFileDescriptorSetFromBuffer } from "@grpc/proto-loader";
import { describe, expect, inject, it } from "vitest";
import { root } from "./mesh.ts";
import { serviceToken } from "./tokens.ts";

const mesh = inject("mesh");

// A grpc-js client built from the committed descriptor set, the way a non-Connect Node service would call the brain.
// Loaded from a descriptor set, messages keep the proto's snake_case field names.
const definition = loadFileDescriptorSetFromBuffer(readFileSync(join(root, "gen/descriptors.binpb")), {
  enums: String,
  defaults: true,
});

const request = {
  session: {
    child_age_months: 96,
    events: [
      { offset_ms: 1_000, answer: { correct: true, response_time_ms: 3_000 } },
      { offset_ms: 5_000, focus_lost: { cause: "FOCUS_LOSS_CAUSE_TAB_HIDDEN", duration_ms: 4_000 } },
      { offset_ms: 10_000, answer: { correct: true, response_time_ms: 2_500 } },
    ],
  },
};
const BrainService = grpc.makeClientConstructor(
  definition["aivo.brain.v1.BrainService"] as grpc.ServiceDefinition,
  "BrainService",
);

function analyzeFocus(metadata: grpc.Metadata): Promise<{ score: number; level: string }> {
  const client = new BrainService(new URL(mesh.brainUrl).host, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    client.AnalyzeFocus(request, metadata, (error: grpc.ServiceError | null, response: { score: number; level: string }) => {
      client.close();
      if (error) reject(error);
      else resolve(response);
    });
  });
}

describe("a grpc-js client calling the brain directly", () => {
  it("gets a focus score with a service token", async () => {
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Bearer ${await serviceToken(mesh.serviceTokenSecret, "brain")}`);
    metadata.set("x-tenant-id", "tenant-a");

    const response = await analyzeFocus(metadata);

    expect(response.score).toBeGreaterThan(0);
    expect(response.level).toMatch(/^FOCUS_LEVEL_(LOW|MODERATE|HIGH)$/);
  });

  it("is refused without a service token", async () => {
    const error = await analyzeFocus(new grpc.Metadata()).catch((e: grpc.ServiceError) => e);

    expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it("is refused with a token signed by someone else", async () => {
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Bearer ${await serviceToken("not-the-mesh-secret-not-the-mesh-secret", "brain")}`);

    const error = await analyzeFocus(metadata).catch((e: grpc.ServiceError) => e);

    expect(error).toMatchObject({ code: grpc.status.UNAUTHENTICATED });
  });

  it("is denied with a valid token meant for another service", async () => {
    const metadata = new grpc.Metadata();
    metadata.set("authorization", `Bearer ${await serviceToken(mesh.serviceTokenSecret, "dispatch")}`);

    const error = await analyzeFocus(metadata).catch((e: grpc.ServiceError) => e);

    expect(error).toMatchObject({ code: grpc.status.PERMISSION_DENIED });
  });
});
