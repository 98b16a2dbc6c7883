import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Mesh, startMesh } from "./mesh.ts";

const databaseUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;

// scripts/test.sh starts a real PostgreSQL and Redis and sets these; the embedded defaults are covered by
// the mesh every other e2e test runs on.
describe.skipIf(!databaseUrl || !redisUrl)("the mesh on PostgreSQL and Redis", () => {
  let mesh: Mesh;
  beforeAll(async () => {
    mesh = await startMesh({ withEnvoy: false, env: { DATABASE_URL: databaseUrl!, REDIS_URL: redisUrl! } });
  });
  afterAll(async () => {
    await mesh?.stop();
  });

  it("reports both as healthy in /health/detailed", async () => {
    const body = await (await fetch(`${mesh.gatewayUrl}/health/detailed`)).json();

    expect(body.status).toBe("healthy");
    expect(body.services.database).toMatchObject({ status: "healthy" });
    expect(body.services.redis).toMatchObject({ status: "healthy" });
  });

  it("is ready: the database is reachable", async () => {
    const response = await fetch(`${mesh.gatewayUrl}/ready`);

    expect(response.status).toBe(200);
  });
});
