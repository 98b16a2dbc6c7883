import { create } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import { identityHeaders, readIdentity } from "@aivo/mesh-node";
import { DispatchService, TaskRouteSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { aiService, type Ai } from "./ai/ai-service.js";
import type { Brain } from "./brain.js";
import { methodPath, type RoutingTable } from "./routing-table.js";
import { taskCalls } from "./task-call.js";

export interface DispatchDeps {
  table: RoutingTable;
  brain: Brain;
  /** brainTimeoutMs is the deadline of a brain call when the caller set none, in milliseconds. */
  brainTimeoutMs: number;
  /** ai serves Generate, GenerateStream and GetUsage. */
  ai: Ai;
}

/** dispatchService routes tasks to the brain (resolve and check, call, pack the answer) and AI requests to providers. */
export function dispatchService({ table, brain, brainTimeoutMs, ai }: DispatchDeps): ServiceImpl<typeof DispatchService> {
  const resolve = taskCalls(table);
  const routes = [...table].map(([task, method]) =>
    create(TaskRouteSchema, { task, method: methodPath(method), inputType: method.input.typeName, outputType: method.output.typeName }),
  );
  return {
    async routeTask({ task, input }, ctx) {
      const { method, request } = resolve(task, input);
      const output = await brain(method, request, {
        signal: ctx.signal,
        timeoutMs: ctx.timeoutMs() ?? brainTimeoutMs,
        headers: identityHeaders(readIdentity(ctx.requestHeader)),
      });
      return { method: methodPath(method), output: anyPack(method.output, output) };
    },
    listTasks() {
      return { routes };
    },
    ...aiService(ai),
  };
}
