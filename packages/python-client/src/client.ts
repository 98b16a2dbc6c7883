import { createClient, type Client } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { Health, HealthCheckResponse_ServingStatus } from "@aivo/gen/grpc/health/v1/health_pb.js";
import { fromGeneration, fromGetUsageResponse, GenerationStream, toGenerateRequest, type GenerateOptions, type GenerateResult, type UsageReport } from "./ai.js";
import { bearerToken, type TokenSource } from "./auth.js";
import { fromRunInferenceResponse, toRunInferenceRequest, type InferenceRequest, type InferenceResult, type ModelTypeName } from "./inference.js";
import { retrying, retryOptions, type RetryOptions } from "./retry.js";
import { fromAnalyzeSpeechResponse, toAnalyzeSpeechRequest, type SpeechAnalysisRequest, type SpeechAnalysisResponse } from "./speech.js";
import { validateRequests } from "./validation.js";

export type BrainServiceClientOptions = {
  /** baseUrl is the brain or the gateway, `http://host:port`; default BRAIN_SERVICE_URL, else http://localhost:5000. */
  baseUrl?: string;
  /** timeout is each attempt's deadline in milliseconds; default BRAIN_SERVICE_TIMEOUT, else 30000. */
  timeout?: number;
  /** token is sent as a bearer token: a user JWT for the gateway, a service token for the brain. */
  token?: TokenSource;
  /** retry overrides parts of the default policy (3 retries after 1 s, 2 s, 4 s). */
  retry?: Partial<RetryOptions>;
};

export type HealthCheckResult = {
  status: "healthy" | "unhealthy";
  /** latencyMs is how long the check took, in milliseconds. */
  latencyMs: number;
};

// The seed names these variables; an empty one counts as unset.
const env = (name: string): string | undefined => process.env[name] || undefined;

function timeoutMs(options: BrainServiceClientOptions): number {
  const value = options.timeout ?? Number(env("BRAIN_SERVICE_TIMEOUT") ?? 30000);
  if (!Number.isFinite(value) || value <= 0) throw new TypeError(`timeout must be a positive number of milliseconds, got ${value}`);
  return value;
}

/** The seed's client for the AIVO brain, over gRPC. */
export class BrainServiceClient {
  /** brain is the generated client: every BrainService RPC, typed, with validation, retries and error mapping. */
  readonly brain: Client<typeof BrainService>;
  /** dispatch is the same for DispatchService (AI generation, usage, task routing), served by the gateway and dispatch. */
  readonly dispatch: Client<typeof DispatchService>;
  readonly #health: Client<typeof Health>;

  constructor(options: BrainServiceClientOptions = {}) {
    const transport = createGrpcTransport({
      baseUrl: options.baseUrl ?? env("BRAIN_SERVICE_URL") ?? "http://localhost:5000",
      defaultTimeoutMs: timeoutMs(options),
      interceptors: options.token === undefined ? [validateRequests] : [bearerToken(options.token), validateRequests],
    });
    const retried = retrying(transport, retryOptions(options.retry));
    this.brain = createClient(BrainService, retried);
    this.dispatch = createClient(DispatchService, retried);
    // A health probe answers once: retrying would only delay the "unhealthy" it has to report.
    this.#health = createClient(Health, transport);
  }

  /** healthCheck asks grpc.health.v1 whether the server is serving; it never throws. */
  async healthCheck(): Promise<HealthCheckResult> {
    const started = performance.now();
    const status = await this.#health.check({}).then(
      (response) => response.status === HealthCheckResponse_ServingStatus.SERVING,
      () => false,
    );
    return { status: status ? "healthy" : "unhealthy", latencyMs: performance.now() - started };
  }

  /** analyzeSpeech runs every speech analysis of one recording (AnalyzeSpeech). */
  async analyzeSpeech(request: SpeechAnalysisRequest): Promise<SpeechAnalysisResponse> {
    return fromAnalyzeSpeechResponse(await this.brain.analyzeSpeech(toAnalyzeSpeechRequest(request)));
  }

  /** runInference runs one ML model by its seed name (RunInference). */
  async runInference<K extends ModelTypeName>(request: InferenceRequest<K>): Promise<InferenceResult<K>> {
    return fromRunInferenceResponse(request.modelType, await this.brain.runInference(toRunInferenceRequest(request)));
  }

  /** generate answers a chat with the first healthy provider of a model alias (Generate, through the gateway or dispatch). */
  async generate(options: GenerateOptions): Promise<GenerateResult> {
    const { text, generation } = await this.dispatch.generate(toGenerateRequest(options));
    return { text, ...fromGeneration(generation) };
  }

  /** streamGenerate is generate token by token (GenerateStream): iterate it for the tokens, then read its `generation`. */
  streamGenerate(options: GenerateOptions): GenerationStream {
    const request = toGenerateRequest(options);
    return new GenerationStream(() => this.dispatch.generateStream({ request }));
  }

  /** getUsage reports the caller's tenant's AI usage from `fromDay` to `toDay` (YYYY-MM-DD; default this month) and its budget. */
  async getUsage(range: { fromDay?: string; toDay?: string } = {}): Promise<UsageReport> {
    return fromGetUsageResponse(await this.dispatch.getUsage(range));
  }
}

/** getBrainServiceClient is the seed's factory for BrainServiceClient. */
export function getBrainServiceClient(options: BrainServiceClientOptions = {}): BrainServiceClient {
  return new BrainServiceClient(options);
}
