// The hot path: a gRPC call over HTTP/2 is forwarded as a stream, without decoding its messages.
// The edge policy reads the headers and rewrites them for the upstream; the call itself is relayed.
import http2 from "node:http2";
import { Code, ConnectError } from "@connectrpc/connect";
import { formatGrpcTimeout, Header, parseGrpcTimeout, type CallMetrics, type Logger } from "@aivo/mesh-node";
import type { HeaderLookup } from "../edge/authenticate.js";
import { CLIENT_ONLY_HEADERS, upstreamHeaders, type EdgeCall } from "../edge/policy.js";
import type { Upstream } from "../upstreams.js";
import { GrpcCall } from "./grpc-call.js";

export interface GrpcProxyOptions {
  /** routes map a request path ("/package.Service/Method") to the upstream serving it. */
  routes: ReadonlyMap<string, Upstream>;
  admit: (header: HeaderLookup) => Promise<EdgeCall>;
  /** defaultTimeoutMs is the deadline passed on when the caller sends none, in ms. */
  defaultTimeoutMs: number;
  logger: Logger;
  metrics: CallMetrics;
}

/** GrpcProxy forwards one gRPC call arriving on an HTTP/2 stream. */
export type GrpcProxy = (req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => void;

// Headers that are not the caller's to pass on: pseudo-headers and hop-by-hop ones are remade for the
// upstream connection, the deadline is recomputed, credentials and identity are replaced.
const NOT_PASSED_ON = new Set([...CLIENT_ONLY_HEADERS, Header.grpcTimeout, "host", "connection", "keep-alive", "transfer-encoding"]);

/** createGrpcProxy makes the forwarder; calls to paths outside `routes` answer UNIMPLEMENTED. */
export function createGrpcProxy({ routes, admit, defaultTimeoutMs, logger, metrics }: GrpcProxyOptions): GrpcProxy {
  const forward = async (call: GrpcCall): Promise<void> => {
    const upstream = routes.get(`/${call.method}`);
    if (upstream === undefined) return call.fail(Code.Unimplemented, `method not found: ${call.method}`);
    let admitted: EdgeCall;
    try {
      admitted = await admit(call.header);
    } catch (error) {
      const refusal = ConnectError.from(error);
      return call.fail(refusal.code, refusal.rawMessage);
    }
    call.identity = admitted;
    // Each hop passes on what is left of the deadline.
    const deadlineMs = (parseGrpcTimeout(call.header(Header.grpcTimeout)) ?? defaultTimeoutMs) - call.elapsedMs();
    const outgoing: http2.OutgoingHttpHeaders = {
      ...upstreamHeaders(admitted, await upstream.token()),
      [Header.grpcTimeout]: formatGrpcTimeout(deadlineMs),
    };
    for (const name of Object.keys(call.headers)) {
      if (!name.startsWith(":") && !NOT_PASSED_ON.has(name)) outgoing[name] = call.headers[name];
    }
    let up: http2.ClientHttp2Stream;
    try {
      up = await upstream.sessions.next().request("POST", `/${call.method}`, outgoing, {});
    } catch {
      return call.fail(Code.Unavailable, `${upstream.name} unavailable`);
    }
    call.relay(up, upstream.name);
  };
  return (req, res) => {
    const call = new GrpcCall(req, res, logger, metrics);
    forward(call).catch((error: unknown) => {
      logger.error({ err: error, method: call.method }, "forwarding failed");
      call.fail(Code.Internal, "internal error");
    });
  };
}
