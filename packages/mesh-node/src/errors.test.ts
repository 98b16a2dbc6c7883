import { Code, ConnectError, createClient, createRouterTransport } from "@connectrpc/connect";
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { maskInternalErrors } from "./errors.js";
import { HealthService } from "./health.js";
import { createLogger } from "./logger.js";

function clientFailingWith(error: Error) {
  const logger = createLogger({ service: "test", destination: new Writable({ write: (_c, _e, done) => done() }) });
  const transport = createRouterTransport(
    (router) =>
      router.service(HealthService, {
        check() {
          throw error;
        },
        async *watch() {
          yield { status: 1 };
          throw error;
        },
      }),
    { router: { interceptors: [maskInternalErrors(logger)] } },
  );
  return createClient(HealthService, transport);
}

describe("maskInternalErrors", () => {
  it("hides the text of an unexpected error behind INTERNAL", async () => {
    const client = clientFailingWith(new Error("password=hunter2 at db.ts:12"));

    await expect(client.check({})).rejects.toMatchObject({ code: Code.Internal, rawMessage: "internal error" });
  });

  it("hides an unexpected error in the middle of a stream too", async () => {
    const client = clientFailingWith(new TypeError("cannot read x of undefined"));

    const read = async () => {
      for await (const _ of client.watch({}));
    };

    await expect(read()).rejects.toMatchObject({ code: Code.Internal, rawMessage: "internal error" });
  });

  it("lets a deliberate ConnectError through unchanged", async () => {
    const client = clientFailingWith(new ConnectError("session.events: too many", Code.InvalidArgument));

    await expect(client.check({})).rejects.toMatchObject({ code: Code.InvalidArgument, rawMessage: "session.events: too many" });
  });
});
