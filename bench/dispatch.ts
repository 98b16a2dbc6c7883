/**
 * Dispatch's overhead on an AI call, side by side in one run: a chat completion straight to a local
 * OpenAI-format server, the same through dispatch's Generate (alias resolution, rate limits, budget
 * hold, the AI SDK, cost settlement in the embedded ledger) and through the gateway in front of it,
 * at one call in flight and at a fixed concurrency. Load comes from wrk and ghz, so Node is not the
 * client. Prints a Markdown table.
 *
 *   node --import tsx bench/dispatch.ts [--seconds 5] [--concurrency 16]
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { ChatRole, GenerateRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { DEFAULT_AI_CONFIG } from "../services/dispatch/src/config.ts";
import { startProviderStandIn } from "../services/dispatch/src/ai/provider-stand-in.ts";
import { root, startMesh } from "../e2e/mesh.ts";
import { serviceToken, userToken } from "../e2e/tokens.ts";

const run = promisify(execFile);
const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" }, concurrency: { type: "string", default: "16" } } });
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);

interface Result {
  p50Ms: number;
  p99Ms: number;
  rps: number;
}

interface Target {
  name: string;
  measure(concurrency: number): Promise<Result>;
}

const work = mkdtempSync(join(tmpdir(), "aivo-bench-dispatch-"));
const provider = await startProviderStandIn("openai");
// Limits and budgets would throttle one benchmark tenant; dispatch's work per call is what is measured.
const aiConfig = { ...JSON.parse(readFileSync(DEFAULT_AI_CONFIG, "utf8")), limits: {}, budgets: {} };
writeFileSync(join(work, "ai.json"), JSON.stringify(aiConfig));
const mesh = await startMesh({
  withEnvoy: false,
  env: {
    OPENAI_API_KEY: "sk-bench",
    OPENAI_BASE_URL: `${provider.baseUrl}/v1`,
    DISPATCH_AI_CONFIG: join(work, "ai.json"),
    RATE_LIMIT_PER_MINUTE: "1000000000",
  },
});
try {
  const messages = [{ role: ChatRole.USER, content: "Give me a word that rhymes with cat." }];
  const generate = toBinary(GenerateRequestSchema, create(GenerateRequestSchema, { model: "chat", messages, maxTokens: 16 }));
  const dispatchToken = await serviceToken(mesh.serviceTokenSecret, "dispatch", "bench");
  const userJwt = await userToken(mesh.jwtSecret, { expiresIn: "1h", tenantId: "tenant-bench" });
  const targets: Target[] = [
    wrkTarget("direct to the provider server (HTTP/1.1 JSON)", `${provider.baseUrl}/v1/chat/completions`, {
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: messages[0]!.content }],
      max_tokens: 16,
    }),
    ghzTarget("through dispatch (Generate, gRPC)", mesh.dispatchUrl, generate, { authorization: `Bearer ${dispatchToken}`, "x-tenant-id": "tenant-bench" }),
    ghzTarget("through the gateway and dispatch (gRPC)", mesh.gatewayUrl, generate, { authorization: `Bearer ${userJwt}` }),
  ];
  for (const target of targets) await target.measure(4); // warm up every path before measuring any
  const results = [];
  for (const target of targets) results.push({ name: target.name, one: await target.measure(1), many: await target.measure(concurrency) });
  const direct = results[0]!;
  console.log(`Generate (alias "chat" -> openai/gpt-4o-mini on a local stand-in), ${seconds} s per cell\n`);
  console.log(`| path | p50 ms (1 in flight) | p99 ms (1) | added p50 ms (1) | p50 ms (${concurrency} in flight) | p99 ms (${concurrency}) | rps (${concurrency}) |`);
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const { name, one, many } of results) {
    console.log(`| ${name} | ${fmt(one.p50Ms)} | ${fmt(one.p99Ms)} | ${fmt(one.p50Ms - direct.one.p50Ms)} | ${fmt(many.p50Ms)} | ${fmt(many.p99Ms)} | ${Math.round(many.rps)} |`);
  }
} finally {
  await mesh.stop();
  await provider.close();
}

function ghzTarget(name: string, url: string, message: Uint8Array, metadata: Record<string, string>): Target {
  const data = join(work, `${name.replace(/\W+/g, "_")}.binpb`);
  writeFileSync(data, message);
  return {
    name,
    async measure(inFlight) {
      const { stdout } = await run(join(root, ".tools/bin/ghz"), [
        "--insecure",
        "--protoset", join(root, "gen/descriptors.binpb"),
        "--call", "aivo.dispatch.v1.DispatchService/Generate",
        "--binary-file", data,
        "--metadata", JSON.stringify(metadata),
        "--concurrency", String(inFlight),
        "--connections", String(Math.min(inFlight, 4)),
        "--duration", `${seconds}s`,
        "--duration-stop", "ignore",
        "--format", "json",
        new URL(url).host,
      ], { maxBuffer: 64 << 20 });
      const report = JSON.parse(stdout) as { rps: number; latencyDistribution: { percentage: number; latency: number }[]; statusCodeDistribution: Record<string, number> };
      const failed = Object.keys(report.statusCodeDistribution).filter((code) => code !== "OK");
      if (failed.length) throw new Error(`${name}: calls failed with ${failed.join(", ")}`);
      const at = (p: number) => report.latencyDistribution.find((d) => d.percentage === p)!.latency / 1e6;
      return { p50Ms: at(50), p99Ms: at(99), rps: report.rps };
    },
  };
}

function wrkTarget(name: string, url: string, body: unknown): Target {
  const script = join(work, "post.lua");
  writeFileSync(script, [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(JSON.stringify(body))}`, `wrk.headers["content-type"] = "application/json"`].join("\n"));
  return {
    name,
    async measure(inFlight) {
      const { stdout } = await run("wrk", ["--latency", "-t", String(Math.min(inFlight, 2)), "-c", String(inFlight), "-d", `${seconds}s`, "-s", script, url]);
      if (/Non-2xx or 3xx responses/.test(stdout)) throw new Error(`${name}: some calls failed\n${stdout}`);
      const percentile = (p: string) => toMs(stdout.match(new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m"))![1]!);
      return { p50Ms: percentile("50"), p99Ms: percentile("99"), rps: Number(stdout.match(/Requests\/sec:\s+([\d.]+)/)![1]) };
    },
  };
}

function toMs(value: string): number {
  const [, number, unit] = value.match(/^([\d.]+)(us|ms|s)$/)!;
  return Number(number) * { us: 0.001, ms: 1, s: 1000 }[unit as "us" | "ms" | "s"];
}

function fmt(ms: number): string {
  return ms.toFixed(2);
}
