import { createRegistry, type Registry } from "@bufbuild/protobuf";
import type { ConnectRouter, ServiceImpl } from "@connectrpc/connect";
import { HealthService, healthService, ReflectionService, reflectionService, type HealthStatus } from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { RoutingTable } from "./routing-table.js";

/** routes serves DispatchService's implementation, plus grpc.health.v1 and reflection. */
export function routes(dispatch: ServiceImpl<typeof DispatchService>, health: HealthStatus): (router: ConnectRouter) => void {
  return (router) => {
    router.service(DispatchService, dispatch);
    router.service(HealthService, healthService(health));
    // The brain's messages travel inside RouteTask's Any: described, so grpcurl can write them as JSON.
    router.service(ReflectionService, reflectionService([DispatchService, HealthService, ReflectionService], { alsoDescribe: [BrainService] }));
  };
}

/** taskMessages are the messages a RouteTask Any can carry, so Connect's JSON codec can read and write them. */
export function taskMessages(table: RoutingTable): Registry {
  return createRegistry(...[...table.values()].flatMap((method) => [method.input, method.output]));
}
