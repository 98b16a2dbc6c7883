import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { ModelType, RunInferenceResponseSchema } from "@aivo/gen/aivo/brain/v1/ml_pb.js";
import { fromRunInferenceResponse, toRunInferenceRequest, type InferenceRequest } from "./inference.js";

describe("toRunInferenceRequest", () => {
  it("puts the seed's camelCase difficulty input and the learner into the typed request", () => {
    const request = toRunInferenceRequest({
      modelType: "difficulty_prediction",
      input: { subject: "math", currentLevel: 5, recentPerformance: [0.8, 0.75, 0.9] },
      learnerId: "learner-123",
    });

    expect(request.modelType).toBe(ModelType.DIFFICULTY_PREDICTION);
    expect(request.input.case).toBe("difficulty");
    expect(request.input.value).toMatchObject({
      subject: "math",
      currentLevel: 5,
      recentPerformance: [0.8, 0.75, 0.9],
      learnerId: "learner-123",
    });
  });

  it("uses the oneof case of the model type for every model", () => {
    const request = toRunInferenceRequest({ modelType: "emotion_detection", input: { text: "this is too hard" } });

    expect(request.modelType).toBe(ModelType.EMOTION_DETECTION);
    expect(request.input).toMatchObject({ case: "emotion", value: { text: "this is too hard", learnerId: "" } });
  });

  it.each(["mind_reading", "constructor"])("refuses the unknown model type %s with INVALID_ARGUMENT listing the known ones", (modelType) => {
    const request = { modelType, input: {} } as unknown as InferenceRequest;

    expect(() => toRunInferenceRequest(request)).toThrow(
      expect.objectContaining({ code: Code.InvalidArgument, message: expect.stringContaining("difficulty_prediction") }),
    );
  });
});

describe("fromRunInferenceResponse", () => {
  it("returns the model's output as the prediction, with confidence and model type", () => {
    const response = create(RunInferenceResponseSchema, {
      output: { case: "difficulty", value: { recommendedLevel: 6, predictedSuccessProbability: 0.8 } },
      confidence: 0.7,
    });

    const result = fromRunInferenceResponse("difficulty_prediction", response);

    expect(result).toMatchObject({
      prediction: { recommendedLevel: 6, predictedSuccessProbability: 0.8 },
      confidence: 0.7,
      modelType: "difficulty_prediction",
    });
  });

  it("refuses an output of another model", () => {
    const response = create(RunInferenceResponseSchema, { output: { case: "emotion", value: {} } });

    expect(() => fromRunInferenceResponse("difficulty_prediction", response)).toThrow(/output: expected difficulty/);
  });
});
