/**
 * AnalyzeFocus with a typical session, side by side in one run: straight to the brain, through the
 * gateway, through dispatch (RouteTask) and as REST through Envoy, each at a fixed concurrency of one
 * call in flight (latency) and at saturation. gRPC load comes from ghz, REST load from wrk, so Node is
 * not the client. Prints a Markdown table.
 *
 *   node --import tsx bench/mesh.ts [--seconds 5] [--saturation 64] [--brain-workers 2]
 */
import { parseArgs } from "node:util";
import { create, fromJson, toBinary } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import { AnalyzeFocusRequestSchema } from "@aivo/gen/aivo/brain/v1/analytics_pb.js";
import { RouteTaskRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { analyzeFocusBody } from "../e2e/fixtures.ts";
import { startMesh } from "../e2e/mesh.ts";
import { serviceToken, userToken } from "../e2e/tokens.ts";
import { fmt, ghzTarget, type Target, wrkTarget } from "./load.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "5" },
    saturation: { type: "string", default: "64" },
    "brain-workers": { type: "string", default: "2" },
  },
});
const seconds = Number(values.seconds);
const saturation = Number(values.saturation);

// The per-tenant rate limit would be the bottleneck of one benchmark tenant; the mesh is what is measured.
const mesh = await startMesh({ brainWorkers: Number(values["brain-workers"]), env: { RATE_LIMIT_PER_MINUTE: "1000000000" } });
try {
  const userJwt = await userToken(mesh.jwtSecret, { expiresIn: "1h" });
  const focusRequest = fromJson(AnalyzeFocusRequestSchema, analyzeFocusBody);
  const request = toBinary(AnalyzeFocusRequestSchema, focusRequest);
  const routeTask = toBinary(RouteTaskRequestSchema, create(RouteTaskRequestSchema, { task: "focus_analytics", input: anyPack(AnalyzeFocusRequestSchema, focusRequest) }));
  const analyzeFocus = "aivo.brain.v1.BrainService/AnalyzeFocus";
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const brainToken = await serviceToken(mesh.serviceTokenSecret, "brain", "bench");
  const dispatchToken = await serviceToken(mesh.serviceTokenSecret, "dispatch", "bench");
  const targets: Target[] = [
    ghzTarget("direct to the brain (gRPC)", { url: mesh.brainUrl, method: analyzeFocus, message: request, metadata: bearer(brainToken) }, seconds),
    ghzTarget("through the gateway (gRPC)", { url: mesh.gatewayUrl, method: analyzeFocus, message: request, metadata: bearer(userJwt) }, seconds),
    ghzTarget("through dispatch (RouteTask)", { url: mesh.dispatchUrl, method: "aivo.dispatch.v1.DispatchService/RouteTask", message: routeTask, metadata: bearer(dispatchToken) }, seconds),
    wrkTarget("REST through Envoy and the gateway", `${mesh.envoyUrl}/api/v1/analytics/focus`, analyzeFocusBody, bearer(userJwt), seconds),
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
