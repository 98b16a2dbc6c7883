import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { analyzeFocusBody } from "./fixtures.ts";
import { userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);

interface CurlResult {
  status: number;
  body: string;
  json: () => any;
}

/** curl, the legacy REST client: returns the HTTP status and body. */
async function curl(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<CurlResult> {
  const args = ["-sS", "-X", method, `${mesh.envoyUrl}${path}`, "-w", "\n%{http_code}", "-H", "content-type: application/json"];
  if (options.token) args.push("-H", `authorization: Bearer ${options.token}`);
  if (options.body !== undefined) args.push("--data-binary", JSON.stringify(options.body));
  const { stdout } = await run("curl", args);
  const cut = stdout.lastIndexOf("\n");
  const body = stdout.slice(0, cut);
  return { status: Number(stdout.slice(cut + 1)), body, json: () => JSON.parse(body) };
}

describe("curl to the seed's REST paths through Envoy", () => {
  let token: string;
  beforeAll(async () => {
    token = await userToken(mesh.jwtSecret);
  });

  it("POST /api/v1/analytics/focus answers 200 with the focus score", async () => {
    const response = await curl("POST", "/api/v1/analytics/focus", { token, body: analyzeFocusBody });

    expect(response.status).toBe(200);
    expect(response.json().score).toBeGreaterThan(0);
    expect(response.json().level).toMatch(/^FOCUS_LEVEL_/);
  });

  it.each([
    ["/api/v1/analytics/break", "attentionSpanMinutes"],
    ["/api/v1/analytics/attention", "spans"],
  ])("POST %s answers 200 with %s", async (path, field) => {
    const response = await curl("POST", path, { token, body: analyzeFocusBody });

    expect(response.status).toBe(200);
    expect(response.json()).toHaveProperty(field);
  });

  it("answers 400 naming the field for bad input, and 200 again right after", async () => {
    const bad = { session: { ...analyzeFocusBody.session, childAgeMonths: 5 } };

    const refused = await curl("POST", "/api/v1/analytics/focus", { token, body: bad });
    const next = await curl("POST", "/api/v1/analytics/focus", { token, body: analyzeFocusBody });

    expect(refused.status).toBe(400);
    expect(refused.json().message).toContain("child_age_months");
    expect(next.status).toBe(200);
  });

  it("answers 401 without a JWT", async () => {
    const response = await curl("POST", "/api/v1/analytics/focus", { body: analyzeFocusBody });

    expect(response.status).toBe(401);
  });

  it("answers 404 for a path that is not in the contract", async () => {
    const response = await curl("POST", "/api/v1/speech/sing", { token, body: {} });

    expect(response.status).toBe(404);
  });

  it("routes a task by its seed name through dispatch: POST /api/brain/focus_analytics", async () => {
    const body = { "@type": "type.googleapis.com/aivo.brain.v1.AnalyzeFocusRequest", ...analyzeFocusBody };

    const response = await curl("POST", "/api/brain/focus_analytics", { token, body });

    expect(response.status).toBe(200);
    expect(response.json().method).toBe("aivo.brain.v1.BrainService/AnalyzeFocus");
    expect(response.json().output.score).toBeGreaterThan(0);
  });

  it("lists the task routes: GET /api/brain/tasks", async () => {
    const response = await curl("GET", "/api/brain/tasks", { token });

    expect(response.status).toBe(200);
    const tasks = response.json().routes.map((r: { task: string }) => r.task);
    expect(tasks).toEqual(expect.arrayContaining(["speech_analysis", "difficulty_prediction", "federated_aggregation"]));
  });
});
