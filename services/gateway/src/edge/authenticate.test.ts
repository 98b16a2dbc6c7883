import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Code } from "@connectrpc/connect";
import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JwtConfig } from "../config.js";
import { createAuthenticator, type HeaderLookup } from "./authenticate.js";

const claims = { tenant_id: "tenant-a", learner_id: "learner-1" };
const headersOf = (headers: Record<string, string>): HeaderLookup => (name) => headers[name];

function sign(alg: string, key: CryptoKey, kid?: string) {
  return new SignJWT(claims).setProtectedHeader({ alg, kid }).setIssuer("aivo").setAudience("aivo-mesh").setExpirationTime("5m").sign(key);
}

describe("authenticate with a PEM public key", () => {
  it.each(["RS256", "ES256"])("accepts a %s token and reads tenant and learner", async (alg) => {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    const authenticate = createAuthenticator({ key: { publicKeyPem: await exportSPKI(publicKey) }, issuer: "aivo", audience: "aivo-mesh", algorithms: ["RS256", "ES256"] });

    const user = await authenticate(headersOf({ authorization: `Bearer ${await sign(alg, privateKey)}` }));

    expect(user).toEqual({ tenantId: "tenant-a", learnerId: "learner-1" });
  });

  it("refuses an algorithm outside the allow-list", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS384");
    const authenticate = createAuthenticator({ key: { publicKeyPem: await exportSPKI(publicKey) }, issuer: "aivo", audience: "aivo-mesh", algorithms: ["RS256"] });

    const refusal = authenticate(headersOf({ authorization: `Bearer ${await sign("RS384", privateKey)}` }));

    await expect(refusal).rejects.toMatchObject({ code: Code.Unauthenticated, rawMessage: "token algorithm not allowed: use RS256" });
  });
});

describe("authenticate with a JWKS URL", () => {
  let config: JwtConfig;
  let privateKey: CryptoKey;
  let close: () => void;
  beforeAll(async () => {
    const pair = await generateKeyPair("ES256");
    privateKey = pair.privateKey;
    const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "key-1", alg: "ES256", use: "sig" }] });
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(jwks));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    close = () => server.close();
    config = { key: { jwksUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json` }, issuer: "aivo", audience: "aivo-mesh", algorithms: ["ES256"] };
  });
  afterAll(() => close());

  it("accepts a token signed by a key of the set", async () => {
    const authenticate = createAuthenticator(config);

    const user = await authenticate(headersOf({ authorization: `Bearer ${await sign("ES256", privateKey, "key-1")}` }));

    expect(user.tenantId).toBe("tenant-a");
  });

  it("refuses a token signed by a key outside the set", async () => {
    const stranger = await generateKeyPair("ES256");
    const authenticate = createAuthenticator(config);

    const refusal = authenticate(headersOf({ authorization: `Bearer ${await sign("ES256", stranger.privateKey, "key-1")}` }));

    await expect(refusal).rejects.toMatchObject({ code: Code.Unauthenticated });
  });
});

describe("authenticate credentials", () => {
  const authenticate = createAuthenticator({ key: { secret: "s".repeat(32) }, issuer: "aivo", audience: "aivo-mesh", algorithms: ["HS256"] });

  it.each([
    ["an authorization header that is not Bearer", { authorization: "Basic dXNlcjpwYXNz" }, Code.Unauthenticated, 'authorization: must be "Bearer <JWT>"'],
    ["no credentials at all", {}, Code.Unauthenticated, "no credentials: send authorization: Bearer <JWT> or the aivo_session cookie"],
    ["a session cookie without a CSRF cookie", { cookie: "aivo_session=abc", "x-csrf-token": "t" }, Code.PermissionDenied, expect.stringContaining("CSRF check failed")],
  ])("refuses %s", async (_case, headers, code, message) => {
    await expect(authenticate(headersOf(headers))).rejects.toMatchObject({ code, rawMessage: message });
  });

  it("refuses a tenant_id that could not travel in a header", async () => {
    const token = await new SignJWT({ tenant_id: "tenant\r\nx-evil: 1" }).setProtectedHeader({ alg: "HS256" }).setIssuer("aivo").setAudience("aivo-mesh").setExpirationTime("5m").sign(new TextEncoder().encode("s".repeat(32)));

    await expect(authenticate(headersOf({ authorization: `Bearer ${token}` }))).rejects.toMatchObject({
      code: Code.PermissionDenied,
      rawMessage: expect.stringContaining("token claim tenant_id: must be"),
    });
  });
});
