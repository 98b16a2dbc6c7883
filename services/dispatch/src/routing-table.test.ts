import { describe, expect, it } from "vitest";
import { create, createFileRegistry, setExtension, type DescService } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, MethodOptionsSchema } from "@bufbuild/protobuf/wkt";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { task } from "@aivo/gen/aivo/brain/v1/options_pb.js";
import { methodPath, routingTable } from "./routing-table.js";

// The seed's task routing tables (python-integration-architecture.md, "Task Routing"), by RPC.
const seedTasks: Record<string, string> = {
  speech_analysis: "AnalyzeSpeech",
  articulation_analysis: "AnalyzeArticulation",
  fluency_analysis: "AnalyzeFluency",
  prosody_analysis: "AnalyzeProsody",
  speech_transcription: "TranscribeSpeech",
  difficulty_prediction: "PredictDifficulty",
  engagement_prediction: "PredictEngagement",
  content_recommendation: "RecommendContent",
  learning_style_detection: "DetectLearningStyle",
  emotion_detection: "DetectEmotion",
  focus_prediction: "PredictFocus",
  personalized_learning: "PersonalizeLearningPath",
  focus_analytics: "AnalyzeFocus",
  break_prediction: "PredictBreak",
  attention_analysis: "AnalyzeAttention",
  federated_model_update: "SubmitModelUpdate",
  federated_aggregation: "AggregateUpdates",
};

describe("routingTable", () => {
  const table = routingTable(BrainService);

  it.each(Object.entries(seedTasks))("routes the seed task %s to BrainService/%s", (name, rpc) => {
    const method = table.get(name);

    expect(method && methodPath(method)).toBe(`aivo.brain.v1.BrainService/${rpc}`);
  });

  it("holds exactly the seed's tasks, so RPCs without a task option are not routable", () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(seedTasks).sort());
  });

  it("gives each task the RPC's own request and response messages", () => {
    const method = table.get("focus_analytics");

    expect(method?.input.typeName).toBe("aivo.brain.v1.AnalyzeFocusRequest");
    expect(method?.output.typeName).toBe("aivo.brain.v1.AnalyzeFocusResponse");
  });
});

/** A service whose RPCs carry the given task options, built from a descriptor like protoc would. */
function serviceWithTasks(methods: { name: string; task: string; serverStreaming?: boolean }[]): DescService {
  const file = create(FileDescriptorProtoSchema, {
    name: "test.proto",
    package: "test",
    syntax: "proto3",
    messageType: [{ name: "Empty" }],
    service: [
      {
        name: "TestService",
        method: methods.map(({ name, task: taskName, serverStreaming }) => {
          const options = create(MethodOptionsSchema);
          setExtension(options, task, taskName);
          return { name, inputType: ".test.Empty", outputType: ".test.Empty", serverStreaming, options };
        }),
      },
    ],
  });
  return createFileRegistry(file, () => undefined).getService("test.TestService")!;
}

describe("routingTable of a contract with mistakes", () => {
  it("refuses a task name given to two RPCs", () => {
    const service = serviceWithTasks([
      { name: "First", task: "same_task" },
      { name: "Second", task: "same_task" },
    ]);

    expect(() => routingTable(service)).toThrow('task "same_task" is on both First and Second');
  });

  it("refuses a task on a streaming RPC", () => {
    const service = serviceWithTasks([{ name: "Watch", task: "watching", serverStreaming: true }]);

    expect(() => routingTable(service)).toThrow("test.TestService/Watch carries task \"watching\" but is not unary");
  });
});
