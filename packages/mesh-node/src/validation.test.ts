import { create } from "@bufbuild/protobuf";
import { anyPack, EmptySchema } from "@bufbuild/protobuf/wkt";
import { createValidator } from "@bufbuild/protovalidate";
import { Code, ConnectError } from "@connectrpc/connect";
import { RouteTaskRequestSchema } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { BadRequestSchema } from "@aivo/gen/google/rpc/error_details_pb.js";
import { describe, expect, it } from "vitest";
import { checkMessage } from "./validation.js";

const validator = createValidator();

describe("checkMessage", () => {
  it("accepts a message that keeps its rules", () => {
    const request = create(RouteTaskRequestSchema, { task: "focus_analytics", input: anyPack(EmptySchema, create(EmptySchema)) });

    expect(() => checkMessage(validator, RouteTaskRequestSchema, request)).not.toThrow();
  });

  it("refuses a broken rule with INVALID_ARGUMENT naming the field", () => {
    const request = create(RouteTaskRequestSchema, { task: "Focus Analytics!", input: anyPack(EmptySchema, create(EmptySchema)) });

    expect(() => checkMessage(validator, RouteTaskRequestSchema, request)).toThrow(
      expect.objectContaining({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^task: /) }),
    );
  });

  it("names every broken field", () => {
    const request = create(RouteTaskRequestSchema, { task: "" });

    expect(() => checkMessage(validator, RouteTaskRequestSchema, request)).toThrow(/task: .*; input: /);
  });

  it("sends the violations as the google.rpc.BadRequest detail the brain sends too", () => {
    const request = create(RouteTaskRequestSchema, { task: "" });

    const error = ConnectError.from(captured(() => checkMessage(validator, RouteTaskRequestSchema, request)));

    const [badRequest] = error.findDetails(BadRequestSchema);
    expect(badRequest?.fieldViolations.map((v) => [v.field, v.reason])).toEqual([
      ["task", "string.min_len"],
      ["task", "string.pattern"],
      ["input", "required"],
    ]);
  });
});

function captured(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}
