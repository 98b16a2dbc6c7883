import { describe, expect, it } from "vitest";
import { ConfigError, envReader } from "@aivo/mesh-node";
import { readConfig } from "./config.js";

const secret = "s".repeat(32);

describe("readConfig", () => {
  it("uses the conventions' defaults when only the secret is set", () => {
    const config = readConfig(envReader({ SERVICE_TOKEN_SECRET: secret }));

    expect(config).toEqual({
      port: 4001,
      brainServiceUrl: "http://localhost:5000",
      brainServiceTimeoutMs: 30000,
      serviceTokenSecret: secret,
      logLevel: "info",
    });
  });

  it("reads every variable", () => {
    const config = readConfig(
      envReader({
        SERVICE_TOKEN_SECRET: secret,
        DISPATCH_PORT: "0",
        BRAIN_SERVICE_URL: "http://brain:5000/",
        BRAIN_SERVICE_TIMEOUT: "1500",
        LOG_LEVEL: "debug",
      }),
    );

    expect(config).toMatchObject({ port: 0, brainServiceUrl: "http://brain:5000", brainServiceTimeoutMs: 1500, logLevel: "debug" });
  });

  it.each([
    ["SERVICE_TOKEN_SECRET", { SERVICE_TOKEN_SECRET: "short" }],
    ["SERVICE_TOKEN_SECRET", {}],
    ["DISPATCH_PORT", { SERVICE_TOKEN_SECRET: secret, DISPATCH_PORT: "70000" }],
    ["BRAIN_SERVICE_URL", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_URL: "brain:5000" }],
    ["BRAIN_SERVICE_TIMEOUT", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_TIMEOUT: "30s" }],
    ["BRAIN_SERVICE_TIMEOUT", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_TIMEOUT: "0" }],
    ["LOG_LEVEL", { SERVICE_TOKEN_SECRET: secret, LOG_LEVEL: "loud" }],
  ])("refuses a bad %s with an error naming it", (variable, env) => {
    expect(() => readConfig(envReader(env))).toThrow(expect.objectContaining({ name: ConfigError.name, variable }));
  });
});
