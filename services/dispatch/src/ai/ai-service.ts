// The transport shell of Generate, GenerateStream and GetUsage: check the request against the
// contract's rules, read the tenant and deadline from the call, hand over to the domain.
import type { HandlerContext, ServiceImpl } from "@connectrpc/connect";
import { Code, ConnectError } from "@connectrpc/connect";
import { createValidator } from "@bufbuild/protovalidate";
import { checkMessage, readIdentity } from "@aivo/mesh-node";
import { DispatchService, GenerateRequestSchema, GenerateStreamRequestSchema, GetUsageRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { AiConfig } from "./ai-config.js";
import type { Budgets } from "./budgets.js";
import type { GenerateCall, Generator } from "./generator.js";
import { usageReport } from "./usage-report.js";

export interface Ai {
  config: AiConfig;
  generator: Generator;
  budgets: Budgets;
}

type AiMethods = Pick<ServiceImpl<typeof DispatchService>, "generate" | "generateStream" | "getUsage">;

function tenantOf(ctx: HandlerContext): string {
  const tenant = readIdentity(ctx.requestHeader).tenantId;
  if (!tenant) throw new ConnectError("x-tenant-id: required for AI calls, which are budgeted per tenant", Code.InvalidArgument);
  return tenant;
}

function callOf(ctx: HandlerContext): GenerateCall {
  return { tenant: tenantOf(ctx), requestId: readIdentity(ctx.requestHeader).requestId, signal: ctx.signal, timeoutMs: ctx.timeoutMs() };
}

export function aiService({ config, generator, budgets }: Ai): AiMethods {
  const validator = createValidator();
  return {
    async generate(request, ctx) {
      checkMessage(validator, GenerateRequestSchema, request);
      return generator.generate(request, callOf(ctx));
    },
    async *generateStream(streamRequest, ctx) {
      checkMessage(validator, GenerateStreamRequestSchema, streamRequest);
      for await (const event of generator.stream(streamRequest.request!, callOf(ctx))) yield { event };
    },
    async getUsage(request, ctx) {
      checkMessage(validator, GetUsageRequestSchema, request);
      return usageReport(budgets, config, tenantOf(ctx), request);
    },
  };
}
