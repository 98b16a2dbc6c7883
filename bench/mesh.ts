/**
 * AnalyzeFocus with a typical session, side by side in one run: straight to the brain, through the
 * gateway, through dispatch (RouteTask) and as REST through Envoy, each at a fixed concurrency of one
 * call in flight (latency) and at saturation. gRPC load comes from ghz, REST load from wrk, so Node is
 * not the client. Prints a Markdown table.
 *
 *   node --import tsx bench/mesh.ts [--seconds 5] [--saturation 64] [--brain-workers 2]
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs, promisify } from "node:util";
import { create, fromJson, toBinary } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import { AnalyzeFocusRequestSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { RouteTaskRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { analyzeFocusBody } from "../e2e/fixtures.ts";
import { root, startMesh } from "../e2e/mesh.ts";
import { serviceToken, userToken } from "../e2e/tokens.ts";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    saturation: { type: "string", default: "64" },
    "brain-workers": { type: "string", default: "2" },
  },
});
const seconds = Number(values.seconds);
const saturation = Number(values.saturation);

interface Result {
  p50Ms: number;
  p99Ms: number;
  rps: number;
}

interface Target {
  name: string;
  measure(concurrency: number): Promise<Result>;
}

const work = mkdtempSync(join(tmpdir(), "aivo-bench-"));
// The per-tenant rate limit would be the bottleneck of one benchmark tenant; the mesh is what is measured.
const mesh = await startMesh({ brainWorkers: Number(values["brain-workers"]), env: { RATE_LIMIT_PER_MINUTE: "1000000000" } });
try {
  const userJwt = await userToken(mesh.jwtSecret, { expiresIn: "1h" });
  const analyzeFocus = fromJson(AnalyzeFocusRequestSchema, analyzeFocusBody);
  const request = toBinary(AnalyzeFocusRequestSchema, analyzeFocus);
  const routeTask = toBinary(RouteTaskRequestSchema, create(RouteTaskRequestSchema, { task: "focus_analytics", input: anyPack(AnalyzeFocusRequestSchema, analyzeFocus) }));
  const brainToken = await serviceToken(mesh.serviceTokenSecret, "brain", "bench");
  const dispatchToken = await serviceToken(mesh.serviceTokenSecret, "dispatch", "bench");
  const targets: Target[] = [
    ghzTarget("direct to the brain (gRPC)", mesh.brainUrl, "aivo.brain.v1.BrainService/AnalyzeFocus", request, brainToken),
    ghzTarget("through the gateway (gRPC)", mesh.gatewayUrl, "aivo.brain.v1.BrainService/AnalyzeFocus", request, userJwt),
    ghzTarget("through dispatch (RouteTask)", mesh.dispatchUrl, "aivo.dispatch.v1.DispatchService/RouteTask", routeTask, dispatchToken),
    wrkTarget("REST through Envoy and the gateway", `${mesh.envoyUrl}/api/v1/analytics/focus`, analyzeFocusBody, userJwt),
  ];
  for (const target of targets) await target.measure(4); // warm up every path before measuring any
  const rows: string[] = [];
  for (const target of targets) {
    const one = await target.measure(1);
    const many = await target.measure(saturation);
    rows.push(`| ${target.name} | ${fmt(one.p50Ms)} | ${fmt(one.p99Ms)} | ${Math.round(one.rps)} | ${fmt(many.p50Ms)} | ${fmt(many.p99Ms)} | ${Math.round(many.rps)} |`);
  }
  console.log(`AnalyzeFocus, ${analyzeFocusBody.session.events.length} events, ${seconds} s per cell, brain workers: ${values["brain-workers"]}\n`);
  console.log(`| path | p50 ms (1 in flight) | p99 ms (1) | rps (1) | p50 ms (${saturation} in flight) | p99 ms (${saturation}) | rps (${saturation}) |`);
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const row of rows) console.log(row);
} finally {
  await mesh.stop();
}

// ghz reads the request as a serialized message: its JSON reader cannot resolve the type inside an Any.
function ghzTarget(name: string, url: string, call: string, message: Uint8Array, token: string): Target {
  const data = join(work, `${call.replaceAll("/", "_")}.binpb`);
  writeFileSync(data, message);
  return {
    name,
    async measure(concurrency) {
      const { stdout } = await run(join(root, ".tools/bin/ghz"), [
        "--insecure",
        "--protoset", join(root, "gen/descriptors.binpb"),
        "--call", call,
        "--binary-file", data,
        "--metadata", JSON.stringify({ authorization: `Bearer ${token}` }),
        "--concurrency", String(concurrency),
        "--connections", String(Math.min(concurrency, 4)),
        "--duration", `${seconds}s`,
        // Calls still in flight when the time is up are cut off; they are not failures.
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

function wrkTarget(name: string, url: string, body: unknown, token: string): Target {
  const script = join(work, "post.lua");
  writeFileSync(
    script,
    [
      `wrk.method = "POST"`,
      `wrk.body = ${JSON.stringify(JSON.stringify(body))}`,
      `wrk.headers["content-type"] = "application/json"`,
      `wrk.headers["authorization"] = "Bearer ${token}"`,
    ].join("\n"),
  );
  return {
    name,
    async measure(concurrency) {
      const { stdout } = await run("wrk", ["--latency", "-t", String(Math.min(concurrency, 2)), "-c", String(concurrency), "-d", `${seconds}s`, "-s", script, url]);
      // Any answer but 200 is a failure, not a fast response.
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
