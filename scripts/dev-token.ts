/**
 * Mints a development end-user JWT (HS256) that the gateway accepts, and prints the token only:
 *   node --import tsx scripts/dev-token.ts --tenant demo-school --learner learner-42 [--sub dev-user] [--ttl 1h]
 * The key is JWT_SECRET from the environment, else from .run/dev.env (written by scripts/up.sh);
 * iss and aud are JWT_ISSUER and JWT_AUDIENCE with the gateway's defaults (docs/conventions.md).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SignJWT } from "jose";

const root = resolve(import.meta.dirname, "..");

export interface DevTokenClaims {
  tenantId: string;
  learnerId?: string;
  sub: string;
  /** ttl is how long the token lives, in jose's notation ("15m", "1h", "2d"). */
  ttl: string;
}

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
}

export async function mintDevToken(claims: DevTokenClaims, settings: JwtSettings): Promise<string> {
  return new SignJWT({ tenant_id: claims.tenantId, ...(claims.learnerId ? { learner_id: claims.learnerId } : {}) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(claims.ttl)
    .sign(new TextEncoder().encode(settings.secret));
}

/** readEnvFile reads KEY=VALUE lines; a missing file reads as empty. */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  const entries = text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && line.includes("="))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]);
  return Object.fromEntries(entries);
}

/** jwtSettings takes each setting from the environment first, then from the env file. */
export function jwtSettings(env: NodeJS.ProcessEnv, envFile: Record<string, string>): JwtSettings {
  const pick = (name: string) => env[name] || envFile[name];
  const secret = pick("JWT_SECRET");
  if (!secret) {
    throw new Error("JWT_SECRET is not set and .run/dev.env has none: run `make up` or export JWT_SECRET");
  }
  return { secret, issuer: pick("JWT_ISSUER") || "aivo", audience: pick("JWT_AUDIENCE") || "aivo-mesh" };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: "string", default: "demo-school" },
      learner: { type: "string" },
      sub: { type: "string", default: "dev-user" },
      ttl: { type: "string", default: "1h" },
    },
  });
  const settings = jwtSettings(process.env, readEnvFile(join(root, ".run/dev.env")));
  const token = await mintDevToken(
    { tenantId: values.tenant, learnerId: values.learner, sub: values.sub, ttl: values.ttl },
    settings,
  );
  process.stdout.write(`${token}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    process.stderr.write(`dev-token: ${(error as Error).message}\n`);
    process.exit(1);
  });
}
