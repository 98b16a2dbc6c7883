import { generateKeyPairSync } from "node:crypto";
import { ConfigError } from "@aivo/mesh-node";
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

const required = { SERVICE_TOKEN_SECRET: "t".repeat(32), JWT_SECRET: "j".repeat(32) };
const pem = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();

describe("readConfig", () => {
  it("applies the documented defaults", () => {
    const config = readConfig(required);

    expect(config).toMatchObject({
      port: 4000,
      brainUrl: "http://localhost:5000",
      dispatchUrl: "http://localhost:4001",
      defaultTimeoutMs: 30000,
      redisUrl: undefined,
      rateLimitPerMinute: 600,
      logLevel: "info",
      jwt: { issuer: "aivo", audience: "aivo-mesh", algorithms: ["HS256"] },
    });
  });

  it("takes a PEM public key with its newlines written as \\n, and defaults to RS256 and ES256", () => {
    const config = readConfig({ SERVICE_TOKEN_SECRET: required.SERVICE_TOKEN_SECRET, JWT_PUBLIC_KEY: pem.replace(/\n/g, "\\n") });

    expect(config.jwt).toMatchObject({ key: { publicKeyPem: pem }, algorithms: ["RS256", "ES256"] });
  });

  it.each([
    ["BRAIN_SERVICE_TIMEOUT", { BRAIN_SERVICE_TIMEOUT: "30s" }],
    ["BRAIN_SERVICE_URL", { BRAIN_SERVICE_URL: "brain:5000" }],
    ["GATEWAY_PORT", { GATEWAY_PORT: "99999" }],
    ["RATE_LIMIT_PER_MINUTE", { RATE_LIMIT_PER_MINUTE: "0" }],
    ["SERVICE_TOKEN_SECRET", { SERVICE_TOKEN_SECRET: "short" }],
    ["JWT_SECRET", { JWT_SECRET: "short" }],
    ["JWT_PUBLIC_KEY", { JWT_SECRET: "", JWT_PUBLIC_KEY: "not a key" }],
    ["JWT_PUBLIC_KEY", { JWT_PUBLIC_KEY: pem }],
    ["JWT_SECRET", { JWT_SECRET: "" }],
    ["JWT_ALGORITHMS", { JWT_ALGORITHMS: "HS256,RS256" }],
    ["JWT_ALGORITHMS", { JWT_SECRET: "", JWT_PUBLIC_KEY: pem, JWT_ALGORITHMS: "HS256" }],
    ["LOG_LEVEL", { LOG_LEVEL: "verbose" }],
  ])("stops with one line naming %s", (variable, env) => {
    const read = () => readConfig({ ...required, ...env });

    expect(read).toThrow(ConfigError);
    expect(read).toThrow(expect.objectContaining({ variable, message: expect.stringMatching(new RegExp(`^${variable}: [^\\n]+$`)) }));
  });
});
