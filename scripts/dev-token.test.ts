import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { jwtVerify } from "jose";
import { describe, expect, it } from "vitest";
import { jwtSettings, mintDevToken, readEnvFile } from "./dev-token.ts";

const secret = "a-development-secret-of-at-least-32-characters";
const key = new TextEncoder().encode(secret);

describe("dev-token", () => {
  it("mints an HS256 token with the gateway's issuer, audience and the caller's claims", async () => {
    const token = await mintDevToken(
      { tenantId: "school-1", learnerId: "learner-7", sub: "teacher-3", ttl: "10m" },
      { secret, issuer: "aivo", audience: "aivo-mesh" },
    );

    const { payload, protectedHeader } = await jwtVerify(token, key, { issuer: "aivo", audience: "aivo-mesh" });
    expect(protectedHeader.alg).toBe("HS256");
    expect(payload).toMatchObject({ tenant_id: "school-1", learner_id: "learner-7", sub: "teacher-3" });
    expect(payload.exp! - payload.iat!).toBe(600);
  });

  it("leaves learner_id out when no learner is given", async () => {
    const token = await mintDevToken({ tenantId: "school-1", sub: "dev-user", ttl: "1h" }, { secret, issuer: "aivo", audience: "aivo-mesh" });

    const { payload } = await jwtVerify(token, key);
    expect(payload).not.toHaveProperty("learner_id");
  });

  it("takes settings from the environment before the env file, with the conventions' defaults", () => {
    const fromFile = jwtSettings({}, { JWT_SECRET: "from-file", JWT_ISSUER: "file-issuer" });
    const fromEnv = jwtSettings({ JWT_SECRET: "from-env" }, { JWT_SECRET: "from-file" });

    expect(fromFile).toEqual({ secret: "from-file", issuer: "file-issuer", audience: "aivo-mesh" });
    expect(fromEnv).toEqual({ secret: "from-env", issuer: "aivo", audience: "aivo-mesh" });
  });

  it("refuses to mint without a secret, saying where one comes from", () => {
    expect(() => jwtSettings({}, {})).toThrow(/JWT_SECRET is not set/);
  });

  it("reads KEY=VALUE lines, skipping comments, and a missing file as empty", () => {
    const dir = mkdtempSync(join(tmpdir(), "dev-token-"));
    const file = join(dir, "dev.env");
    writeFileSync(file, "# secrets\nJWT_SECRET=abc=def\n\nSERVICE_TOKEN_SECRET=xyz\n");

    expect(readEnvFile(file)).toEqual({ JWT_SECRET: "abc=def", SERVICE_TOKEN_SECRET: "xyz" });
    expect(readEnvFile(join(dir, "absent.env"))).toEqual({});
  });

  it("prints only the token on the command line", async () => {
    const script = resolve(import.meta.dirname, "dev-token.ts");

    const output = execFileSync(process.execPath, ["--import", "tsx", script, "--tenant", "t-9", "--ttl", "5m"], {
      env: { ...process.env, JWT_SECRET: secret, JWT_ISSUER: "", JWT_AUDIENCE: "" },
      encoding: "utf8",
    });

    expect(output).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const { payload } = await jwtVerify(output.trim(), key, { issuer: "aivo", audience: "aivo-mesh" });
    expect(payload.tenant_id).toBe("t-9");
  });
});
