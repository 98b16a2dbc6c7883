import type { TestProject } from "vitest/node";
import { type Mesh, startMesh } from "./mesh.ts";

/** MeshAddresses is what the tests get of the running mesh: where each part listens and the secrets to sign tokens. */
export type MeshAddresses = Omit<Mesh, "logs" | "stop">;

declare module "vitest" {
  export interface ProvidedContext {
    mesh: MeshAddresses;
  }
}

let mesh: Mesh | undefined;

export async function setup(project: TestProject) {
  mesh = await startMesh({ brainWorkers: 2, withConsole: true });
  const { logs: _logs, stop: _stop, ...addresses } = mesh;
  project.provide("mesh", addresses);
}

export async function teardown() {
  await mesh?.stop();
}
