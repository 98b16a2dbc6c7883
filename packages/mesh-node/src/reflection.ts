// grpc.reflection.v1.ServerReflection over Connect, answering from the file descriptors of the
// served services (with everything they import), so grpcurl can `list` and `describe`.
import { create, createRegistry, toBinary, type DescFile, type DescService, type MessageInitShape } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import { filesOf } from "./descriptors.js";
import { Code } from "@connectrpc/connect";
import {
  ServerReflection,
  ServerReflectionResponseSchema,
  type ServerReflectionRequest,
} from "@aivo/gen/grpc/reflection/v1/reflection_pb.js";

export { ServerReflection as ReflectionService };

type Answer = MessageInitShape<typeof ServerReflectionResponseSchema>["messageResponse"];

export interface ReflectionOptions {
  /**
   * alsoDescribe are services not served here whose messages travel inside a served one's
   * google.protobuf.Any (dispatch carries brain requests), so clients can resolve those types. Default none.
   */
  alsoDescribe?: readonly DescService[];
}

/**
 * reflectionService describes `services` (list them all, including health and reflection themselves
 * when served). Unknown files and symbols are answered with an error response (NOT_FOUND), as the
 * reflection protocol asks, and the stream stays open.
 */
export function reflectionService(services: readonly DescService[], { alsoDescribe = [] }: ReflectionOptions = {}): ServiceImpl<typeof ServerReflection> {
  const files = filesOf([...services, ...alsoDescribe]);
  const registry = createRegistry(...files.values());

  // A file comes with everything it imports, transitively, each file once: the requested one first.
  const withImports = (file: DescFile): Answer => {
    const seen = new Set<DescFile>();
    const walk = (f: DescFile): void => {
      if (seen.has(f)) return;
      seen.add(f);
      f.dependencies.forEach(walk);
    };
    walk(file);
    const fileDescriptorProto = [...seen].map((f) => toBinary(FileDescriptorProtoSchema, f.proto));
    return { case: "fileDescriptorResponse", value: { fileDescriptorProto } };
  };
  const notFound = (what: string): Answer => ({
    case: "errorResponse",
    value: { errorCode: Code.NotFound, errorMessage: `${what} not found` },
  });

  const fileContainingSymbol = (symbol: string): DescFile | undefined => {
    const desc = registry.get(symbol);
    if (desc) return desc.file;
    // A method is named "package.Service.Method".
    const dot = symbol.lastIndexOf(".");
    const service = registry.getService(symbol.slice(0, dot));
    return service?.methods.some((m) => m.name === symbol.slice(dot + 1)) ? service.file : undefined;
  };

  const answer = ({ messageRequest: request }: ServerReflectionRequest): Answer => {
    switch (request.case) {
      case "listServices":
        return { case: "listServicesResponse", value: { service: services.map((s) => ({ name: s.typeName })) } };
      case "fileByFilename": {
        const file = files.get(request.value);
        return file ? withImports(file) : notFound(`file "${request.value}"`);
      }
      case "fileContainingSymbol": {
        const file = fileContainingSymbol(request.value);
        return file ? withImports(file) : notFound(`symbol "${request.value}"`);
      }
      case "fileContainingExtension": {
        const { containingType, extensionNumber } = request.value;
        const message = registry.getMessage(containingType);
        const extension = message && registry.getExtensionFor(message, extensionNumber);
        return extension ? withImports(extension.file) : notFound(`extension ${extensionNumber} of "${containingType}"`);
      }
      case "allExtensionNumbersOfType": {
        if (!registry.getMessage(request.value)) return notFound(`type "${request.value}"`);
        const extensionNumber = [...registry].flatMap((d) =>
          d.kind === "extension" && d.extendee.typeName === request.value ? [d.number] : [],
        );
        return { case: "allExtensionNumbersResponse", value: { baseTypeName: request.value, extensionNumber } };
      }
      default:
        return { case: "errorResponse", value: { errorCode: Code.InvalidArgument, errorMessage: "message_request: one of the requests must be set" } };
    }
  };

  return {
    async *serverReflectionInfo(requests) {
      for await (const request of requests) {
        yield create(ServerReflectionResponseSchema, {
          validHost: request.host,
          originalRequest: request,
          messageResponse: answer(request),
        });
      }
    },
  };
}
