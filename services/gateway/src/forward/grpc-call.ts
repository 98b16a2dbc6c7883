// One gRPC call arriving on an HTTP/2 stream, seen from the gateway: how to answer it with a status,
// how to relay an upstream's answer to it, and one log line and metric once it is over.
import http2 from "node:http2";
import { Code } from "@connectrpc/connect";
import { Header, logCall, statusName, type CallIdentity, type CallMetrics, type Logger } from "@aivo/mesh-node";

const { NGHTTP2_CANCEL, NGHTTP2_FLAG_END_STREAM } = http2.constants;

/** GrpcCall wraps the client's stream of one call. */
export class GrpcCall {
  readonly #started = performance.now();
  readonly #stream: http2.ServerHttp2Stream;
  readonly #res: http2.Http2ServerResponse;
  #status: { code: number; message?: string } | undefined;
  /** headers are the request headers as the client sent them. */
  readonly headers: http2.IncomingHttpHeaders;
  /** method is "package.Service/Method". */
  readonly method: string;
  /** identity is who the call is for, as far as known; logged when the call ends. */
  identity: CallIdentity;

  constructor(req: http2.Http2ServerRequest, res: http2.Http2ServerResponse, logger: Logger, metrics: CallMetrics) {
    this.#stream = req.stream;
    this.#res = res;
    this.headers = req.headers;
    this.method = req.url.slice(1);
    this.identity = { requestId: this.header(Header.requestId) };
    // Client resets surface as 'close'; without a listener an 'error' would take the process down.
    this.#stream.on("error", () => {});
    this.#stream.once("close", () => {
      const code = this.#status?.code ?? Code.Canceled;
      const durationMs = performance.now() - this.#started;
      const error = code === 0 ? undefined : this.#status?.message;
      logCall(logger, { ...this.identity, method: this.method, durationMs, status: statusName(code), error });
      metrics.observe(this.method, statusName(code), durationMs);
    });
  }

  /** header reads one request header. */
  header = (name: string): string | undefined => {
    const value = this.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };

  /** elapsedMs is the time since the call arrived, in milliseconds. */
  elapsedMs(): number {
    return performance.now() - this.#started;
  }

  /** fail ends the call with a status: in the response headers when nothing was sent yet, else in the trailers. */
  fail(code: Code, message: string): void {
    this.#status = { code, message };
    const stream = this.#stream;
    if (stream.closed || stream.destroyed) return;
    const status = { "grpc-status": String(code), "grpc-message": encodeURIComponent(message) };
    if (stream.headersSent) {
      this.#res.addTrailers(status);
      stream.end();
    } else {
      stream.respond({ ":status": 200, "content-type": "application/grpc", ...status }, { endStream: true });
    }
  }

  /** relay pipes the call to `up` and the upstream's headers, messages and trailers back, unchanged. */
  relay(up: http2.ClientHttp2Stream, upstreamName: string): void {
    const stream = this.#stream;
    if (stream.closed) return void up.close(NGHTTP2_CANCEL);
    stream.once("close", () => up.destroyed || up.close(NGHTTP2_CANCEL));
    stream.pipe(up);
    up.once("response", (headers, flags) => {
      const response = plain(headers);
      if (this.identity.requestId) response[Header.requestId] ??= this.identity.requestId;
      if (flags & NGHTTP2_FLAG_END_STREAM) {
        // Trailers-only: the status is in these headers and there is no body.
        this.#status = statusOf(headers);
        stream.respond(response, { endStream: true });
        return;
      }
      stream.respond(response, { waitForTrailers: true });
      up.pipe(stream);
    });
    up.once("trailers", (trailers) => {
      this.#status = statusOf(trailers);
      // The compatibility response sends these when the stream asks for its trailers.
      this.#res.addTrailers(plain(trailers));
    });
    up.on("error", () => {});
    up.once("close", () => {
      if (this.#status === undefined) this.fail(Code.Unavailable, `${upstreamName} closed the call without a status`);
    });
  }
}

function statusOf(headers: http2.IncomingHttpHeaders): { code: number; message?: string } {
  const message = headers["grpc-message"];
  return { code: Number(headers["grpc-status"] ?? Code.Unknown), message: typeof message === "string" ? decode(message) : undefined };
}

// Header objects from node:http2 also carry a symbol key; only the named headers travel on.
function plain(headers: http2.IncomingHttpHeaders): Record<string, string | string[]> {
  const copy: Record<string, string | string[]> = {};
  for (const name of Object.keys(headers)) copy[name] = headers[name]!;
  return copy;
}

function decode(message: string): string {
  try {
    return decodeURIComponent(message);
  } catch {
    return message;
  }
}
