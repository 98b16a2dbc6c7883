/**
 * A stand-in for the gateway in Envoy's tests: gRPC over h2c and plain HTTP/1.1 on one port, like the
 * real one. It records what arrives and answers what the test told it to.
 */
import http from "node:http";
import http2 from "node:http2";
import net from "node:net";

/** Received is one request as the stand-in saw it; body is the gRPC message without its frame header. */
export interface Received {
  protocol: "HTTP/1.1" | "h2";
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** GrpcAnswer is a message, or a status code with its message and, optionally, a google.rpc.Status. */
export type GrpcAnswer = { message: Uint8Array } | { code: number; error: string; details?: Uint8Array };

export interface StandInGateway {
  received: Received[];
  /** answer sets what every following gRPC call gets. Health checks always get {"status":"healthy"}. */
  answer(next: GrpcAnswer): void;
  /** listen opens a free loopback port and returns it. */
  listen(): Promise<number>;
  close(): void;
}

/** grpcFrame is one length-prefixed, uncompressed gRPC message. */
function grpcFrame(message: Uint8Array): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.length, 1);
  return Buffer.concat([header, message]);
}

function trailers(answer: GrpcAnswer): http2.OutgoingHttpHeaders {
  if (!("code" in answer)) return { "grpc-status": "0" };
  const details = answer.details ? { "grpc-status-details-bin": Buffer.from(answer.details).toString("base64") } : {};
  return { "grpc-status": String(answer.code), "grpc-message": answer.error, ...details };
}

export function standInGateway(): StandInGateway {
  const received: Received[] = [];
  let answer: GrpcAnswer = { message: new Uint8Array() };

  const h2 = http2.createServer();
  h2.on("stream", (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("end", () => {
      received.push({ protocol: "h2", path: String(headers[":path"]), headers, body: Buffer.concat(chunks).subarray(5) });
      stream.respond({ ":status": 200, "content-type": "application/grpc" }, { waitForTrailers: true });
      stream.on("wantTrailers", () => stream.sendTrailers(trailers(answer)));
      stream.end("message" in answer ? grpcFrame(answer.message) : undefined);
    });
  });
  const h1 = http.createServer((req, res) => {
    received.push({ protocol: "HTTP/1.1", path: req.url ?? "", headers: req.headers, body: Buffer.alloc(0) });
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"healthy"}');
  });
  const server = net.createServer((socket) =>
    socket.once("data", (head) => {
      socket.pause();
      socket.unshift(head);
      if (head.toString("latin1").startsWith("PRI * HTTP/2.0")) {
        h2.emit("connection", socket);
      } else {
        h1.emit("connection", socket);
        // The http server reads through 'data' events, which stay off while the socket is paused.
        socket.resume();
      }
    }),
  );

  return {
    received,
    answer: (next) => {
      answer = next;
    },
    listen: () =>
      new Promise((done) => server.listen(0, "127.0.0.1", () => done((server.address() as net.AddressInfo).port))),
    close: () => {
      server.close();
      h2.close();
      h1.closeAllConnections();
    },
  };
}
