import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { Code, ConnectError } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";

/** The headers the stand-in echoes back, one ScoreComponent each (name = header, explanation = value). */
export const ECHOED_HEADERS = ["authorization", "x-request-id", "x-tenant-id", "x-learner-id", "grpc-timeout"];

/**
 * A small real brain for dispatch's tests: AnalyzeFocus answers with the number of session events as
 * its score and echoes the metadata it received; PredictBreak always fails with RESOURCE_EXHAUSTED.
 */
export async function startBrainStandIn() {
  const calls = { count: 0 };
  const server = http2.createServer(
    connectNodeAdapter({
      routes: (router) =>
        router.service(BrainService, {
          analyzeFocus(request, ctx) {
            calls.count++;
            return {
              score: request.session?.events.length ?? 0,
              components: ECHOED_HEADERS.map((name) => ({ name, explanation: ctx.requestHeader.get(name) ?? "" })),
            };
          },
          predictBreak() {
            calls.count++;
            throw new ConnectError("ML rate limit reached for tenant t-1", Code.ResourceExhausted);
          },
        }),
    }),
  );
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        sessions.forEach((session) => session.destroy());
        server.close(() => resolve());
      }),
  };
}
