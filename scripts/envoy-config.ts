/**
 * renderEnvoyConfig writes a copy of envoy/envoy.yaml with other addresses, for tests that run Envoy on
 * free ports. scripts/envoy-config.sh does the rendering, so tests, scripts/up.sh and the container image
 * all get their copy the same way.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");

export interface EnvoyConfigOptions {
  /** out is the file to write. */
  out: string;
  /** listenPort is the REST listener's port. */
  listenPort: number;
  /** listenHost is the REST listener's address. Default 127.0.0.1. */
  listenHost?: string;
  /** adminPort is the admin interface's port, on 127.0.0.1. */
  adminPort: number;
  /** gatewayHost and gatewayPort are where the gateway listens. */
  gatewayHost: string;
  gatewayPort: number;
  /** descriptorPath is the descriptor set for the transcoder. Default this checkout's gen/descriptors.binpb. */
  descriptorPath?: string;
}

export function renderEnvoyConfig(options: EnvoyConfigOptions): void {
  const config = execFileSync(
    "bash",
    [
      join(root, "scripts/envoy-config.sh"),
      "--listen",
      `${options.listenHost ?? "127.0.0.1"}:${options.listenPort}`,
      "--admin",
      `127.0.0.1:${options.adminPort}`,
      "--gateway",
      `${options.gatewayHost}:${options.gatewayPort}`,
      "--descriptor",
      options.descriptorPath ?? join(root, "gen/descriptors.binpb"),
    ],
    { encoding: "utf8" },
  );
  writeFileSync(options.out, config);
}
