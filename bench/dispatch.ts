/**
 * Dispatch's overhead on an AI call, side by side in one run: a chat completion straight to a local
 * OpenAI-format server, the same through dispatch's Generate (alias resolution, rate limits, budget
 * hold, the AI SDK, cost settlement in the embedded ledger) and through the gateway in front of it,
 * at one call in flight and at a fixed concurrency. Load comes from wrk and ghz, so Node is not the
 * client. Prints a Markdown table.
 *
 * The direct call is HTTP/1.1 from wrk, the others gRPC from ghz, and the two clients do not cost the
 * same. So like is compared with like, two more rows: ghz against a server that answers at once
 * (the client's floor) and dispatch's ListTasks, a call with no work behind it (the floor plus what
 * any call into dispatch costs: HTTP/2, the handler context, the interceptors). Dispatch's added time is then
 * Generate minus the direct call minus ghz's floor, printed under the table.
 *
 * The machine is shared and its noise comes in bursts, so the targets take turns: each round measures
 * every path for seconds/rounds, and each cell is the median of its rounds.
 *
 *   node --import tsx bench/dispatch.ts [--seconds 6] [--rounds 3] [--concurrency 16]
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { create, toBinary } from "@bufbuild/protobuf";
import { ChatRole, GenerateRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { DEFAULT_AI_CONFIG } from "../services/dispatch/src/config.ts";
import { startProviderStandIn } from "../services/dispatch/src/ai/provider-stand-in.ts";
import { startMesh } from "../e2e/mesh.ts";
import { serviceToken, userToken } from "../e2e/tokens.ts";
import { fmt, ghzTarget, type Result, startNoopGrpcServer, type Target, wrkTarget } from "./load.ts";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "6" }, rounds: { type: "string", default: "3" }, concurrency: { type: "string", default: "16" } },
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds) / rounds;
const concurrency = Number(values.concurrency);
const GENERATE = "aivo.dispatch.v1.DispatchService/Generate";
const LIST_TASKS = "aivo.dispatch.v1.DispatchService/ListTasks";

const work = mkdtempSync(join(tmpdir(), "aivo-bench-dispatch-"));
const provider = await startProviderStandIn("openai");
const noop = await startNoopGrpcServer();
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
  const asBench = { authorization: `Bearer ${dispatchToken}`, "x-tenant-id": "tenant-bench" };
  const targets: Target[] = [
    wrkTarget(
      "direct to the provider server (HTTP/1.1 JSON)",
      `${provider.baseUrl}/v1/chat/completions`,
      { model: "gpt-4o-mini", messages: [{ role: "user", content: messages[0]!.content }], max_tokens: 16 },
      {},
      seconds,
    ),
    ghzTarget("ghz's floor (a server that answers at once)", { url: noop.url, method: LIST_TASKS, message: new Uint8Array(), metadata: asBench }, seconds),
    ghzTarget("dispatch, no work (ListTasks, gRPC)", { url: mesh.dispatchUrl, method: LIST_TASKS, message: new Uint8Array(), metadata: asBench }, seconds),
    ghzTarget("through dispatch (Generate, gRPC)", { url: mesh.dispatchUrl, method: GENERATE, message: generate, metadata: asBench }, seconds),
    ghzTarget("through the gateway and dispatch (gRPC)", { url: mesh.gatewayUrl, method: GENERATE, message: generate, metadata: { authorization: `Bearer ${userJwt}` } }, seconds),
  ];
  for (const target of targets) await target.measure(4); // warm up every path before measuring any
  const measured = targets.map((): { one: Result[]; many: Result[] } => ({ one: [], many: [] }));
  for (let round = 0; round < rounds; round++) {
    for (const [index, target] of targets.entries()) {
      measured[index]!.one.push(await target.measure(1));
      measured[index]!.many.push(await target.measure(concurrency));
    }
  }
  const results: Row[] = targets.map(({ name }, index) => ({ name, one: medianOf(measured[index]!.one), many: medianOf(measured[index]!.many) }));
  const [direct, floor, , generateRow] = results as [Row, Row, Row, Row];
  console.log(`Generate (alias "chat" -> openai/gpt-4o-mini on a local stand-in), medians of ${rounds} rounds of ${seconds} s per cell\n`);
  console.log(`| path | p50 ms (1 in flight) | p99 ms (1) | added p50 ms (1) | p50 ms (${concurrency} in flight) | p99 ms (${concurrency}) | rps (${concurrency}) |`);
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  for (const { name, one, many } of results) {
    console.log(`| ${name} | ${fmt(one.p50Ms)} | ${fmt(one.p99Ms)} | ${fmt(one.p50Ms - direct.one.p50Ms)} | ${fmt(many.p50Ms)} | ${fmt(many.p99Ms)} | ${Math.round(many.rps)} |`);
  }
  const added = (pick: (row: Row) => number) => fmt(pick(generateRow) - pick(direct) - pick(floor));
  console.log(`\nDispatch's added p50, net of ghz's floor (Generate - direct - floor): ${added((r) => r.one.p50Ms)} ms at 1 in flight, ${added((r) => r.many.p50Ms)} ms at ${concurrency}`);
} finally {
  await mesh.stop();
  await noop.close();
  await provider.close();
}

interface Row {
  name: string;
  one: Result;
  many: Result;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1]!;
}

/** medianOf is each figure's median over the rounds. */
function medianOf(results: Result[]): Result {
  return { p50Ms: median(results.map((r) => r.p50Ms)), p99Ms: median(results.map((r) => r.p99Ms)), rps: median(results.map((r) => r.rps)) };
}
