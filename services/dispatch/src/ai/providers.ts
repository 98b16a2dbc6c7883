import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createMistral } from "@ai-sdk/mistral";
import { createOpenAI } from "@ai-sdk/openai";
import type { LanguageModelV2 } from "@ai-sdk/provider";
import type { EnvReader } from "@aivo/mesh-node";

export const PROVIDERS = ["openai", "anthropic", "google", "mistral"] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** ProviderAccess is how to reach one provider's HTTP API. */
export interface ProviderAccess {
  apiKey: string;
  /** baseUrl replaces the provider's public API address (a proxy, a regional endpoint, a test server). */
  baseUrl?: string;
}

/** Each provider's key variable; its base URL variable is the same name with _BASE_URL for _API_KEY. */
const keyVariables: Record<ProviderName, string> = {
  openai: "OPENAI_API_KEY",
  anthropic: "ANTHROPIC_API_KEY",
  google: "GOOGLE_GENERATIVE_AI_API_KEY",
  mistral: "MISTRAL_API_KEY",
};

/** readProviders reads the providers that have a key; a provider without one is not in any route. */
export function readProviders(env: EnvReader): Partial<Record<ProviderName, ProviderAccess>> {
  const access: Partial<Record<ProviderName, ProviderAccess>> = {};
  for (const provider of PROVIDERS) {
    const apiKey = env.optional(keyVariables[provider]);
    if (apiKey === undefined) continue;
    const urlVariable = keyVariables[provider].replace(/_API_KEY$/, "_BASE_URL");
    access[provider] = { apiKey, baseUrl: env.optional(urlVariable) === undefined ? undefined : env.url(urlVariable) };
  }
  return access;
}

type Settings = { apiKey: string; baseURL?: string; fetch: typeof fetch };

/** Each provider's AI SDK model for chat; OpenAI's is chat completions, not its Responses API. */
const factories: Record<ProviderName, (settings: Settings, model: string) => LanguageModelV2> = {
  openai: (settings, model) => createOpenAI(settings).chat(model),
  anthropic: (settings, model) => createAnthropic(settings)(model),
  google: (settings, model) => createGoogleGenerativeAI(settings)(model),
  mistral: (settings, model) => createMistral(settings)(model),
};

/** languageModel is the AI SDK model of one deployment, calling its provider through `fetch`. */
export function languageModel(provider: ProviderName, { apiKey, baseUrl }: ProviderAccess, model: string, fetch: typeof globalThis.fetch): LanguageModelV2 {
  return factories[provider]({ apiKey, baseURL: baseUrl, fetch }, model);
}
