import { randomUUID } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { AggregationStrategy } from "@aivo/gen/aivo/brain/v1/federated_pb.js";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);

/** Values as packed little-endian float32, the contract's tensor encoding. */
function f32le(values: number[]): Uint8Array {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return new Uint8Array(view.buffer);
}

function fromF32le(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

const settings = {
  strategy: AggregationStrategy.FEDAVG,
  minClients: 2,
  roundDurationS: 600,
  maxUpdateNorm: 100,
  maxStaleness: 1,
  stalenessExponent: 1,
};

describe("a federated round through the gateway over gRPC", () => {
  const brain = createClient(BrainService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));
  const modelId = `e2e-${randomUUID()}`;
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = { authorization: `Bearer ${await userToken(mesh.jwtSecret)}` };
  });

  const update = (updateId: string, clientId: string, values: number[], sampleCount: bigint) => ({
    modelId,
    clientId,
    updateId,
    round: 1n,
    baseVersion: 1n,
    sampleCount,
    delta: [{ name: "w", shape: [2], dataF32le: f32le(values) }],
  });

  it("publishes the sample-weighted mean as version 2, counting a retried update once", async () => {
    await brain.registerFederatedModel(
      { modelId, initialWeights: [{ name: "w", shape: [2], dataF32le: f32le([0, 0]) }], settings },
      { headers },
    );

    const opened = await brain.getFederatedRound({ modelId }, { headers });
    await brain.submitModelUpdate(update("u-1", "phone-1", [1, 2], 30n), { headers });
    const retried = await brain.submitModelUpdate(update("u-1", "phone-1", [1, 2], 30n), { headers });
    await brain.submitModelUpdate(update("u-2", "phone-2", [5, 6], 10n), { headers });
    const aggregated = await brain.aggregateUpdates({ modelId, round: 1n }, { headers });
    const next = await brain.getFederatedRound({ modelId }, { headers });

    expect([opened.round, opened.baseVersion]).toEqual([1n, 1n]);
    expect(retried).toMatchObject({ accepted: true, round: 1n });
    expect([aggregated.version, aggregated.clientCount]).toEqual([2n, 2]);
    expect([next.round, next.baseVersion]).toEqual([2n, 2n]);
    expect(fromF32le(next.weights[0].dataF32le)).toEqual([2, 3]);
  });

  it("keeps another tenant's clients out of the model", async () => {
    const other = { authorization: `Bearer ${await userToken(mesh.jwtSecret, { tenantId: "tenant-b" })}` };

    const error = await brain
      .submitModelUpdate({ ...update("u-9", "phone-9", [1, 1], 1n), round: 2n, baseVersion: 2n }, { headers: other })
      .catch((e) => ConnectError.from(e));

    expect(error).toMatchObject({ code: Code.NotFound });
    expect((error as ConnectError).rawMessage).toContain("no federated model");
  });
});

interface CurlResult {
  status: number;
  json: () => any;
}

async function curl(method: string, path: string, token: string, body?: unknown): Promise<CurlResult> {
  const args = ["-sS", "-X", method, `${mesh.envoyUrl}${path}`, "-w", "\n%{http_code}", "-H", "content-type: application/json"];
  args.push("-H", `authorization: Bearer ${token}`);
  if (body !== undefined) args.push("--data-binary", JSON.stringify(body));
  const { stdout } = await run("curl", args);
  const cut = stdout.lastIndexOf("\n");
  return { status: Number(stdout.slice(cut + 1)), json: () => JSON.parse(stdout.slice(0, cut)) };
}

describe("a federated round through REST via Envoy", () => {
  const modelId = `e2e-rest-${randomUUID()}`;
  const base64 = (values: number[]) => Buffer.from(f32le(values)).toString("base64");
  const update = (updateId: string, values: number[]) => ({
    modelId,
    clientId: updateId,
    updateId,
    round: "1",
    baseVersion: "1",
    sampleCount: "10",
    delta: [{ name: "w", shape: [2], dataF32le: base64(values) }],
  });
  let token: string;
  beforeAll(async () => {
    token = await userToken(mesh.jwtSecret);
  });

  it("registers, takes updates, refuses a NaN update with 400 and aggregates with privacy", async () => {
    const registered = await curl("POST", "/api/v1/federated/models", token, {
      modelId,
      initialWeights: [{ name: "w", shape: [2], dataF32le: base64([0, 0]) }],
      settings: { ...settings, strategy: "AGGREGATION_STRATEGY_MEDIAN" },
    });
    const opened = await curl("GET", `/api/v1/federated/models/${modelId}/round`, token);
    const first = await curl("POST", "/api/v1/federated/update", token, update("u-1", [1, 1]));
    const nan = await curl("POST", "/api/v1/federated/update", token, update("u-nan", [Number.NaN, 0]));
    const second = await curl("POST", "/api/v1/federated/update", token, update("u-2", [3, 3]));
    const aggregated = await curl("POST", "/api/v1/federated/aggregate", token, {
      modelId,
      round: "1",
      strategy: "AGGREGATION_STRATEGY_FEDAVG",
      privacy: { clipNorm: 1, noiseMultiplier: 1, delta: 1e-5 },
    });

    expect(registered.status).toBe(200);
    expect(opened.json()).toMatchObject({ round: "1", baseVersion: "1", minClients: 2 });
    expect(first.json()).toEqual({ accepted: true, round: "1" });
    expect(nan.status).toBe(400);
    expect(nan.json().message).toContain("holds NaN or infinity");
    expect(second.status).toBe(200);
    expect(aggregated.status).toBe(200);
    expect(aggregated.json()).toMatchObject({ version: "2", clientCount: 2, strategy: "AGGREGATION_STRATEGY_FEDAVG" });
    expect(aggregated.json().epsilon).toBeCloseTo(5.3, 1);
  });
});
