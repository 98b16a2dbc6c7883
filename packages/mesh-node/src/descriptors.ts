// The files behind a set of services, with everything they import: what reflection describes and
// what the JSON codec needs to read and write google.protobuf.Any fields.
import { createRegistry, type DescFile, type DescService, type Registry } from "@bufbuild/protobuf";

/** filesOf are the files declaring `services` and every file they import, transitively, by file name. */
export function filesOf(services: readonly DescService[]): Map<string, DescFile> {
  const files = new Map<string, DescFile>();
  const collect = (file: DescFile): void => {
    if (files.has(file.proto.name)) return;
    files.set(file.proto.name, file);
    file.dependencies.forEach(collect);
  };
  services.forEach((service) => collect(service.file));
  return files;
}

/** typeRegistry holds every message, enum and extension those files declare (pass it as jsonOptions.registry). */
export function typeRegistry(services: readonly DescService[]): Registry {
  return createRegistry(...filesOf(services).values());
}
