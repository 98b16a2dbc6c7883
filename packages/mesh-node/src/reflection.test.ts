import { create, createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema, type FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { createClient, createRouterTransport } from "@connectrpc/connect";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { ServerReflectionRequest } from "@aivo/gen/grpc/reflection/v1/reflection_pb.js";
import { describe, expect, it } from "vitest";
import { HealthService } from "./health.js";
import { ReflectionService, reflectionService, type ReflectionOptions } from "./reflection.js";

async function ask(request: ServerReflectionRequest["messageRequest"], options: ReflectionOptions = {}) {
  const services = [BrainService, HealthService, ReflectionService];
  const transport = createRouterTransport((router) => router.service(ReflectionService, reflectionService(services, options)));
  const client = createClient(ReflectionService, transport);
  async function* one() {
    yield { messageRequest: request };
  }
  for await (const response of client.serverReflectionInfo(one())) return response.messageResponse;
  throw new Error("no response");
}

describe("reflection service", () => {
  it("lists the served services", async () => {
    const answer = await ask({ case: "listServices", value: "" });

    expect(answer.case === "listServicesResponse" && answer.value.service.map((s) => s.name)).toEqual([
      "aivo.brain.v1.BrainService",
      "grpc.health.v1.Health",
      "grpc.reflection.v1.ServerReflection",
    ]);
  });

  it("answers a method name with its file and every file it imports, enough to rebuild the service", async () => {
    const answer = await ask({ case: "fileContainingSymbol", value: "aivo.brain.v1.BrainService.AnalyzeFocus" });

    const protos = answer.case === "fileDescriptorResponse" ? answer.value.fileDescriptorProto.map((b) => fromBinary(FileDescriptorProtoSchema, b)) : [];
    expect(protos[0]?.name).toBe("aivo/brain/v1/brain_service.proto");
    expect(protos.map((p) => p.name)).toContain("google/protobuf/descriptor.proto");
    const byName = new Map(protos.map((p) => [p.name, p]));
    const importsFirst = new Set<FileDescriptorProto>();
    const visit = (name: string): void => {
      const proto = byName.get(name)!;
      proto.dependency.forEach(visit);
      importsFirst.add(proto);
    };
    visit(protos[0]!.name);
    const rebuilt = createFileRegistry(create(FileDescriptorSetSchema, { file: [...importsFirst] }));
    expect(rebuilt.getService("aivo.brain.v1.BrainService")?.methods.map((m) => m.name)).toContain("AnalyzeFocus");
  });

  it("describes the messages of services it was asked to describe, without listing those services", async () => {
    const options = { alsoDescribe: [DispatchService] };

    const listed = await ask({ case: "listServices", value: "" }, options);
    const described = await ask({ case: "fileContainingSymbol", value: "aivo.dispatch.v1.TaskRoute" }, options);

    expect(listed.case === "listServicesResponse" && listed.value.service.map((s) => s.name)).not.toContain("aivo.dispatch.v1.DispatchService");
    expect(described.case).toBe("fileDescriptorResponse");
  });

  it("answers a file name with that file", async () => {
    const answer = await ask({ case: "fileByFilename", value: "grpc/health/v1/health.proto" });

    expect(answer.case).toBe("fileDescriptorResponse");
  });

  it.each([
    ["symbol", { case: "fileContainingSymbol", value: "aivo.brain.v1.Nothing" }],
    ["file", { case: "fileByFilename", value: "nothing.proto" }],
  ] as const)("answers an unknown %s with NOT_FOUND and keeps the stream usable", async (_what, request) => {
    const answer = await ask(request);

    expect(answer).toMatchObject({ case: "errorResponse", value: { errorCode: 5 } });
  });
});
