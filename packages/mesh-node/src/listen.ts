// One cleartext port for HTTP/1.1 and h2c: a net server reads the first bytes of each connection
// and hands it to an http2 server when they are the HTTP/2 preface, to an http server otherwise.
// Browsers (Connect, gRPC-web) arrive over HTTP/1.1, gRPC clients over h2c, all on the same handler.
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";
import type { Logger } from "./logger.js";

/** RequestHandler answers requests of both protocols, like a connectNodeAdapter handler. */
export type RequestHandler = (
  req: http.IncomingMessage | http2.Http2ServerRequest,
  res: http.ServerResponse | http2.Http2ServerResponse,
) => void;

export interface ListenOptions {
  /** port to listen on; 0 picks a free one (read it back from `port`). */
  port: number;
  /** host to bind; default every interface (IPv6 and IPv4 where available). */
  host?: string;
  /** logger writes {"msg":"listening","port":N} once the port is open. */
  logger: Logger;
  /** graceMs is how long close() lets in-flight calls finish before cutting connections; default 5000 ms. */
  graceMs?: number;
}

/** Listening is an open port. */
export interface Listening {
  /** port is the port actually bound. */
  port: number;
  /** close stops accepting, lets in-flight calls finish (at most graceMs) and resolves when all is closed. */
  close(): Promise<void>;
}

const PREFACE = Buffer.from("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");

/** listen serves `handler` on one port for HTTP/1.1 and h2c. */
export async function listen(handler: RequestHandler, { port, host, logger, graceMs = 5000 }: ListenOptions): Promise<Listening> {
  const h1 = http.createServer(handler);
  const h2 = http2.createServer(handler);
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  // HTTP/1.1 keep-alive connections between two requests, which close() may end at once.
  let closing = false;
  const idle = new Set<net.Socket>();
  h1.on("connection", (socket: net.Socket) => idle.add(socket));
  h1.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    idle.delete(req.socket);
    res.once("close", () => (closing ? req.socket.end() : idle.add(req.socket)));
  });
  const sockets = new Set<net.Socket>();
  // Calls are small request/response exchanges: send each write at once rather than batching (Nagle).
  const server = net.createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      idle.delete(socket);
    });
    // A connection that fails before it is handed over must not take the process down.
    socket.on("error", () => socket.destroy());
    socket.once("data", (chunk: Buffer) => {
      socket.pause();
      socket.unshift(chunk);
      const head = chunk.subarray(0, PREFACE.length);
      if (head.equals(PREFACE.subarray(0, head.length))) {
        h2.emit("connection", socket);
      } else {
        h1.emit("connection", socket);
        // The http server reads through 'data' events, which stay off while the socket is paused.
        socket.resume();
      }
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host }, () => resolve());
  });
  const bound = (server.address() as net.AddressInfo).port;
  logger.info({ port: bound }, "listening");

  return {
    port: bound,
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      sessions.forEach((session) => session.close());
      idle.forEach((socket) => socket.end());
      const deadline = setTimeout(() => sockets.forEach((socket) => socket.destroy()), graceMs);
      await closed;
      clearTimeout(deadline);
    },
  };
}
