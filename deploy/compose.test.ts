/**
 * Static checks of docker-compose.yml and the Dockerfiles: there is no Docker engine on these machines,
 * so what a build or `docker compose up` would trip over first is checked here against the repository.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copySources, finalStage, parseDockerfile } from "./dockerfile.ts";

const root = resolve(import.meta.dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, ComposeService> };
const services = Object.entries(compose.services);
const built = services.filter(([, service]) => service.build) as [string, Required<ComposeService>][];
const dockerfilePath = (service: Required<ComposeService>) => join(service.build.context, service.build.dockerfile);
const dockerfile = (service: Required<ComposeService>) => parseDockerfile(read(dockerfilePath(service)));

/** The "Processes and ports" table of docs/conventions.md: process name, port and the variable that sets it. */
function conventionPorts(): { name: string; port: string; variable?: string }[] {
  return read("docs/conventions.md")
    .split("\n")
    .map((line) => /^\| (\w+) [^|]*\| (\d+)(?: \(`(\w+)`\))?/.exec(line))
    .filter((match) => match !== null)
    .map(([, name, port, variable]) => ({ name: name.toLowerCase(), port, variable }));
}

/** The folders of the npm workspaces named in package.json ("services/*" and the like). */
function workspaceFolders(): string[] {
  const patterns = (JSON.parse(read("package.json")) as { workspaces: string[] }).workspaces;
  return patterns.flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(join(root, pattern.slice(0, -2))).map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  ).filter((folder) => existsSync(join(root, folder, "package.json")));
}

const composePlugin = spawnSync("docker", ["compose", "version"], { encoding: "utf8" }).status === 0;

describe("docker-compose.yml", () => {
  it.skipIf(!composePlugin)("is accepted by docker compose", () => {
    const result = spawnSync("docker", ["compose", "config", "-q"], {
      cwd: root,
      env: { ...process.env, SERVICE_TOKEN_SECRET: "s".repeat(32), JWT_SECRET: "j".repeat(32) },
      encoding: "utf8",
    });

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("runs the whole mesh with PostgreSQL and Redis", () => {
    expect(Object.keys(compose.services).sort()).toEqual(["brain", "dispatch", "envoy", "gateway", "postgres", "redis"]);
  });

  it.each(services)("gives %s a health check", (_name, service) => {
    expect(service.healthcheck?.test?.[0]).toBe("CMD");
    expect(service.healthcheck?.test?.length).toBeGreaterThan(1);
  });

  it.each(services.filter(([, service]) => service.depends_on))("starts %s only once what it needs is healthy", (_name, service) => {
    for (const [dependency, { condition }] of Object.entries(service.depends_on!)) {
      expect(condition, dependency).toBe("service_healthy");
      expect(compose.services[dependency]?.healthcheck, dependency).toBeDefined();
    }
  });

  it.each(conventionPorts())("publishes $name on port $port, as docs/conventions.md says", ({ name, port, variable }) => {
    const service = compose.services[name];

    expect(service?.ports).toEqual([`${port}:${port}`]);
    if (variable) expect(service.environment?.[variable]).toBe(port);
  });

  it("takes the secrets from the host and refuses to start without them", () => {
    const secrets = services.flatMap(([name, service]) =>
      Object.entries(service.environment ?? {})
        .filter(([variable]) => variable.endsWith("_SECRET"))
        .map(([variable, value]) => ({ name, variable, value })),
    );

    expect(secrets.map((s) => `${s.name}.${s.variable}`)).toEqual(
      expect.arrayContaining(["brain.SERVICE_TOKEN_SECRET", "gateway.SERVICE_TOKEN_SECRET", "gateway.JWT_SECRET", "dispatch.SERVICE_TOKEN_SECRET"]),
    );
    for (const { variable, value } of secrets) expect(value).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
  });

  it.each(services.filter(([, service]) => service.command && service.build))("gives %s an entry file that exists", (_name, service) => {
    expect(existsSync(join(root, service.command![0])), service.command![0]).toBe(true);
  });
});

describe.each(built)("the image of %s", (_name, service) => {
  it("has its build context and Dockerfile in the repository", () => {
    expect(existsSync(join(root, service.build.context))).toBe(true);
    expect(existsSync(join(root, dockerfilePath(service)))).toBe(true);
  });

  it("copies only what the repository has", () => {
    const sources = copySources(dockerfile(service)).filter((source) => !source.from);

    expect(sources.length).toBeGreaterThan(0);
    for (const { path } of sources) expect(existsSync(join(root, service.build.context, path)), path).toBe(true);
  });

  it("carries the program of its health check", () => {
    const program = service.healthcheck.test[1];
    const image = finalStage(dockerfile(service)).map((i) => i.args.join(" ")).join("\n");

    expect(image).toContain(program);
  });
});

describe("the Node services' image", () => {
  it("installs with the manifest of every npm workspace, as the lock file expects", () => {
    const copied = copySources(parseDockerfile(read("services/Dockerfile"))).map((source) => source.path);

    for (const folder of workspaceFolders()) expect(copied, folder).toContain(`${folder}/package.json`);
  });
});
