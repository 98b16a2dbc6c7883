import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  DetectEmotionRequestSchema,
  DetectLearningStyleRequestSchema,
  ModelType,
  PersonalizeLearningPathRequestSchema,
  PredictDifficultyRequestSchema,
  PredictEngagementRequestSchema,
  PredictFocusRequestSchema,
  RecommendContentRequestSchema,
  RunInferenceRequestSchema,
  type RunInferenceRequest,
  type RunInferenceResponse,
} from "@aivo/gen/aivo/brain/v1/ml_pb.js";
import { BrainServiceError } from "./errors.js";

/** The seed's model names, each with its ModelType and the RunInference oneof case that carries its input and output. */
const models = {
  difficulty_prediction: { type: ModelType.DIFFICULTY_PREDICTION, field: "difficulty", schema: PredictDifficultyRequestSchema },
  engagement_prediction: { type: ModelType.ENGAGEMENT_PREDICTION, field: "engagement", schema: PredictEngagementRequestSchema },
  content_recommendation: { type: ModelType.CONTENT_RECOMMENDATION, field: "content", schema: RecommendContentRequestSchema },
  learning_style_detection: { type: ModelType.LEARNING_STYLE_DETECTION, field: "learningStyle", schema: DetectLearningStyleRequestSchema },
  emotion_detection: { type: ModelType.EMOTION_DETECTION, field: "emotion", schema: DetectEmotionRequestSchema },
  focus_prediction: { type: ModelType.FOCUS_PREDICTION, field: "focus", schema: PredictFocusRequestSchema },
  personalized_learning: { type: ModelType.PERSONALIZED_LEARNING, field: "learningPath", schema: PersonalizeLearningPathRequestSchema },
} as const;

export type ModelTypeName = keyof typeof models;

/** The seed's inference request: a model name, the model's input in camelCase, and the learner. */
export type InferenceRequest<K extends ModelTypeName = ModelTypeName> = {
  [M in K]: {
    modelType: M;
    /** input is the model's request message without learnerId, e.g. { subject, currentLevel, recentPerformance }. */
    input: Omit<MessageInitShape<(typeof models)[M]["schema"]>, "learnerId" | "$typeName">;
    /** learnerId is the learner; empty means the caller's learner. */
    learnerId?: string;
  };
}[K];

/** The model's typed answer for model K, e.g. PredictDifficultyResponse for "difficulty_prediction". */
export type Prediction<K extends ModelTypeName> = Extract<RunInferenceResponse["output"], { case: (typeof models)[K]["field"] }>["value"];

/** The seed's inference result. */
export type InferenceResult<K extends ModelTypeName = ModelTypeName> = {
  prediction: Prediction<K>;
  /** confidence is the model's confidence, 0-1. */
  confidence: number;
  modelType: K;
};

/** toRunInferenceRequest puts the input in the oneof case that model type takes. */
export function toRunInferenceRequest<K extends ModelTypeName>(request: InferenceRequest<K>): RunInferenceRequest {
  if (!Object.hasOwn(models, request.modelType)) {
    throw new BrainServiceError(`modelType: must be one of ${Object.keys(models).join(", ")}`, Code.InvalidArgument);
  }
  const model = models[request.modelType];
  // TypeScript cannot tie the oneof case to the input's type through the union; the table above does.
  const init = {
    modelType: model.type,
    input: { case: model.field, value: { ...request.input, learnerId: request.learnerId ?? "" } },
  } as MessageInitShape<typeof RunInferenceRequestSchema>;
  return create(RunInferenceRequestSchema, init);
}

/** fromRunInferenceResponse takes the model's output out of the oneof. */
export function fromRunInferenceResponse<K extends ModelTypeName>(modelType: K, response: RunInferenceResponse): InferenceResult<K> {
  const { field } = models[modelType];
  if (response.output.case !== field) {
    throw new BrainServiceError(`output: expected ${field} for ${modelType}, got ${response.output.case ?? "nothing"}`, Code.Internal);
  }
  return { prediction: response.output.value as Prediction<K>, confidence: response.confidence, modelType };
}
