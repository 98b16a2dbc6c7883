export { BrainServiceClient, getBrainServiceClient, type BrainServiceClientOptions, type HealthCheckResult } from "./client.js";
export type { ChatMessage, GenerateOptions, GenerateResult, GenerationInfo, GenerationStream, UsageReport } from "./ai.js";
export { BrainServiceError, BrainServiceTimeoutError, BrainServiceUnavailableError } from "./errors.js";
export type { InferenceRequest, InferenceResult, ModelTypeName, Prediction } from "./inference.js";
export type { RetryOptions } from "./retry.js";
export type { SpeechAnalysisRequest, SpeechAnalysisResponse } from "./speech.js";
export type { TokenSource } from "./auth.js";
