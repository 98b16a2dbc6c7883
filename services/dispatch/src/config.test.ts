import { describe, expect, it } from "vitest";
import { ConfigError, envReader } from "@aivo/mesh-node";
import { readConfig } from "./config.js";

const secret = "s".repeat(32);

describe("readConfig", () => {
  it("uses the conventions' defaults when only the secret is set", () => {
    const config = readConfig(envReader({ SERVICE_TOKEN_SECRET: secret }));

    expect(config).toMatchObject({
      port: 4001,
      brainServiceUrl: "http://localhost:5000",
      brainServiceTimeoutMs: 30000,
      serviceTokenSecret: secret,
      logLevel: "info",
      providers: {},
      databaseUrl: undefined,
      ledgerDir: ".data/dispatch-ledger",
      redisUrl: undefined,
    });
    expect([...config.ai.aliases.keys()]).toContain("chat");
  });

  it("reads every variable", () => {
    const config = readConfig(
      envReader({
        SERVICE_TOKEN_SECRET: secret,
        DISPATCH_PORT: "0",
        BRAIN_SERVICE_URL: "http://brain:5000/",
        BRAIN_SERVICE_TIMEOUT: "1500",
        LOG_LEVEL: "debug",
        OPENAI_API_KEY: "sk-openai",
        OPENAI_BASE_URL: "http://openai.local/v1/",
        MISTRAL_API_KEY: "sk-mistral",
        GOOGLE_GENERATIVE_AI_BASE_URL: "http://google.local",
        DATABASE_URL: "postgresql://db/aivo",
        DATA_DIR: "/var/aivo",
        REDIS_URL: "redis://redis:6379/0",
      }),
    );

    expect(config).toMatchObject({
      port: 0,
      brainServiceUrl: "http://brain:5000",
      brainServiceTimeoutMs: 1500,
      logLevel: "debug",
      providers: { openai: { apiKey: "sk-openai", baseUrl: "http://openai.local/v1" }, mistral: { apiKey: "sk-mistral", baseUrl: undefined } },
      databaseUrl: "postgresql://db/aivo",
      ledgerDir: "/var/aivo/dispatch-ledger",
      redisUrl: "redis://redis:6379/0",
    });
    expect(config.providers.google).toBeUndefined();
  });

  it.each([
    ["SERVICE_TOKEN_SECRET", { SERVICE_TOKEN_SECRET: "short" }],
    ["SERVICE_TOKEN_SECRET", {}],
    ["DISPATCH_PORT", { SERVICE_TOKEN_SECRET: secret, DISPATCH_PORT: "70000" }],
    ["BRAIN_SERVICE_URL", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_URL: "brain:5000" }],
    ["BRAIN_SERVICE_TIMEOUT", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_TIMEOUT: "30s" }],
    ["BRAIN_SERVICE_TIMEOUT", { SERVICE_TOKEN_SECRET: secret, BRAIN_SERVICE_TIMEOUT: "0" }],
    ["LOG_LEVEL", { SERVICE_TOKEN_SECRET: secret, LOG_LEVEL: "loud" }],
    ["OPENAI_BASE_URL", { SERVICE_TOKEN_SECRET: secret, OPENAI_API_KEY: "k", OPENAI_BASE_URL: "openai.local" }],
    ["DISPATCH_AI_CONFIG", { SERVICE_TOKEN_SECRET: secret, DISPATCH_AI_CONFIG: "/no/such/file.json" }],
  ])("refuses a bad %s with an error naming it", (variable, env) => {
    expect(() => readConfig(envReader(env))).toThrow(expect.objectContaining({ name: ConfigError.name, variable }));
  });
});
