import type { MessageInitShape } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import type { GetUsageResponseSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { AiConfig } from "./ai-config.js";
import type { Budgets } from "./budgets.js";

/**
 * usageReport is a tenant's usage rows from `fromDay` to `toDay` (YYYY-MM-DD; empty: the current
 * month's first day and today) and its budget for the current month.
 */
export async function usageReport(
  budgets: Budgets,
  config: AiConfig,
  tenant: string,
  { fromDay, toDay }: { fromDay: string; toDay: string },
  now: Date = new Date(),
): Promise<MessageInitShape<typeof GetUsageResponseSchema>> {
  const today = now.toISOString().slice(0, 10);
  const month = today.slice(0, 7);
  const from = fromDay || `${month}-01`;
  const to = toDay || today;
  if (from > to) throw new ConnectError(`from_day: must not be after to_day (${from} > ${to})`, Code.InvalidArgument);
  const rows = await budgets.usage(tenant, from, to);
  const { spent, reserved } = await budgets.state(tenant, month);
  const { softNanoUsd, hardNanoUsd } = config.budgetOf(tenant);
  return {
    rows: rows.map((r) => ({ ...r, requests: BigInt(r.requests), inputTokens: BigInt(r.inputTokens), outputTokens: BigInt(r.outputTokens), costNanoUsd: BigInt(r.costNanoUsd) })),
    totalCostNanoUsd: BigInt(rows.reduce((sum, r) => sum + r.costNanoUsd, 0)),
    budget: { month, spentNanoUsd: BigInt(spent), reservedNanoUsd: BigInt(reserved), softLimitNanoUsd: BigInt(softNanoUsd), hardLimitNanoUsd: BigInt(hardNanoUsd) },
  };
}
