import { getOption, type DescMethodUnary, type DescService } from "@bufbuild/protobuf";
import { task } from "@aivo/gen/aivo/brain/v1/options_pb.js";

/** A routing table: the seed's task names and the unary brain RPCs that serve them. */
export type RoutingTable = ReadonlyMap<string, DescMethodUnary>;

/**
 * Builds the routing table from the `(aivo.brain.v1.task)` option on each RPC of the service,
 * so the contract is the only place a task name is written down. RPCs without the option
 * (RunInference, GetServiceStatus) are not tasks.
 */
export function routingTable(service: DescService): RoutingTable {
  const table = new Map<string, DescMethodUnary>();
  for (const method of service.methods) {
    const name = getOption(method, task);
    if (name === "") continue;
    if (method.methodKind !== "unary") {
      throw new Error(`${method.parent.typeName}/${method.name} carries task "${name}" but is not unary`);
    }
    const taken = table.get(name);
    if (taken) throw new Error(`task "${name}" is on both ${taken.name} and ${method.name}`);
    table.set(name, method as DescMethodUnary);
  }
  return table;
}

/** methodPath is the gRPC path of an RPC without the leading slash, e.g. "aivo.brain.v1.BrainService/AnalyzeFocus". */
export function methodPath(method: DescMethodUnary): string {
  return `${method.parent.typeName}/${method.name}`;
}
