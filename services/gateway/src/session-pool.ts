// A few HTTP/2 connections to one upstream, used in turn. The brain runs several worker processes on one
// port (SO_REUSEPORT), and the kernel balances them by connection: over a single connection every call
// would land on the same worker.
import type { Transport } from "@connectrpc/connect";
import { createGrpcTransport, Http2SessionManager } from "@connectrpc/connect-node";

export class SessionPool {
  readonly #sessions: Http2SessionManager[];
  #turn = 0;

  /** size is the number of connections, at least 1. */
  constructor(baseUrl: string, size: number) {
    this.#sessions = Array.from({ length: Math.max(1, size) }, () => new Http2SessionManager(baseUrl));
  }

  /** next is the connection for the next call. */
  next(): Http2SessionManager {
    const session = this.#sessions[this.#turn]!;
    this.#turn = (this.#turn + 1) % this.#sessions.length;
    return session;
  }

  /** transport is a gRPC transport that takes each call's connection from the pool. */
  transport(baseUrl: string): Transport {
    const transports = this.#sessions.map((sessionManager) => createGrpcTransport({ baseUrl, sessionManager }));
    let turn = 0;
    const pick = () => transports[turn++ % transports.length]!;
    return { unary: (...args) => pick().unary(...args), stream: (...args) => pick().stream(...args) };
  }

  abort(): void {
    for (const session of this.#sessions) session.abort();
  }
}
