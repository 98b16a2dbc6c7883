// The fast lane for the calls that matter most to latency: unary binary gRPC over HTTP/2, answered on
// the HTTP/2 stream itself. Connect's adapter runs every call through a chain of async iterables
// (framing, parsing, serializing, joining), which costs about half a millisecond a call; a unary call
// is one frame in and one frame out. The same service implementations and Connect interceptors run
// here, with Connect's HandlerContext, so a call behaves the same on either path. Everything else
// (streams, compression, the JSON codec, Connect and gRPC-web) goes on to Connect.
import http2 from "node:http2";
import { create, fromBinary, toBinary, type DescMessage } from "@bufbuild/protobuf";
import { anyPack } from "@bufbuild/protobuf/wkt";
import {
  Code,
  ConnectError,
  createContextValues,
  createHandlerContext,
  encodeBinaryHeader,
  type Interceptor,
  type MethodImplSpec,
  type ServiceImplSpec,
  type UnaryRequest,
  type UnaryResponse,
} from "@connectrpc/connect";
import { StatusSchema } from "@aivo/gen/google/rpc/status_pb.js";
import { parseGrpcTimeout } from "./grpc-timeout.js";
import type { RequestHandler } from "./listen.js";

type UnarySpec = Extract<MethodImplSpec, { kind: "unary" }>;
type Call = (req: UnaryRequest) => Promise<UnaryResponse>;
type HandlerContextController = ReturnType<typeof createHandlerContext>;

export interface UnaryGrpcOptions {
  /** interceptors run around every call, the first outermost, as Connect runs them. */
  interceptors: Interceptor[];
  /** readMaxBytes is the largest request message accepted, in bytes; larger ones are RESOURCE_EXHAUSTED. */
  readMaxBytes: number;
}

// Only identity-encoded binary gRPC: the fast lane has no codecs or decompression of its own.
const BINARY_GRPC = new Set(["application/grpc", "application/grpc+proto"]);
const HEADER_BYTES = 5;

/** unaryGrpc answers unary binary gRPC calls to `services` on the HTTP/2 stream and hands every other request to `next`. */
export function unaryGrpc(services: ServiceImplSpec[], { interceptors, readMaxBytes }: UnaryGrpcOptions, next: RequestHandler): RequestHandler {
  const calls = new Map<string, UnarySpec>();
  for (const { service, methods } of services) {
    for (const spec of Object.values(methods)) if (spec.kind === "unary") calls.set(`/${service.typeName}/${spec.method.name}`, spec);
  }
  return (req, res) => {
    const spec = req instanceof http2.Http2ServerRequest && req.method === "POST" ? calls.get(req.url) : undefined;
    const encoding = req.headers["grpc-encoding"];
    if (spec === undefined || !BINARY_GRPC.has(req.headers["content-type"] ?? "") || (encoding !== undefined && encoding !== "identity")) {
      return next(req, res);
    }
    serve(req as http2.Http2ServerRequest, res as http2.Http2ServerResponse, spec, interceptors, readMaxBytes);
  };
}

function serve(req: http2.Http2ServerRequest, res: http2.Http2ServerResponse, spec: UnarySpec, interceptors: Interceptor[], readMaxBytes: number): void {
  const { stream } = req;
  const { method } = spec;
  // A client that resets the stream surfaces as 'close'; without a listener an 'error' would take the process down.
  stream.on("error", () => {});
  const cancelled = new AbortController();
  // A plain object: the handler context makes the one Headers the call reads its headers from.
  const header: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!name.startsWith(":") && value !== undefined) header[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const timeout = header["grpc-timeout"];
  const timeoutMs = parseGrpcTimeout(timeout);
  const ctx = createHandlerContext({
    service: method.parent,
    method,
    protocolName: "grpc",
    requestMethod: "POST",
    url: req.url,
    timeoutMs,
    requestSignal: cancelled.signal,
    requestHeader: header,
    responseHeader: { "content-type": "application/grpc+proto" },
    responseTrailer: {},
    contextValues: createContextValues(),
  });
  // The stream also closes after a call was answered, when the context is already done with.
  stream.once("close", () => ctx.signal.aborted || cancelled.abort(new ConnectError("the client cancelled the call", Code.Canceled)));
  // The implementation at the end of the chain; the first interceptor is the outermost, as in Connect.
  const impl: Call = async (request) => {
    const output = create(method.output, (await spec.impl(request.message, ctx)) as never);
    return { stream: false, service: method.parent, method, header: ctx.responseHeader, trailer: ctx.responseTrailer, message: output };
  };
  const call = interceptors.reduceRight<Call>((inner, interceptor) => interceptor(inner as never) as Call, impl);
  readMessage(stream, readMaxBytes, method.input)
    .then((message) => {
      if (timeout !== undefined && timeoutMs === undefined) throw new ConnectError(`grpc-timeout: malformed value "${timeout}"`, Code.InvalidArgument);
      const request: UnaryRequest = {
        stream: false,
        service: method.parent,
        method,
        requestMethod: "POST",
        url: req.url,
        signal: ctx.signal,
        header: ctx.requestHeader,
        contextValues: ctx.values,
        message,
      };
      return call(request);
    })
    .then(
      (response) => answer(res, ctx, frame(toBinary(method.output, response.message))),
      (error: unknown) => answer(res, ctx, undefined, error instanceof ConnectError ? error : new ConnectError("internal error", Code.Internal, undefined, undefined, error)),
    );
}

/** readMessage reads the request's single, uncompressed message frame. */
function readMessage(stream: http2.ServerHttp2Stream, readMaxBytes: number, schema: DescMessage) {
  return new Promise<ReturnType<typeof fromBinary>>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const read = (chunk: Buffer) => {
      length += chunk.length;
      chunks.push(chunk);
      if (length <= readMaxBytes + HEADER_BYTES) return;
      // Refused at once; the rest of the message is read and dropped rather than held.
      stream.off("data", read).off("end", parse).resume();
      reject(new ConnectError(`message larger than ${readMaxBytes} bytes`, Code.ResourceExhausted));
    };
    const parse = () => {
      const body = Buffer.concat(chunks, length);
      if (body.length < HEADER_BYTES) return reject(new ConnectError("protocol error: missing request message", Code.Unimplemented));
      const size = body.readUInt32BE(1);
      if (body[0] !== 0) return reject(new ConnectError("protocol error: compressed frame without grpc-encoding", Code.Internal));
      if (body.length !== HEADER_BYTES + size) return reject(new ConnectError("protocol error: a unary call carries exactly one message", Code.Unimplemented));
      try {
        resolve(fromBinary(schema, body.subarray(HEADER_BYTES)));
      } catch (error) {
        reject(new ConnectError(`request message does not parse: ${String(error)}`, Code.InvalidArgument));
      }
    };
    stream.on("data", read).once("end", parse);
  });
}

function frame(message: Uint8Array): Buffer {
  const framed = Buffer.allocUnsafe(HEADER_BYTES + message.length);
  framed[0] = 0;
  framed.writeUInt32BE(message.length, 1);
  framed.set(message, HEADER_BYTES);
  return framed;
}

/** answer sends the response message, or a status alone when the call failed. */
function answer(res: http2.Http2ServerResponse, ctx: HandlerContextController, message: Buffer | undefined, error?: ConnectError): void {
  ctx.abort(DONE);
  const { stream } = res;
  if (stream.closed || stream.destroyed) return;
  // The compatibility response sends its trailers when the stream asks for them.
  res.addTrailers(Object.fromEntries(statusTrailer(ctx.responseTrailer, error)));
  stream.respond({ ":status": 200, ...Object.fromEntries(ctx.responseHeader) }, { waitForTrailers: true });
  stream.end(message);
}

// The reason a finished call's signal is aborted with: anything still listening learns the call is over,
// and no DOMException (with its stack trace) is made for every call.
const DONE = new ConnectError("the call has finished", Code.Canceled);

/** statusTrailer writes grpc-status, grpc-message and, for errors with details, grpc-status-details-bin. */
function statusTrailer(trailer: Headers, error: ConnectError | undefined): Headers {
  if (error === undefined) {
    trailer.set("grpc-status", "0");
    return trailer;
  }
  error.metadata.forEach((value, name) => trailer.set(name, value));
  trailer.set("grpc-status", String(error.code));
  trailer.set("grpc-message", encodeURIComponent(error.rawMessage));
  if (error.details.length > 0) {
    const details = error.details.map((d) => ("desc" in d ? anyPack(d.desc, create(d.desc, d.value)) : { typeUrl: `type.googleapis.com/${d.type}`, value: d.value }));
    trailer.set("grpc-status-details-bin", encodeBinaryHeader(create(StatusSchema, { code: error.code, message: error.rawMessage, details }), StatusSchema));
  }
  return trailer;
}
