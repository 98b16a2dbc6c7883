import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { resolveRequestId } from "./request-id.js";
import { statusName } from "./metadata.js";

describe("resolveRequestId", () => {
  it("keeps a well-formed request ID", () => {
    expect(resolveRequestId("req-2025:abc.DEF_1")).toBe("req-2025:abc.DEF_1");
  });

  it.each([null, undefined, ""])("makes a new one when the header is %j", (received) => {
    expect(resolveRequestId(received)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(["short", "has space in it", "x".repeat(129), "semi;colon-id"])("refuses %j with INVALID_ARGUMENT naming the header", (received) => {
    const refuse = () => resolveRequestId(received);

    expect(refuse).toThrow(ConnectError);
    expect(refuse).toThrow(
      expect.objectContaining({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^x-request-id: must be 8-128 characters/) }),
    );
  });
});

describe("statusName", () => {
  it.each([
    [undefined, "OK"],
    [Code.InvalidArgument, "INVALID_ARGUMENT"],
    [Code.ResourceExhausted, "RESOURCE_EXHAUSTED"],
    [14, "UNAVAILABLE"],
  ])("names code %j as gRPC does: %s", (code, name) => {
    expect(statusName(code)).toBe(name);
  });
});
