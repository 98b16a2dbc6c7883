import { fromJson } from "@bufbuild/protobuf";
import { anyPack, anyUnpack } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient, type Transport } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { AnalyzeFocusRequestSchema, AnalyzeFocusResponseSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { analyzeFocusBody } from "./fixtures.ts";
import { userToken } from "./tokens.ts";

const mesh = inject("mesh");
const request = fromJson(AnalyzeFocusRequestSchema, analyzeFocusBody);

const transports: Record<string, () => Transport> = {
  "gRPC over h2c": () => createGrpcTransport({ baseUrl: mesh.gatewayUrl }),
  "Connect over HTTP/1.1": () => createConnectTransport({ baseUrl: mesh.gatewayUrl, httpVersion: "1.1" }),
  "gRPC-web over HTTP/1.1": () => createGrpcWebTransport({ baseUrl: mesh.gatewayUrl, httpVersion: "1.1" }),
};

describe.each(Object.entries(transports))("a client speaking %s to the gateway", (_, transport) => {
  const brain = createClient(BrainService, transport());
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = { authorization: `Bearer ${await userToken(mesh.jwtSecret)}` };
  });

  it("gets the brain's focus score for a session", async () => {
    const response = await brain.analyzeFocus(request, { headers });

    expect(response.score).toBeGreaterThan(0);
    expect(response.score).toBeLessThanOrEqual(100);
    const points = response.components.reduce((sum, c) => sum + c.points, 0);
    expect(points).toBeCloseTo(response.score, 1);
  });

  it("is refused without a JWT", async () => {
    const error = await brain.analyzeFocus(request).catch((e) => ConnectError.from(e));

    expect(error).toMatchObject({ code: Code.Unauthenticated });
  });

  it("is refused with an expired JWT", async () => {
    const expired = await userToken(mesh.jwtSecret, { expiresIn: Math.floor(Date.now() / 1000) - 120 });

    const error = await brain
      .analyzeFocus(request, { headers: { authorization: `Bearer ${expired}` } })
      .catch((e) => ConnectError.from(e));

    expect(error).toMatchObject({ code: Code.Unauthenticated });
  });

  it("gets the bad field named, and the next call still works", async () => {
    const bad = fromJson(AnalyzeFocusRequestSchema, { session: { ...analyzeFocusBody.session, childAgeMonths: 5 } });

    const error = await brain.analyzeFocus(bad, { headers }).catch((e) => ConnectError.from(e));
    const next = await brain.analyzeFocus(request, { headers });

    expect(error).toMatchObject({ code: Code.InvalidArgument });
    expect((error as ConnectError).rawMessage).toContain("child_age_months");
    expect(next.score).toBeGreaterThan(0);
  });

  it("hears from the speech analysis which audio field it cannot use", async () => {
    const error = await brain
      .transcribeSpeech({ audio: { data: new Uint8Array([1, 2, 3, 4]), sampleRateHz: 16000, encoding: 4 } }, { headers })
      .catch((e) => ConnectError.from(e));

    expect(error).toMatchObject({ code: Code.InvalidArgument });
    expect((error as ConnectError).rawMessage).toContain("audio.data");
  });

  it("runs a seed task by name through dispatch", async () => {
    const dispatch = createClient(DispatchService, transport());

    const response = await dispatch.routeTask(
      { task: "focus_analytics", input: anyPack(AnalyzeFocusRequestSchema, request) },
      { headers },
    );

    expect(response.method).toBe("aivo.brain.v1.BrainService/AnalyzeFocus");
    expect(anyUnpack(response.output!, AnalyzeFocusResponseSchema)?.score).toBeGreaterThan(0);
  });
});

describe("dispatch through the gateway", () => {
  it("names the known tasks when asked for an unknown one", async () => {
    const dispatch = createClient(DispatchService, createGrpcTransport({ baseUrl: mesh.gatewayUrl }));
    const headers = { authorization: `Bearer ${await userToken(mesh.jwtSecret)}` };

    const error = await dispatch
      .routeTask({ task: "mind_reading", input: anyPack(AnalyzeFocusRequestSchema, request) }, { headers })
      .catch((e) => ConnectError.from(e));

    expect(error).toMatchObject({ code: Code.InvalidArgument });
    expect((error as ConnectError).rawMessage).toContain("focus_analytics");
  });
});
