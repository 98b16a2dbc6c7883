import { once } from "node:events";
import http2 from "node:http2";
import { Code, ConnectError, createClient, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { ReflectionService, verifyServiceToken } from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TIMEOUT_MS, gatewayConfig, SERVICE_TOKEN_SECRET, startGateway, startUpstream, userToken } from "./test-fixtures.js";

type Started<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

const clients: [string, (baseUrl: string) => Transport][] = [
  ["gRPC over h2c (forwarded as a stream)", (baseUrl) => createGrpcTransport({ baseUrl })],
  ["Connect over HTTP/1.1", (baseUrl) => createConnectTransport({ baseUrl, httpVersion: "1.1" })],
  ["gRPC-web over HTTP/1.1", (baseUrl) => createGrpcWebTransport({ baseUrl, httpVersion: "1.1" })],
];

async function codeOf(call: Promise<unknown>): Promise<Code | "OK"> {
  try {
    await call;
    return "OK";
  } catch (error) {
    return ConnectError.from(error).code;
  }
}

describe("gateway", () => {
  let upstream: Started<typeof startUpstream>;
  let gateway: Started<typeof startGateway>;
  beforeAll(async () => {
    upstream = await startUpstream();
    gateway = await startGateway(gatewayConfig(upstream.url));
  });
  afterAll(async () => {
    await gateway.close();
    await upstream.close();
  });

  describe.each(clients)("with a %s client", (_name, transport) => {
    const brain = () => createClient(BrainService, transport(gateway.baseUrl));

    it("passes the caller's identity, request ID and metadata upstream with a service token, and drops client-sent identity", async () => {
      const headers = {
        authorization: `Bearer ${await userToken()}`,
        "x-tenant-id": "forged-tenant",
        "x-learner-id": "forged-learner",
        "x-request-id": "req-abcdef-123",
        "x-client-metadata": "passed-on",
      };

      const status = await brain().getServiceStatus({}, { headers });

      expect(status.version).toBe("9.9.9");
      const seen = upstream.arrivals.at(-1)!.headers;
      expect(seen.get("x-tenant-id")).toBe("tenant-a");
      expect(seen.get("x-learner-id")).toBe("learner-1");
      expect(seen.get("x-request-id")).toBe("req-abcdef-123");
      expect(seen.get("x-client-metadata")).toBe("passed-on");
      const serviceToken = seen.get("authorization")!.replace("Bearer ", "");
      expect(await verifyServiceToken(serviceToken, SERVICE_TOKEN_SECRET, "brain")).toEqual({ caller: "gateway" });
    });

    it("makes a request ID when the caller sends none", async () => {
      await brain().getServiceStatus({}, { headers: { authorization: `Bearer ${await userToken()}` } });

      expect(upstream.arrivals.at(-1)!.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("passes the caller's deadline on, and the default deadline when there is none", async () => {
      const headers = { authorization: `Bearer ${await userToken()}` };

      await brain().getServiceStatus({}, { headers, timeoutMs: 3000 });
      const withDeadline = upstream.arrivals.at(-1)!.timeoutMs;
      await brain().getServiceStatus({}, { headers });
      const withoutDeadline = upstream.arrivals.at(-1)!.timeoutMs;

      expect(withDeadline).toBeGreaterThan(2000);
      expect(withDeadline).toBeLessThanOrEqual(3000);
      expect(withoutDeadline).toBeGreaterThan(DEFAULT_TIMEOUT_MS - 1000);
      expect(withoutDeadline).toBeLessThanOrEqual(DEFAULT_TIMEOUT_MS);
    });

    it("passes the upstream's response headers and trailers back", async () => {
      const headers = { authorization: `Bearer ${await userToken()}` };
      let responseHeader: Headers | undefined;
      let responseTrailer: Headers | undefined;

      await brain().getServiceStatus({}, { headers, onHeader: (h) => (responseHeader = h), onTrailer: (t) => (responseTrailer = t) });

      expect(responseHeader?.get("x-upstream-header")).toBe("from-upstream");
      expect(responseTrailer?.get("x-upstream-trailer")).toBe("kept");
    });

    it("passes an upstream error back unchanged: code, message and metadata", async () => {
      const headers = { authorization: `Bearer ${await userToken()}` };
      const session = { childAgeMonths: 96 };

      const error = await brain().analyzeFocus({ session }, { headers }).catch((e: unknown) => ConnectError.from(e));

      expect(error).toMatchObject({ code: Code.FailedPrecondition, rawMessage: "session.events: the brain refused them" });
      expect((error as ConnectError).metadata.get("x-error-detail")).toBe("kept");
    });

    it.each([
      ["no token", async () => ({}), Code.Unauthenticated],
      ["an expired token", async () => ({ authorization: `Bearer ${await userToken({}, { expiresIn: Math.floor(Date.now() / 1000) - 60 })}` }), Code.Unauthenticated],
      ["a token for another audience", async () => ({ authorization: `Bearer ${await userToken({ aud: "someone-else" })}` }), Code.PermissionDenied],
      ["a token signed with a disallowed algorithm", async () => ({ authorization: `Bearer ${await userToken({}, { alg: "HS512" })}` }), Code.Unauthenticated],
      ["a token from another issuer", async () => ({ authorization: `Bearer ${await userToken({ iss: "elsewhere" })}` }), Code.Unauthenticated],
      ["a token signed with another key", async () => ({ authorization: `Bearer ${await userToken({}, { secret: "x".repeat(40) })}` }), Code.Unauthenticated],
      ["a token without tenant_id", async () => ({ authorization: `Bearer ${await userToken({ tenant_id: undefined })}` }), Code.PermissionDenied],
      ["a session cookie without the CSRF header", async () => ({ cookie: `aivo_session=${await userToken()}; aivo_csrf=c5rf-token` }), Code.PermissionDenied],
      ["a CSRF header that differs from its cookie", async () => ({ cookie: `aivo_session=${await userToken()}; aivo_csrf=c5rf-token`, "x-csrf-token": "other" }), Code.PermissionDenied],
    ])("refuses %s before reaching the upstream", async (_case, headers, code) => {
      const before = upstream.arrivals.length;

      const result = await codeOf(brain().getServiceStatus({}, { headers: await headers() }));

      expect(result).toBe(code);
      expect(upstream.arrivals.length).toBe(before);
    });

    it("accepts a cookie session with the matching CSRF header, and forwards neither cookie nor CSRF token", async () => {
      const headers = { cookie: `aivo_session=${await userToken({ tenant_id: "tenant-cookie" })}; aivo_csrf=c5rf-token`, "x-csrf-token": "c5rf-token" };

      await brain().getServiceStatus({}, { headers });

      const seen = upstream.arrivals.at(-1)!.headers;
      expect(seen.get("x-tenant-id")).toBe("tenant-cookie");
      expect(seen.get("cookie")).toBeNull();
      expect(seen.get("x-csrf-token")).toBeNull();
    });
  });

  const authorized = async () => ({ authorization: `Bearer ${await userToken()}` });

  it("lists the served services to a Connect client of reflection, without a token", async () => {
    const reflection = createClient(ReflectionService, createConnectTransport({ baseUrl: gateway.baseUrl, httpVersion: "2" }));
    async function* listServices() {
      yield { messageRequest: { case: "listServices" as const, value: "" } };
    }

    const names: string[] = [];
    for await (const { messageResponse } of reflection.serverReflectionInfo(listServices())) {
      if (messageResponse.case === "listServicesResponse") names.push(...messageResponse.value.service.map((s) => s.name));
    }

    expect(names).toEqual(["aivo.brain.v1.BrainService", "aivo.dispatch.v1.DispatchService", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"]);
  });

  it("refuses an invalid request on the Connect path naming the field, and keeps answering", async () => {
    const brain = createClient(BrainService, createConnectTransport({ baseUrl: gateway.baseUrl, httpVersion: "1.1" }));
    const headers = await authorized();
    const before = upstream.arrivals.length;

    const error = await brain.analyzeFocus({ session: { childAgeMonths: 5 } }, { headers }).catch((e: unknown) => ConnectError.from(e));
    const after = await brain.getServiceStatus({}, { headers });

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^session\.child_age_months: /) });
    expect(upstream.arrivals.length).toBe(before + 1);
    expect(after.version).toBe("9.9.9");
  });

  it("answers UNIMPLEMENTED for a gRPC method it does not serve", async () => {
    const session = http2.connect(gateway.baseUrl);
    const stream = session.request({ ":method": "POST", ":path": "/aivo.brain.v1.BrainService/NoSuchMethod", "content-type": "application/grpc", te: "trailers" });
    stream.end();

    const [headers] = (await once(stream, "response")) as [http2.IncomingHttpHeaders];
    session.close();

    expect(headers["grpc-status"]).toBe(String(Code.Unimplemented));
    expect(decodeURIComponent(String(headers["grpc-message"]))).toContain("aivo.brain.v1.BrainService/NoSuchMethod");
  });

  it("logs each forwarded gRPC call with the caller's identity and status", async () => {
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: gateway.baseUrl }));

    await brain.getServiceStatus({}, { headers: { ...(await authorized()), "x-request-id": "req-logged-0001" } });
    await new Promise((resolve) => setImmediate(resolve));

    expect(gateway.lines.find((line) => line.request_id === "req-logged-0001")).toMatchObject({
      msg: "call",
      method: "aivo.brain.v1.BrainService/GetServiceStatus",
      tenant_id: "tenant-a",
      learner_id: "learner-1",
      status: "OK",
    });
  });

  it("spreads many calls of both paths over its pool of upstream connections, and opens no more", async () => {
    const headers = await authorized();
    const grpc = createClient(BrainService, createGrpcTransport({ baseUrl: gateway.baseUrl }));
    const connect = createClient(BrainService, createConnectTransport({ baseUrl: gateway.baseUrl, httpVersion: "1.1" }));

    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? grpc : connect).getServiceStatus({}, { headers })));

    expect(upstream.connections()).toBe(gatewayConfig(upstream.url).upstreamConnections);
  });
});

describe("gateway with its upstream down", () => {
  it.each(clients)("answers UNAVAILABLE to a %s client", async (_name, transport) => {
    const upstream = await startUpstream();
    const gateway = await startGateway(gatewayConfig(upstream.url));
    await upstream.close();
    const brain = createClient(BrainService, transport(gateway.baseUrl));

    const result = await codeOf(brain.getServiceStatus({}, { headers: { authorization: `Bearer ${await userToken()}` } }));
    await gateway.close();

    expect(result).toBe(Code.Unavailable);
  });

  it("reconnects once the upstream is back", async () => {
    const first = await startUpstream();
    const gateway = await startGateway(gatewayConfig(first.url));
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: gateway.baseUrl }));
    const headers = { authorization: `Bearer ${await userToken()}` };
    await brain.getServiceStatus({}, { headers });
    await first.close();

    const whileDown = await codeOf(brain.getServiceStatus({}, { headers }));
    const second = await startUpstream(Number(new URL(first.url).port));
    const whenBack = await codeOf(brain.getServiceStatus({}, { headers }));
    await gateway.close();
    await second.close();

    expect(whileDown).toBe(Code.Unavailable);
    expect(whenBack).toBe("OK");
  });
});
