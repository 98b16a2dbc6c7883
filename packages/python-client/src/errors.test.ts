import { describe, expect, it } from "vitest";
import { Code, ConnectError } from "@connectrpc/connect";
import { BrainServiceError, BrainServiceTimeoutError, BrainServiceUnavailableError, toBrainServiceError } from "./errors.js";

describe("toBrainServiceError", () => {
  it.each([
    [Code.DeadlineExceeded, BrainServiceTimeoutError, 408],
    [Code.Unavailable, BrainServiceUnavailableError, 503],
    [Code.InvalidArgument, BrainServiceError, 400],
    [Code.Unauthenticated, BrainServiceError, 401],
    [Code.PermissionDenied, BrainServiceError, 403],
    [Code.ResourceExhausted, BrainServiceError, 429],
    [Code.Unimplemented, BrainServiceError, 501],
    [Code.Internal, BrainServiceError, 500],
  ])("maps gRPC code %s to %s with HTTP status %s", (code, type, statusCode) => {
    const error = toBrainServiceError(new ConnectError("went wrong", code));

    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ code, statusCode, message: "went wrong", name: type.name });
  });

  it("keeps the ConnectError as the cause, with its metadata", () => {
    const original = new ConnectError("slow down", Code.ResourceExhausted, { "retry-after": "30" });

    const error = toBrainServiceError(original);

    expect(error.cause).toBe(original);
    expect((error.cause as ConnectError).metadata.get("retry-after")).toBe("30");
  });

  it("turns an unknown error into UNKNOWN", () => {
    const error = toBrainServiceError(new Error("boom"));

    expect(error).toMatchObject({ code: Code.Unknown, statusCode: 500 });
  });
});
