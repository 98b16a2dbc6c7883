/**
 * The load generators the benchmarks share: ghz for gRPC and wrk for HTTP/JSON, so Node is not the
 * client being measured. Each target measures one path at a number of calls in flight.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { root } from "../e2e/mesh.ts";

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), "aivo-bench-"));

export interface Result {
  p50Ms: number;
  p99Ms: number;
  rps: number;
}

export interface Target {
  name: string;
  measure(inFlight: number): Promise<Result>;
}

export interface GrpcCall {
  /** url is the server, http://host:port. */
  url: string;
  /** method is "package.Service/Method". */
  method: string;
  /** message is the serialized request: ghz's JSON reader cannot resolve the type inside an Any. */
  message: Uint8Array;
  metadata: Record<string, string>;
}

/** ghzTarget calls one gRPC method for `seconds` per measurement; any status but OK fails the run. */
export function ghzTarget(name: string, call: GrpcCall, seconds: number): Target {
  const data = join(work, `${name.replace(/\W+/g, "_")}.binpb`);
  writeFileSync(data, call.message);
  return {
    name,
    async measure(inFlight) {
      const { stdout } = await run(join(root, ".tools/bin/ghz"), [
        "--insecure",
        "--protoset", join(root, "gen/descriptors.binpb"),
        "--call", call.method,
        // An empty message (every field default) is an empty file, which ghz does not send: ask for {} instead.
        ...(call.message.length > 0 ? ["--binary-file", data] : ["--data", "{}"]),
        "--metadata", JSON.stringify(call.metadata),
        "--concurrency", String(inFlight),
        // More than one connection, so a server with several processes on one port shares the load.
        "--connections", String(Math.min(inFlight, 4)),
        "--duration", `${seconds}s`,
        // Calls still in flight when the time is up are cut off; they are not failures.
        "--duration-stop", "ignore",
        "--format", "json",
        new URL(call.url).host,
      ], { maxBuffer: 64 << 20 });
      const report = JSON.parse(stdout) as { rps: number; latencyDistribution: { percentage: number; latency: number }[]; statusCodeDistribution: Record<string, number> };
      const failed = Object.keys(report.statusCodeDistribution).filter((code) => code !== "OK");
      if (failed.length) throw new Error(`${name}: calls failed with ${failed.join(", ")}`);
      const at = (p: number) => report.latencyDistribution.find((d) => d.percentage === p)!.latency / 1e6;
      return { p50Ms: at(50), p99Ms: at(99), rps: report.rps };
    },
  };
}

/**
 * startNoopGrpcServer answers every gRPC call at once with an empty message and status OK, on bare
 * node:http2: what ghz measures against it is the floor of the client and the loopback hop, which
 * no server can go under.
 */
export async function startNoopGrpcServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http2.createServer();
  server.on("stream", (stream) => {
    // ghz resets the calls in flight when its time is up; those calls are not measured.
    stream.on("error", () => stream.destroy());
    stream.resume();
    stream.once("end", () => {
      stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
      stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
      stream.end(EMPTY_MESSAGE);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// A gRPC frame: not compressed, length 0.
const EMPTY_MESSAGE = Buffer.alloc(5);

/** wrkTarget POSTs `body` as JSON for `seconds` per measurement; any answer but 2xx fails the run. */
export function wrkTarget(name: string, url: string, body: unknown, headers: Record<string, string>, seconds: number): Target {
  const script = join(work, `${name.replace(/\W+/g, "_")}.lua`);
  const lines = [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(JSON.stringify(body))}`];
  for (const [header, value] of Object.entries({ "content-type": "application/json", ...headers })) {
    lines.push(`wrk.headers[${JSON.stringify(header)}] = ${JSON.stringify(value)}`);
  }
  writeFileSync(script, lines.join("\n"));
  return {
    name,
    async measure(inFlight) {
      const { stdout } = await run("wrk", ["--latency", "-t", String(Math.min(inFlight, 2)), "-c", String(inFlight), "-d", `${seconds}s`, "-s", script, url]);
      // A failed call is not a fast one.
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

/** fmt writes milliseconds with two decimals. */
export function fmt(ms: number): string {
  return ms.toFixed(2);
}
