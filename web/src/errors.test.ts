import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { describeProblem } from "./errors.ts";

describe("describeProblem", () => {
  it("asks to sign in again when the session expired", () => {
    const problem = describeProblem(new ConnectError("token expired", Code.Unauthenticated));

    expect(problem).toEqual({ message: expect.stringContaining("expired"), signIn: true });
    expect(problem.message).toContain("sign in again");
  });

  it("names the field of invalid input and keeps the session", () => {
    const problem = describeProblem(new ConnectError("child_age_months: must be 24 to 216", Code.InvalidArgument));

    expect(problem).toEqual({ message: "The mesh could not use this input: child_age_months: must be 24 to 216", signIn: false });
  });

  it("says to wait when rate limited", () => {
    expect(describeProblem(new ConnectError("rate limit", Code.ResourceExhausted)).message).toContain("Wait a minute");
  });

  it("hides the text of an unexpected error but names its code", () => {
    expect(describeProblem(new Error("socket hang up")).message).toBe("Something went wrong in the mesh (Unknown). Try again.");
  });
});
