import type { TestProject } from "vitest/node";
import { type Mesh, startMesh } from "./mesh.ts";

export interface MeshAddresses {
  brainUrl: string;
  gatewayUrl: string;
  dispatchUrl: string;
  envoyUrl: string;
  serviceTokenSecret: string;
  jwtSecret: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    mesh: MeshAddresses;
  }
}

let mesh: Mesh | undefined;

export async function setup(project: TestProject) {
  mesh = await startMesh({ brainWorkers: 2 });
  const { brainUrl, gatewayUrl, dispatchUrl, envoyUrl, serviceTokenSecret, jwtSecret } = mesh;
  project.provide("mesh", { brainUrl, gatewayUrl, dispatchUrl, envoyUrl, serviceTokenSecret, jwtSecret });
}

export async function teardown() {
  await mesh?.stop();
}
