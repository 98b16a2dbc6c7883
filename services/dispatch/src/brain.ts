import type { DescMethodUnary, Message } from "@bufbuild/protobuf";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { loggingInterceptor, serviceTokenInterceptor, type Logger } from "@aivo/mesh-node";

/** How one brain call travels: the caller's cancellation, its remaining deadline and identity headers. */
export interface BrainCallOptions {
  signal: AbortSignal;
  timeoutMs: number;
  headers: Headers;
}

/** Brain calls any unary BrainService RPC by its descriptor. */
export type Brain = (method: DescMethodUnary, request: Message, options: BrainCallOptions) => Promise<Message>;

export interface BrainClientOptions {
  /** baseUrl is the brain, `http://host:port`. */
  baseUrl: string;
  /** serviceToken gives dispatch's current service token for the brain. */
  serviceToken: () => Promise<string>;
  /** logger writes one line per brain call, with the caller's identity. */
  logger: Logger;
}

/**
 * brainClient calls the brain over gRPC with dispatch's service token. It calls the transport
 * directly, as a generated client's method does, so one function serves every RPC of the table.
 * Errors are the brain's ConnectErrors, passed on with their code, message and details.
 */
export function brainClient({ baseUrl, serviceToken, logger }: BrainClientOptions): Brain {
  const transport = createGrpcTransport({
    baseUrl,
    interceptors: [loggingInterceptor(logger.child({ upstream: "brain" })), serviceTokenInterceptor(serviceToken)],
  });
  return async (method, request, { signal, timeoutMs, headers }) =>
    (await transport.unary(method, signal, timeoutMs, headers, request)).message;
}
