import { Code, ConnectError, createClient, createRouterTransport, type Interceptor } from "@connectrpc/connect";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { decodeJwt, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { HealthService } from "./health.js";
import { bearerToken, requireServiceToken, serviceTokenInterceptor, serviceTokenMinter, verifyServiceToken } from "./service-token.js";

const secret = "a-service-token-secret-of-32-chars!";

async function codeOf(promise: Promise<unknown>): Promise<Code | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return ConnectError.from(error).code;
  }
}

describe("service tokens", () => {
  it("carry the caller as issuer and the called service as audience, five minutes long", async () => {
    const token = await serviceTokenMinter({ secret, issuer: "gateway", audience: "brain" })();

    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: "gateway", aud: "brain" });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(await verifyServiceToken(token, secret, "brain")).toEqual({ caller: "gateway" });
  });

  it("are reused until half their lifetime has passed, then renewed", async () => {
    let nowMs = 1_700_000_000_000;
    const mint = serviceTokenMinter({ secret, issuer: "dispatch", audience: "brain", now: () => nowMs });

    const first = await mint();
    nowMs += 149_000;
    const beforeHalfLife = await mint();
    nowMs += 1_000;
    const atHalfLife = await mint();

    expect(beforeHalfLife).toBe(first);
    expect(atHalfLife).not.toBe(first);
    expect(decodeJwt(atHalfLife).iat).toBe(decodeJwt(first).iat! + 150);
  });

  it("meant for another service are PERMISSION_DENIED", async () => {
    const token = await serviceTokenMinter({ secret, issuer: "gateway", audience: "dispatch" })();

    expect(await codeOf(verifyServiceToken(token, secret, "brain"))).toBe(Code.PermissionDenied);
  });

  it.each([
    ["expired", () => new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer("gateway").setAudience("brain").setExpirationTime(Math.floor(Date.now() / 1000) - 60).sign(new TextEncoder().encode(secret))],
    ["signed with another secret", () => serviceTokenMinter({ secret: "another-secret-that-is-32-characters", issuer: "gateway", audience: "brain" })()],
    ["without an expiry", () => new SignJWT({}).setProtectedHeader({ alg: "HS256" }).setIssuer("gateway").setAudience("brain").sign(new TextEncoder().encode(secret))],
    ["not a JWT", async () => "not-a-jwt"],
  ])("%s are UNAUTHENTICATED", async (_case, makeToken) => {
    const token = await makeToken();

    expect(await codeOf(verifyServiceToken(token, secret, "brain"))).toBe(Code.Unauthenticated);
  });

  it("are read from a Bearer authorization header only", () => {
    expect(bearerToken("Bearer abc.def.ghi")).toBe("abc.def.ghi");
    expect(bearerToken("Basic abc")).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
  });
});

describe("service token interceptors", () => {
  function healthClient(clientInterceptors: Interceptor[]) {
    const transport = createRouterTransport(
      (router) => {
        router.service(HealthService, { check: () => ({ status: 1 }) });
        router.service(BrainService, {});
      },
      { router: { interceptors: [requireServiceToken({ secret, audience: "dispatch" })] }, transport: { interceptors: clientInterceptors } },
    );
    return { health: createClient(HealthService, transport), brain: createClient(BrainService, transport) };
  }

  it("let a caller with a token for this service in", async () => {
    const { brain } = healthClient([serviceTokenInterceptor(serviceTokenMinter({ secret, issuer: "gateway", audience: "dispatch" }))]);

    await expect(brain.getServiceStatus({})).rejects.toMatchObject({ code: Code.Unimplemented });
  });

  it("let a remembered token in again and still check every other token", async () => {
    const good = await serviceTokenMinter({ secret, issuer: "gateway", audience: "dispatch" })();
    const forged = await serviceTokenMinter({ secret: "another-secret-of-at-least-32-chars", issuer: "gateway", audience: "dispatch" })();
    const tokens = [good, good, forged];
    const { brain } = healthClient([(next) => (req) => (req.header.set("authorization", `Bearer ${tokens.shift()}`), next(req))]);

    const codes = [await codeOf(brain.getServiceStatus({})), await codeOf(brain.getServiceStatus({})), await codeOf(brain.getServiceStatus({}))];

    expect(codes).toEqual([Code.Unimplemented, Code.Unimplemented, Code.Unauthenticated]);
  });

  it("refuse a caller without a token", async () => {
    const { brain } = healthClient([]);

    await expect(brain.getServiceStatus({})).rejects.toMatchObject({ code: Code.Unauthenticated, rawMessage: expect.stringContaining("service token required") });
  });

  it("answer health checks without a token", async () => {
    const { health } = healthClient([]);

    expect((await health.check({})).status).toBe(1);
  });
});
