import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { create, type DescMessage, type MessageInitShape } from "@bufbuild/protobuf";
import { anyPack, anyUnpack } from "@bufbuild/protobuf/wkt";
import { Code, createClient, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { createLogger, listen, serviceTokenInterceptor, serviceTokenMinter, verifyServiceToken, type Listening } from "@aivo/mesh-node";
import { AnalyzeFocusRequestSchema, AnalyzeFocusResponseSchema, FocusSessionSchema, PredictBreakRequestSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { Health, HealthCheckResponse_ServingStatus } from "@aivo/gen/grpc/health/v1/health_pb.js";
import { ServerReflection } from "@aivo/gen/grpc/reflection/v1/reflection_pb.js";
import { startBrainStandIn } from "./brain-stand-in.js";
import { loadAiConfig } from "./ai/ai-config.js";
import { DEFAULT_AI_CONFIG, type DispatchConfig } from "./config.js";
import { build, type Dispatch } from "./server.js";

const secret = "a-service-token-secret-of-32-chars!";
const brainServiceTimeoutMs = 7000;
const session: MessageInitShape<typeof FocusSessionSchema> = {
  sessionId: "s-1",
  childAgeMonths: 84,
  elapsedMs: 60000,
  events: [
    { offsetMs: 1000, kind: { case: "answer", value: { correct: true, responseTimeMs: 900 } } },
    { offsetMs: 5000, kind: { case: "answer", value: { correct: false, responseTimeMs: 2400 } } },
  ],
};

let brain: Awaited<ReturnType<typeof startBrainStandIn>>;
let server: Listening;
let dispatch: Dispatch;
let baseUrl: string;

beforeAll(async () => {
  brain = await startBrainStandIn();
  const config: DispatchConfig = {
    port: 0,
    brainServiceUrl: brain.url,
    brainServiceTimeoutMs,
    serviceTokenSecret: secret,
    logLevel: "info",
    ai: loadAiConfig(DEFAULT_AI_CONFIG),
    providers: {},
  };
  const logger = createLogger({ service: "dispatch", level: "silent" });
  dispatch = await build(config, logger);
  server = await listen(dispatch.handler, { port: 0, logger, graceMs: 100 });
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await dispatch.close();
  await brain.close();
});
beforeEach(() => {
  brain.calls.count = 0;
});

function transport(...interceptors: Interceptor[]) {
  return createGrpcTransport({ baseUrl, interceptors });
}

/** A dispatch client calling as the gateway, with a service token for dispatch. */
function asGateway(audience = "dispatch") {
  return createClient(DispatchService, transport(serviceTokenInterceptor(serviceTokenMinter({ secret, issuer: "gateway", audience }))));
}

function packed<Desc extends DescMessage>(schema: Desc, init: MessageInitShape<Desc>) {
  return anyPack(schema, create(schema, init));
}

describe("RouteTask", () => {
  it("runs the task's brain RPC and returns its answer packed in Any", async () => {
    const response = await asGateway().routeTask({ task: "focus_analytics", input: packed(AnalyzeFocusRequestSchema, { session }) });

    expect(response.method).toBe("aivo.brain.v1.BrainService/AnalyzeFocus");
    expect(response.output && anyUnpack(response.output, AnalyzeFocusResponseSchema)?.score).toBe(2);
  });

  it("passes a service token for the brain, the request id, tenant and learner to the brain", async () => {
    const headers = { "x-request-id": "req-12345678", "x-tenant-id": "tenant-1", "x-learner-id": "learner-7" };

    const response = await asGateway().routeTask({ task: "focus_analytics", input: packed(AnalyzeFocusRequestSchema, { session }) }, { headers });

    const echoed = Object.fromEntries(anyUnpack(response.output!, AnalyzeFocusResponseSchema)!.components.map((c) => [c.name, c.explanation]));
    expect(echoed).toMatchObject(headers);
    const token = echoed.authorization.replace(/^Bearer /, "");
    await expect(verifyServiceToken(token, secret, "brain")).resolves.toEqual({ caller: "dispatch" });
  });

  it.each([
    ["the caller's remaining deadline", 3000],
    ["BRAIN_SERVICE_TIMEOUT when the caller set none", undefined],
  ])("passes %s on to the brain", async (_, timeoutMs) => {
    const response = await asGateway().routeTask({ task: "focus_analytics", input: packed(AnalyzeFocusRequestSchema, { session }) }, { timeoutMs });

    const grpcTimeout = anyUnpack(response.output!, AnalyzeFocusResponseSchema)!.components.find((c) => c.name === "grpc-timeout")!.explanation;
    const budgetMs = timeoutMs ?? brainServiceTimeoutMs;
    expect(grpcTimeout).toMatch(/^\d+m$/);
    expect(Number.parseInt(grpcTimeout)).toBeLessThanOrEqual(budgetMs);
    expect(Number.parseInt(grpcTimeout)).toBeGreaterThan(budgetMs - 1000);
  });

  it("refuses an input of another type, naming input and the expected type", async () => {
    const call = asGateway().routeTask({ task: "focus_analytics", input: packed(PredictBreakRequestSchema, { session }) });

    await expect(call).rejects.toMatchObject({
      code: Code.InvalidArgument,
      rawMessage: expect.stringMatching(/^input: must be a packed aivo\.brain\.v1\.AnalyzeFocusRequest .*PredictBreakRequest$/),
    });
    expect(brain.calls.count).toBe(0);
  });

  it("refuses a missing input, naming input", async () => {
    const call = asGateway().routeTask({ task: "focus_analytics" });

    await expect(call).rejects.toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^input: /) });
  });

  it("refuses an unknown task, listing the known ones", async () => {
    const call = asGateway().routeTask({ task: "mind_reading", input: packed(AnalyzeFocusRequestSchema, { session }) });

    await expect(call).rejects.toMatchObject({
      code: Code.InvalidArgument,
      rawMessage: expect.stringMatching(/^task: unknown task "mind_reading"; known tasks: .*focus_analytics.*speech_analysis/),
    });
  });

  it("refuses an input breaking the contract's rules, naming the field under input, and keeps answering", async () => {
    const tooYoung = { ...session, childAgeMonths: 6 };

    const call = asGateway().routeTask({ task: "focus_analytics", input: packed(AnalyzeFocusRequestSchema, { session: tooYoung }) });

    await expect(call).rejects.toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^input\.session\.child_age_months: /) });
    expect(brain.calls.count).toBe(0);
    await expect(asGateway().routeTask({ task: "focus_analytics", input: packed(AnalyzeFocusRequestSchema, { session }) })).resolves.toBeDefined();
  });

  it("reads and writes the Any input and output as JSON for Connect JSON clients", async () => {
    const token = await serviceTokenMinter({ secret, issuer: "gateway", audience: "dispatch" })();
    const input = { "@type": "type.googleapis.com/aivo.brain.v1.AnalyzeFocusRequest", session: { childAgeMonths: 84, events: [] } };

    const response = await fetch(`${baseUrl}/aivo.dispatch.v1.DispatchService/RouteTask`, {
      method: "POST",
      headers: { "content-type": "application/json", "connect-protocol-version": "1", authorization: `Bearer ${token}` },
      body: JSON.stringify({ task: "focus_analytics", input }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ output: { "@type": "type.googleapis.com/aivo.brain.v1.AnalyzeFocusResponse" } });
  });

  it("passes a brain error on with its code and message", async () => {
    const call = asGateway().routeTask({ task: "break_prediction", input: packed(PredictBreakRequestSchema, { session }) });

    await expect(call).rejects.toMatchObject({ code: Code.ResourceExhausted, rawMessage: "ML rate limit reached for tenant t-1" });
  });
});

describe("ListTasks", () => {
  it("returns every task of the routing table with its RPC and message types", async () => {
    const { routes } = await asGateway().listTasks({});

    expect(routes).toHaveLength(17);
    expect(routes).toContainEqual(
      expect.objectContaining({
        task: "focus_analytics",
        method: "aivo.brain.v1.BrainService/AnalyzeFocus",
        inputType: "aivo.brain.v1.AnalyzeFocusRequest",
        outputType: "aivo.brain.v1.AnalyzeFocusResponse",
      }),
    );
  });
});

describe("service token", () => {
  it("is required: a call without one is UNAUTHENTICATED", async () => {
    const call = createClient(DispatchService, transport()).listTasks({});

    await expect(call).rejects.toMatchObject({ code: Code.Unauthenticated });
  });

  it("must be for dispatch: a token for the brain is PERMISSION_DENIED", async () => {
    await expect(asGateway("brain").listTasks({})).rejects.toMatchObject({ code: Code.PermissionDenied });
  });

  it("is not needed for grpc.health.v1 and reflection", async () => {
    const health = await createClient(Health, transport()).check({ service: DispatchService.typeName });
    const reflection = createClient(ServerReflection, transport()).serverReflectionInfo(
      (async function* () {
        yield { messageRequest: { case: "listServices" as const, value: "" } };
      })(),
    );

    const answers = [];
    for await (const answer of reflection) answers.push(answer.messageResponse);

    expect(health.status).toBe(HealthCheckResponse_ServingStatus.SERVING);
    expect(answers).toEqual([
      expect.objectContaining({
        case: "listServicesResponse",
        value: expect.objectContaining({
          service: ["aivo.dispatch.v1.DispatchService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"].map((name) =>
            expect.objectContaining({ name }),
          ),
        }),
      }),
    ]);
  });
});

describe("HTTP routes", () => {
  it("answers GET /health", async () => {
    const response = await fetch(`${baseUrl}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "healthy" });
  });

  it("serves Prometheus metrics of the calls it answered", async () => {
    await asGateway().listTasks({});

    const body = await (await fetch(`${baseUrl}/metrics`)).text();

    expect(body).toMatch(/aivo_rpc_requests_total\{service="dispatch",endpoint="\/aivo\.dispatch\.v1\.DispatchService\/ListTasks"\} [1-9]/);
  });
});
