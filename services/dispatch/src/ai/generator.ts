// Generation, the domain core of Generate and GenerateStream: resolve the alias, admit the tenant
// (rate limits, then a budget hold of the worst-case cost), fail over across the deployments,
// then settle the real cost. Transport-free: the service is a thin shell around it.
import type { LanguageModelV2, LanguageModelV2CallOptions, LanguageModelV2Prompt, LanguageModelV2Usage } from "@ai-sdk/provider";
import type { MessageInitShape } from "@bufbuild/protobuf";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Logger } from "@aivo/mesh-node";
import { ChatRole, type GenerateRequest, type GenerationSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { AiConfig, Deployment } from "./ai-config.js";
import type { Cooldowns } from "./cooldown.js";
import { deadline } from "./deadline.js";
import { costNanoUsd, maxInputTokens, worstCaseNanoUsd } from "./cost.js";
import { deploymentKey, failover, type Answered } from "./failover.js";
import { describeFailure } from "./failure.js";
import type { Budgets, Hold } from "./budgets.js";
import type { TenantLimits } from "./limits.js";
import { PartialUsage } from "./partial-usage.js";
import { providerFetch } from "./provider-fetch.js";
import type { ProviderMetrics } from "./provider-metrics.js";
import { openStream, partsOf, type Opened } from "./stream-start.js";
import { languageModel, type ProviderAccess, type ProviderName } from "./providers.js";

export type Generation = MessageInitShape<typeof GenerationSchema>;

export interface GeneratorDeps {
  config: AiConfig;
  /** providers are those with a key; the others are left out of every route. */
  providers: Partial<Record<ProviderName, ProviderAccess>>;
  budgets: Budgets;
  limits: TenantLimits;
  cooldowns: Cooldowns;
  metrics: ProviderMetrics;
  logger: Logger;
  now?: () => Date;
}

/** GenerateCall is who asks and until when. */
export interface GenerateCall {
  tenant: string;
  requestId?: string;
  /** signal is the caller's cancellation; timeoutMs its remaining deadline, if it set one. */
  signal: AbortSignal;
  timeoutMs?: number;
}

export type StreamEvent = { case: "delta"; value: string } | { case: "done"; value: Generation };

export interface Generator {
  generate(request: GenerateRequest, call: GenerateCall): Promise<{ text: string; generation: Generation }>;
  stream(request: GenerateRequest, call: GenerateCall): AsyncGenerator<StreamEvent>;
}

/** An admitted request: its budget hold, and the day (YYYY-MM-DD, UTC) its usage is booked on, the hold's month's. */
type Admitted = Hold & { day: string };

const roles = { [ChatRole.SYSTEM]: "system", [ChatRole.USER]: "user", [ChatRole.ASSISTANT]: "assistant" } as const;

const promptCharacters = (request: GenerateRequest) => request.messages.reduce((sum, m) => sum + m.content.length, 0);

function prompt(request: GenerateRequest): LanguageModelV2Prompt {
  return request.messages.map(({ role, content }) => {
    const speaker = roles[role as keyof typeof roles];
    return speaker === "system" ? { role: speaker, content } : { role: speaker, content: [{ type: "text", text: content }] };
  });
}

export function generator({ config, providers, budgets, limits, cooldowns, metrics, logger, now = () => new Date() }: GeneratorDeps): Generator {
  const models = new Map<string, LanguageModelV2>();
  const fetch = providerFetch();
  const modelOf = (d: Deployment) => {
    const key = deploymentKey(d);
    let model = models.get(key);
    if (!model) models.set(key, (model = languageModel(d.provider, providers[d.provider]!, d.model, fetch)));
    return model;
  };
  const known = [...config.aliases.keys()].sort().join(", ");
  const priceOf = (d: Deployment) => config.prices.get(deploymentKey(d))!;

  function route(alias: string): readonly Deployment[] {
    const deployments = config.aliases.get(alias);
    if (!deployments) throw new ConnectError(`model: unknown model alias "${alias}"; known aliases: ${known}`, Code.InvalidArgument);
    const usable = deployments.filter((d) => providers[d.provider] !== undefined);
    if (usable.length === 0) throw new ConnectError(`model: no provider of alias "${alias}" has an API key configured`, Code.FailedPrecondition);
    return usable;
  }

  /** admit checks the tenant's rate limits and holds the request's worst-case cost on its budget. */
  async function admit(request: GenerateRequest, deployments: readonly Deployment[], { tenant, timeoutMs }: GenerateCall): Promise<Admitted> {
    await limits.admit(tenant);
    const day = now().toISOString().slice(0, 10);
    const month = day.slice(0, 7);
    const maxOutput = request.maxTokens ?? config.defaultMaxTokens;
    const amount = worstCaseNanoUsd(deployments.map(priceOf), maxInputTokens(request.messages.map((m) => m.content)), maxOutput);
    const { hardNanoUsd } = config.budgetOf(tenant);
    const held = await budgets.hold(tenant, month, amount, hardNanoUsd, timeoutMs ?? config.requestTimeoutMs);
    if (!held) {
      const { spent, reserved } = await budgets.state(tenant, month);
      logger.warn({ tenant_id: tenant, spent_nano_usd: spent, reserved_nano_usd: reserved, hard_limit_nano_usd: hardNanoUsd }, "hard budget reached");
      throw new ConnectError(
        `tenant ${tenant} reached its hard budget: this request could cost ${amount} nano-USD, ${spent} spent and ${reserved} held of ${hardNanoUsd}`,
        Code.ResourceExhausted,
      );
    }
    return { ...held, day };
  }

  /** charge settles the hold with the cost of the tokens used; it answers the month's spending and the charge. */
  async function charge(call: GenerateCall, hold: Admitted, deployment: Deployment, inputTokens: number, outputTokens: number) {
    const { provider, model } = deployment;
    const cost = costNanoUsd(priceOf(deployment), inputTokens, outputTokens);
    const spent = await budgets.settle(hold, { tenant: call.tenant, day: hold.day, provider, model, inputTokens, outputTokens, costNanoUsd: cost });
    // Tokens per minute are counted behind the answer: with Redis, waiting would add a round trip to every call.
    limits.used(call.tenant, inputTokens + outputTokens).catch((error: unknown) => logger.warn({ tenant_id: call.tenant, error: String(error) }, "counting tokens per minute failed"));
    metrics.usage(provider, model, inputTokens, outputTokens, cost);
    return { spent, cost };
  }

  /** settle charges the answered request and returns its Generation, with a warning past the soft budget. */
  async function settle(call: GenerateCall, hold: Admitted, answered: Answered<unknown>, usage: LanguageModelV2Usage, finishReason: string): Promise<Generation> {
    const { provider, model } = answered.deployment;
    const inputTokens = usage.inputTokens ?? 0;
    const outputTokens = usage.outputTokens ?? 0;
    const { spent, cost } = await charge(call, hold, answered.deployment, inputTokens, outputTokens);
    const line = { request_id: call.requestId, tenant_id: call.tenant, provider, model, attempts: answered.attempts, input_tokens: inputTokens, output_tokens: outputTokens, cost_nano_usd: cost };
    logger.info(line, "generation answered");
    const warnings: string[] = [];
    const { softNanoUsd } = config.budgetOf(call.tenant);
    if (softNanoUsd > 0 && spent >= softNanoUsd) {
      warnings.push(`tenant ${call.tenant} passed its soft budget: ${spent} of ${softNanoUsd} nano-USD spent this month`);
      logger.warn({ ...line, spent_nano_usd: spent, soft_limit_nano_usd: softNanoUsd }, "soft budget passed");
    }
    return { provider, model, inputTokens: BigInt(inputTokens), outputTokens: BigInt(outputTokens), costNanoUsd: BigInt(cost), priceVersion: config.priceVersion, finishReason, attempts: answered.attempts, warnings };
  }

  /** run fails over `attempt` across the deployments within the call's deadline, with metrics and logs per provider call. */
  function run<T>(alias: string, deployments: readonly Deployment[], call: GenerateCall, signal: AbortSignal, attempt: (model: LanguageModelV2, signal: AbortSignal) => PromiseLike<T>) {
    return failover(
      deployments,
      async (d, attemptSignal) => {
        const started = performance.now();
        let outcome = "ok";
        try {
          return await attempt(modelOf(d), attemptSignal);
        } catch (error) {
          outcome = describeFailure(error);
          throw error;
        } finally {
          metrics.call(d.provider, d.model, outcome, performance.now() - started);
        }
      },
      {
        retry: config.retry,
        cooldowns,
        signal,
        onFailure(d, error, failedOver) {
          logger.warn({ request_id: call.requestId, tenant_id: call.tenant, provider: d.provider, model: d.model, error: describeFailure(error), failed_over: failedOver }, "provider call failed");
          if (failedOver) metrics.failover(alias, d.provider, d.model);
        },
      },
    );
  }

  /** requestDeadline bounds the whole call, failover included: the caller's deadline, or the configured one. */
  const requestDeadline = (call: GenerateCall) =>
    deadline(call.signal, call.timeoutMs ?? config.requestTimeoutMs, () => new ConnectError("the request's deadline passed", Code.DeadlineExceeded));

  const callOptions = (request: GenerateRequest, abortSignal: AbortSignal): LanguageModelV2CallOptions => ({
    prompt: prompt(request),
    maxOutputTokens: request.maxTokens ?? config.defaultMaxTokens,
    temperature: request.temperature,
    topP: request.topP,
    abortSignal,
  });

  return {
    async generate(request, call) {
      const deployments = route(request.model);
      const hold = await admit(request, deployments, call);
      const within = requestDeadline(call);
      let settled = false;
      try {
        const answered = await run(request.model, deployments, call, within.signal, (model, signal) => model.doGenerate(callOptions(request, signal)));
        const { content, usage, finishReason } = answered.value;
        const text = content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
        const generation = await settle(call, hold, answered, usage, finishReason);
        settled = true;
        return { text, generation };
      } finally {
        within.clear();
        if (!settled) await budgets.release(hold);
      }
    },

    async *stream(request, call) {
      const deployments = route(request.model);
      const hold = await admit(request, deployments, call);
      const sofar = new PartialUsage();
      let answered: Answered<Opened> | undefined;
      const within = requestDeadline(call);
      let settled = false;
      try {
        answered = await run(request.model, deployments, call, within.signal, (model, signal) => openStream(model, { ...callOptions(request, signal), includeRawChunks: true }));
        let usage: LanguageModelV2Usage = { inputTokens: undefined, outputTokens: undefined, totalTokens: undefined };
        let finishReason = "unknown";
        try {
          for await (const part of partsOf(answered.value)) {
            if (part.type === "text-delta") {
              sofar.text(part.delta);
              yield { case: "delta", value: part.delta };
            } else if (part.type === "raw") sofar.raw(part.rawValue);
            else if (part.type === "finish") ({ usage, finishReason } = part);
            else if (part.type === "error") throw part.error;
          }
        } catch (error) {
          const { provider, model } = answered.deployment;
          logger.warn({ request_id: call.requestId, tenant_id: call.tenant, provider, model, error: describeFailure(error) }, "stream failed after its first token");
          throw new ConnectError(`${deploymentKey(answered.deployment)} failed after the first token: ${describeFailure(error)}`, Code.Unavailable);
        }
        const generation = await settle(call, hold, answered, usage, finishReason);
        settled = true;
        yield { case: "done", value: generation };
      } finally {
        within.clear();
        // A stream cut short after it started (a provider failure, or the caller leaving) is charged what was produced.
        if (!settled && answered) {
          const [inputTokens, outputTokens] = sofar.charge(promptCharacters(request));
          const { cost } = await charge(call, hold, answered.deployment, inputTokens, outputTokens);
          const { provider, model } = answered.deployment;
          logger.info({ request_id: call.requestId, tenant_id: call.tenant, provider, model, input_tokens: inputTokens, output_tokens: outputTokens, cost_nano_usd: cost }, "stream cut short: charged the tokens so far");
        } else if (!settled) await budgets.release(hold);
      }
    },
  };
}
