import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { envoyBin } from "../envoy/run-envoy.ts";
import { renderEnvoyConfig } from "./envoy-config.ts";

const root = resolve(import.meta.dirname, "..");
const work = mkdtempSync(join(tmpdir(), "envoy-config-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("envoy-config", () => {
  it("renders a config Envoy accepts, with the containers' addresses in place of the defaults", () => {
    const out = join(work, "container.yaml");

    renderEnvoyConfig({ out, listenHost: "0.0.0.0", listenPort: 8080, adminPort: 9901, gatewayHost: "gateway", gatewayPort: 4000 });

    const config = readFileSync(out, "utf8");
    expect(config).toContain("socket_address: { address: 0.0.0.0, port_value: 8080 }");
    expect(config).toContain("socket_address: { address: gateway, port_value: 4000 }");
    expect(config).not.toContain("address: 127.0.0.1, port_value: 4000");
    const validation = spawnSync(envoyBin, ["--mode", "validate", "-c", out], { encoding: "utf8" });
    expect(validation.status, validation.stderr).toBe(0);
  });

  it("prints envoy.yaml unchanged when given no options", () => {
    const result = spawnSync("bash", ["scripts/envoy-config.sh"], { cwd: root, encoding: "utf8" });

    expect(result.stdout).toBe(readFileSync(join(root, "envoy/envoy.yaml"), "utf8"));
  });

  it.each([["--gateway", "gateway"], ["--listen", "127.0.0.1:http"], ["--admin", "a b:1"]])("refuses %s %s, which is not HOST:PORT", (option, value) => {
    const result = spawnSync("bash", ["scripts/envoy-config.sh", option, value], { cwd: root, encoding: "utf8" });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`'${value}' is not HOST:PORT`);
    expect(result.stdout).toBe("");
  });

  it("refuses an option it does not know", () => {
    const result = spawnSync("bash", ["scripts/envoy-config.sh", "--port", "1"], { cwd: root, encoding: "utf8" });

    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown option --port");
  });
});
