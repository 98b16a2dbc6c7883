import http2 from "node:http2";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient, createServiceImplSpec, type HandlerContext, type Interceptor, type ServiceImpl } from "@connectrpc/connect";
import { connectNodeAdapter, createConnectTransport, createGrpcTransport } from "@connectrpc/connect-node";
import { DispatchService, TaskRouteSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { BadRequestSchema } from "@aivo/gen/google/rpc/error_details_pb.js";
import { listen, type Listening } from "./listen.js";
import { createLogger } from "./logger.js";
import { requestIdInterceptor } from "./request-id.js";
import { unaryGrpc } from "./unary-grpc.js";

// What the implementation saw of its last call.
let seen: { ctx?: HandlerContext; cancelled?: unknown } = {};

const impl: Partial<ServiceImpl<typeof DispatchService>> = {
  listTasks(_request, ctx) {
    seen = { ctx };
    return { routes: [create(TaskRouteSchema, { task: ctx.requestHeader.get("x-tenant-id") ?? "" })] };
  },
  async routeTask({ task }, ctx) {
    seen = { ctx };
    if (task === "wait") {
      seen.cancelled = await new Promise((resolve) => ctx.signal.addEventListener("abort", () => resolve(ctx.signal.reason)));
    }
    throw new ConnectError("task: unknown", Code.InvalidArgument, undefined, [
      { desc: BadRequestSchema, value: { fieldViolations: [{ field: "task", description: "unknown", reason: "task.unknown" }] } },
    ]);
  },
  async *generateStream() {
    yield { event: { case: "delta", value: "streamed" } };
  },
};

const stamp: Interceptor = (next) => async (req) => {
  const res = await next(req);
  res.header.set("x-stamped", req.method.name);
  return res;
};

let server: Listening;
let baseUrl: string;
let handedOn = 0;

beforeAll(async () => {
  const interceptors = [requestIdInterceptor(), stamp];
  const connect = connectNodeAdapter({ routes: (router) => router.service(DispatchService, impl), interceptors });
  const handler = unaryGrpc([createServiceImplSpec(DispatchService, impl)], { interceptors, readMaxBytes: 1024 }, (req, res) => {
    handedOn += 1;
    connect(req, res);
  });
  const logger = createLogger({ service: "test", destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
  server = await listen(handler, { port: 0, logger, graceMs: 100 });
  baseUrl = `http://127.0.0.1:${server.port}`;
});

afterAll(() => server.close());

const grpc = () => createClient(DispatchService, createGrpcTransport({ baseUrl }));

describe("unaryGrpc", () => {
  it("answers a unary gRPC call itself, behind the interceptors, which see and set headers", async () => {
    const before = handedOn;
    let header: Headers | undefined;

    const answer = await grpc().listTasks({}, { headers: { "x-tenant-id": "tenant-a" }, onHeader: (h) => (header = h) });

    expect(answer.routes.map((r) => r.task)).toEqual(["tenant-a"]);
    expect(header?.get("x-stamped")).toBe("ListTasks");
    expect(header?.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(handedOn).toBe(before);
  });

  it("sends a failure's status, message and details the way Connect does", async () => {
    const error = await grpc().routeTask({ task: "nope" }).then(
      () => undefined,
      (e: unknown) => ConnectError.from(e),
    );

    expect(error?.code).toBe(Code.InvalidArgument);
    expect(error?.rawMessage).toBe("task: unknown");
    expect(error?.findDetails(BadRequestSchema)[0]?.fieldViolations[0]?.field).toBe("task");
  });

  it("gives the implementation the caller's deadline", async () => {
    await grpc().listTasks({}, { timeoutMs: 5_000 });

    expect(seen.ctx?.timeoutMs()).toBeGreaterThan(4_000);
    expect(seen.ctx?.timeoutMs()).toBeLessThanOrEqual(5_000);
  });

  it("cancels the implementation's signal when the caller goes away", async () => {
    seen = {};
    const caller = new AbortController();
    const call = grpc().routeTask({ task: "wait" }, { signal: caller.signal }).catch(() => undefined);
    await until(() => seen.ctx !== undefined);

    caller.abort();
    await call;
    await until(() => seen.cancelled !== undefined);

    expect(ConnectError.from(seen.cancelled).code).toBe(Code.Canceled);
  });

  it("hands streams and the Connect protocol on to Connect", async () => {
    const before = handedOn;
    const connect = createClient(DispatchService, createConnectTransport({ baseUrl, httpVersion: "1.1" }));

    const events = [];
    for await (const event of grpc().generateStream({})) events.push(event.event.value);
    const tasks = await connect.listTasks({}, { headers: { "x-tenant-id": "tenant-b" } });

    expect(events).toEqual(["streamed"]);
    expect(tasks.routes[0]?.task).toBe("tenant-b");
    expect(handedOn).toBe(before + 2);
  });

  it("refuses a request message that does not parse with INVALID_ARGUMENT", async () => {
    const garbage = Buffer.from([0, 0, 0, 0, 2, 0xff, 0xff]);

    const trailers = await rawCall("/aivo.dispatch.v1.DispatchService/ListTasks", garbage, {});

    expect(trailers["grpc-status"]).toBe(String(Code.InvalidArgument));
  });

  it("refuses a message larger than its limit with RESOURCE_EXHAUSTED", async () => {
    const tooLarge = Buffer.alloc(5 + 4096);
    tooLarge.writeUInt32BE(4096, 1);

    const trailers = await rawCall("/aivo.dispatch.v1.DispatchService/ListTasks", tooLarge, {});

    expect(trailers["grpc-status"]).toBe(String(Code.ResourceExhausted));
  });

  it("refuses a malformed grpc-timeout with INVALID_ARGUMENT naming the header", async () => {
    const empty = Buffer.alloc(5);

    const trailers = await rawCall("/aivo.dispatch.v1.DispatchService/ListTasks", empty, { "grpc-timeout": "soon" });

    expect(trailers["grpc-status"]).toBe(String(Code.InvalidArgument));
    expect(decodeURIComponent(String(trailers["grpc-message"]))).toMatch(/^grpc-timeout: /);
  });
});

/** rawCall sends `body` as a gRPC call over plain node:http2 and resolves with the trailers. */
function rawCall(path: string, body: Buffer, headers: http2.OutgoingHttpHeaders): Promise<http2.IncomingHttpHeaders> {
  const session = http2.connect(baseUrl);
  return new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
    const stream = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers", ...headers });
    stream.on("trailers", resolve);
    stream.on("error", reject);
    stream.resume();
    stream.end(body);
  }).finally(() => session.close());
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
