import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerFetch } from "./provider-fetch.js";

let server: http.Server;
let baseUrl: string;
const fetch = providerFetch();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      if (req.url === "/empty") return void res.writeHead(204).end();
      if (req.url === "/hang") return;
      res.writeHead(429, { "content-type": "application/json", "retry-after": "1" });
      res.end(JSON.stringify({ method: req.method, key: req.headers["x-api-key"], body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("providerFetch", () => {
  it("sends the method, headers and body, and answers status, headers and body like fetch", async () => {
    const response = await fetch(`${baseUrl}/v1/chat`, { method: "POST", headers: { "x-api-key": "sk-test" }, body: '{"hi":1}' });

    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("1");
    expect(await response.json()).toEqual({ method: "POST", key: "sk-test", body: '{"hi":1}' });
  });

  it("answers a 204 without a body", async () => {
    const response = await fetch(`${baseUrl}/empty`, { method: "DELETE" });

    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("fails a connection that cannot be made with fetch's TypeError", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));

    await expect(fetch(`http://127.0.0.1:${port}/`, { method: "POST" })).rejects.toThrow(new TypeError("fetch failed"));
  });

  it("rejects with the signal's reason when the caller aborts", async () => {
    const signal = AbortSignal.timeout(50);

    await expect(fetch(`${baseUrl}/hang`, { method: "POST", signal })).rejects.toMatchObject({ name: "TimeoutError" });
  });
});
