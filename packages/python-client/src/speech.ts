import { create } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  AnalyzeSpeechRequestSchema,
  AudioEncoding,
  SpeechTask,
  type AnalyzeSpeechRequest,
  type AnalyzeSpeechResponse,
  type ArticulationError,
  type FluencyMetrics,
  type ProsodyMetrics,
  type TimedWord,
} from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { BrainServiceError } from "./errors.js";

const speechTasks = {
  full: SpeechTask.UNSPECIFIED,
  articulation: SpeechTask.ARTICULATION,
  fluency: SpeechTask.FLUENCY,
  prosody: SpeechTask.PROSODY,
  transcription: SpeechTask.TRANSCRIPTION,
} as const;

const audioEncodings = {
  wav: AudioEncoding.WAV,
  flac: AudioEncoding.FLAC,
  ogg: AudioEncoding.OGG,
  pcm_s16le: AudioEncoding.PCM_S16LE,
} as const;

/** The seed's speech request: the recording as base64 or bytes, the child's age in years. */
export type SpeechAnalysisRequest = ({ audioBase64: string; audio?: never } | { audio: Uint8Array; audioBase64?: never }) & {
  /** sampleRate is the sample rate in hertz; required for raw PCM, checked against the header otherwise. */
  sampleRate?: number;
  /** childAge is the speaker's age in years (fractions allowed); the brain takes months. */
  childAge: number;
  /** taskType is the exercise's focus; "full" runs every analysis. */
  taskType?: keyof typeof speechTasks;
  /** targetText is what the child was asked to say; articulation needs it. */
  targetText?: string;
  /** encoding is the audio format; by default the brain reads it from the file header. */
  encoding?: keyof typeof audioEncodings;
};

/** The seed's speech result, flattened from AnalyzeSpeechResponse. */
export type SpeechAnalysisResponse = {
  transcription: string;
  words: TimedWord[];
  articulationErrors: ArticulationError[];
  /** percentConsonantsCorrect is PCC, 0-100, when targetText was given. */
  percentConsonantsCorrect?: number;
  fluencyMetrics?: FluencyMetrics;
  prosodyMetrics?: ProsodyMetrics;
  warnings: string[];
};

// Standard base64, padded or not; Buffer.from would silently drop anything else.
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

function invalid(field: string, problem: string): BrainServiceError {
  return new BrainServiceError(`${field}: ${problem}`, Code.InvalidArgument);
}

/** choose is table[key], refusing a key that is not one of the table's own (plain JavaScript callers can pass anything). */
function choose<T>(field: string, table: Record<string, T>, key: string): T {
  if (!Object.hasOwn(table, key)) throw invalid(field, `must be one of ${Object.keys(table).join(", ")}`);
  return table[key];
}

function audioBytes(request: SpeechAnalysisRequest): Uint8Array {
  if (request.audio !== undefined) return request.audio;
  const text = request.audioBase64.replace(/\s+/g, "");
  if (!base64.test(text) || text.length % 4 === 1) throw invalid("audioBase64", "is not valid base64");
  return Buffer.from(text, "base64");
}

/** toAnalyzeSpeechRequest converts the seed's request into the contract's message. */
export function toAnalyzeSpeechRequest(request: SpeechAnalysisRequest): AnalyzeSpeechRequest {
  if (!Number.isFinite(request.childAge) || request.childAge < 0) throw invalid("childAge", "must be an age in years");
  const task = choose("taskType", speechTasks, request.taskType ?? "full");
  const encoding = request.encoding === undefined ? AudioEncoding.UNSPECIFIED : choose("encoding", audioEncodings, request.encoding);
  const sampleRate = request.sampleRate ?? 0;
  if (!Number.isInteger(sampleRate) || sampleRate < 0) throw invalid("sampleRate", "must be a whole number of hertz");
  return create(AnalyzeSpeechRequestSchema, {
    audio: { data: audioBytes(request), encoding, sampleRateHz: sampleRate },
    childAgeMonths: Math.round(request.childAge * 12),
    task,
    targetText: request.targetText ?? "",
  });
}

/** fromAnalyzeSpeechResponse flattens the contract's answer into the seed's result. */
export function fromAnalyzeSpeechResponse(response: AnalyzeSpeechResponse): SpeechAnalysisResponse {
  return {
    transcription: response.transcript?.text ?? "",
    words: response.transcript?.words ?? [],
    articulationErrors: response.articulation?.errors ?? [],
    percentConsonantsCorrect: response.articulation?.percentConsonantsCorrect,
    fluencyMetrics: response.fluency,
    prosodyMetrics: response.prosody,
    warnings: response.warnings,
  };
}
