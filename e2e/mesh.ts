/**
 * Starts the real mesh (brain, dispatch, gateway, Envoy) as child processes on free loopback ports,
 * the way `make up` does, for end-to-end tests and benchmarks.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { renderEnvoyConfig } from "../scripts/envoy-config.ts";

export const root = resolve(import.meta.dirname, "..");
const bin = (tool: string) => join(root, ".tools/bin", tool);
export const grpcurlPath = bin("grpcurl");

export interface MeshOptions {
  /** brainWorkers is the number of brain processes sharing its port. Default 1. */
  brainWorkers?: number;
  /** env is added to every service's environment (for example DATABASE_URL, REDIS_URL). */
  env?: Record<string, string>;
  /** withEnvoy starts Envoy in front of the gateway. Default true. */
  withEnvoy?: boolean;
  /** withConsole serves the built browser console (web/dist) with `vite preview` in front of the gateway. Default false. */
  withConsole?: boolean;
}

export interface Mesh {
  brainUrl: string;
  gatewayUrl: string;
  dispatchUrl: string;
  envoyUrl: string;
  /** consoleUrl is the browser console, "" unless withConsole. */
  consoleUrl: string;
  serviceTokenSecret: string;
  jwtSecret: string;
  /** logs returns what a service printed so far. */
  logs(service: "brain" | "dispatch" | "gateway" | "envoy" | "console"): string;
  stop(): Promise<void>;
}

export async function startMesh(options: MeshOptions = {}): Promise<Mesh> {
  const dataDir = mkdtempSync(join(tmpdir(), "aivo-mesh-"));
  const serviceTokenSecret = randomBytes(32).toString("hex");
  const jwtSecret = randomBytes(32).toString("hex");
  const common = {
    ...process.env,
    SERVICE_TOKEN_SECRET: serviceTokenSecret,
    JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
    LOG_LEVEL: "info",
    ...options.env,
  };
  const running: Running[] = [];
  try {
    const brain = await startService(running, "brain", join(root, ".venv/bin/python"), ["-m", "brain"], {
      cwd: join(root, "backend"),
      env: {
        ...common,
        PYTHONPATH: `${join(root, "backend")}:${join(root, "gen/python")}`,
        BRAIN_PORT: "0",
        BRAIN_WORKERS: String(options.brainWorkers ?? 1),
      },
    });
    const brainUrl = `http://127.0.0.1:${brain.port}`;
    const dispatch = await startService(running, "dispatch", process.execPath, ["--import", "tsx", "services/dispatch/src/server.ts"], {
      cwd: root,
      env: { ...common, DISPATCH_PORT: "0", BRAIN_SERVICE_URL: brainUrl },
    });
    const dispatchUrl = `http://127.0.0.1:${dispatch.port}`;
    const gateway = await startService(running, "gateway", process.execPath, ["--import", "tsx", "services/gateway/src/server.ts"], {
      cwd: root,
      env: { ...common, GATEWAY_PORT: "0", BRAIN_SERVICE_URL: brainUrl, DISPATCH_SERVICE_URL: dispatchUrl },
    });
    const gatewayUrl = `http://127.0.0.1:${gateway.port}`;
    let envoyUrl = "";
    if (options.withEnvoy ?? true) {
      const [listenPort, adminPort] = [await freePort(), await freePort()];
      const config = join(dataDir, "envoy.yaml");
      renderEnvoyConfig({ out: config, listenPort, adminPort, gatewayHost: "127.0.0.1", gatewayPort: gateway.port });
      await startService(running, "envoy", join(root, ".venv/bin/envoy"), ["-c", config, "--log-level", "warn", "--disable-hot-restart"], {
        cwd: root,
        env: common,
        readyWhen: () => waitForHttp(`http://127.0.0.1:${adminPort}/ready`),
        port: listenPort,
      });
      envoyUrl = `http://127.0.0.1:${listenPort}`;
    }
    let consoleUrl = "";
    if (options.withConsole) {
      const port = await freePort();
      consoleUrl = `http://127.0.0.1:${port}`;
      const vite = [join(root, "node_modules/vite/bin/vite.js"), "preview", "--host", "127.0.0.1", "--port", String(port), "--strictPort"];
      await startService(running, "console", process.execPath, vite, {
        cwd: join(root, "web"),
        env: { ...common, GATEWAY_URL: gatewayUrl },
        readyWhen: () => waitForHttp(consoleUrl),
        port,
      });
    }
    return {
      brainUrl,
      gatewayUrl,
      dispatchUrl,
      envoyUrl,
      consoleUrl,
      serviceTokenSecret,
      jwtSecret,
      logs: (service) => running.find((r) => r.name === service)?.output.join("\n") ?? "",
      stop: async () => {
        await stopAll(running);
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const logs = running.map((r) => `--- ${r.name}\n${r.output.slice(-30).join("\n")}`).join("\n");
    await stopAll(running);
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`mesh did not start: ${(error as Error).message}\n${logs}`);
  }
}

interface Running {
  name: string;
  child: ChildProcess;
  output: string[];
}

interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** readyWhen replaces waiting for the "listening" log line. */
  readyWhen?: () => Promise<void>;
  port?: number;
}

const startTimeoutMs = 60_000;

async function startService(running: Running[], name: string, command: string, args: string[], options: StartOptions) {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  const service: Running = { name, child, output: [] };
  running.push(service);
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`${name} exited with ${code} before it was ready`))),
  );
  const listening = new Promise<number>((resolvePort) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream! }).on("line", (line) => {
        service.output.push(line);
        const port = listeningPort(line);
        if (port !== undefined) resolvePort(port);
      });
    }
  });
  const ready = options.readyWhen ? options.readyWhen().then(() => options.port!) : listening;
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`${name} not ready after ${startTimeoutMs} ms`)), startTimeoutMs).unref(),
  );
  const port = await Promise.race([ready, exited, timeout]);
  exited.catch(() => undefined);
  return { port };
}

function listeningPort(line: string): number | undefined {
  if (!line.startsWith("{")) return undefined;
  try {
    const entry = JSON.parse(line) as { msg?: string; event?: string; port?: number };
    return (entry.msg ?? entry.event) === "listening" ? entry.port : undefined;
  } catch {
    return undefined;
  }
}

async function stopAll(running: Running[]) {
  await Promise.all(
    running.reverse().map(
      ({ child }) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const kill = setTimeout(() => child.kill("SIGKILL"), 10_000);
          child.once("exit", () => {
            clearTimeout(kill);
            done();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

async function waitForHttp(url: string) {
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
