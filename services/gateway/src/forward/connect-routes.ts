// Connect and gRPC-web callers (browsers) reach the upstreams through Connect routes made from the
// service descriptors: every method of every upstream gets the same generic forwarder, which calls
// the upstream over its gRPC transport and passes headers, trailers and errors back.
import type {
  DescMessage,
  DescMethod,
  DescMethodBiDiStreaming,
  DescMethodClientStreaming,
  DescMethodServerStreaming,
  DescMethodStreaming,
  DescMethodUnary,
  MessageShape,
} from "@bufbuild/protobuf";
import { Code, ConnectError, createContextKey, type ConnectRouter, type HandlerContext } from "@connectrpc/connect";
import { CLIENT_ONLY_HEADERS, upstreamHeaders, type EdgeCall } from "../edge/policy.js";
import type { Upstream } from "../upstreams.js";
import { copyMetadata } from "./metadata.js";

/** admittedCall is set by the edge interceptor for every call it lets through. */
export const admittedCall = createContextKey<EdgeCall | undefined>(undefined);

/** forwardingRoutes registers every method of every upstream. */
export function forwardingRoutes(upstreams: readonly Upstream[], defaultTimeoutMs: number): (router: ConnectRouter) => void {
  return (router) => {
    for (const upstream of upstreams) {
      for (const method of upstream.service.methods) register(router, method, upstream, defaultTimeoutMs);
    }
  };
}

type Message = MessageShape<DescMessage>;

function register(router: ConnectRouter, method: DescMethod, upstream: Upstream, defaultTimeoutMs: number): void {
  const { transport } = upstream;
  // What every upstream call takes from the incoming one: cancellation, the remaining deadline, the
  // caller's own metadata and the admitted identity in place of the client's credentials.
  const callOptions = async (ctx: HandlerContext) => {
    const call = ctx.values.get(admittedCall);
    if (call === undefined) throw new ConnectError("call reached the forwarder without being admitted", Code.Internal);
    const header = copyMetadata(ctx.requestHeader, new Headers());
    CLIENT_ONLY_HEADERS.forEach((name) => header.delete(name));
    for (const [name, value] of Object.entries(upstreamHeaders(call, await upstream.token()))) header.set(name, value);
    return [ctx.signal, ctx.timeoutMs() ?? defaultTimeoutMs, header] as const;
  };
  const unary = async (request: Message, ctx: HandlerContext): Promise<Message> => {
    try {
      const res = await transport.unary(method as DescMethodUnary, ...(await callOptions(ctx)), request);
      copyMetadata(res.header, ctx.responseHeader);
      copyMetadata(res.trailer, ctx.responseTrailer);
      return res.message;
    } catch (error) {
      throw relayed(error);
    }
  };
  const relay = async function* (requests: AsyncIterable<Message>, ctx: HandlerContext): AsyncGenerator<Message> {
    try {
      const res = await transport.stream(method as DescMethodStreaming, ...(await callOptions(ctx)), requests);
      copyMetadata(res.header, ctx.responseHeader);
      yield* res.message;
      copyMetadata(res.trailer, ctx.responseTrailer);
    } catch (error) {
      throw relayed(error);
    }
  };
  switch (method.methodKind) {
    case "unary":
      router.rpc(method as DescMethodUnary, unary);
      break;
    case "server_streaming":
      router.rpc(method as DescMethodServerStreaming, (request, ctx) => relay(single(request), ctx));
      break;
    case "client_streaming":
      router.rpc(method as DescMethodClientStreaming, (requests, ctx) => lastOf(relay(requests, ctx)));
      break;
    case "bidi_streaming":
      router.rpc(method as DescMethodBiDiStreaming, relay);
      break;
  }
}

// An upstream error comes back with its code, message, details and application metadata.
function relayed(error: unknown): ConnectError {
  const upstreamError = ConnectError.from(error);
  const relayed = new ConnectError(upstreamError.rawMessage, upstreamError.code, copyMetadata(upstreamError.metadata, new Headers()));
  relayed.details = upstreamError.details;
  return relayed;
}

async function* single(message: Message): AsyncIterable<Message> {
  yield message;
}

async function lastOf(messages: AsyncIterable<Message>): Promise<Message> {
  let last: Message | undefined;
  for await (const message of messages) last = message;
  if (last === undefined) throw new ConnectError("upstream answered a client stream without a message", Code.Internal);
  return last;
}
