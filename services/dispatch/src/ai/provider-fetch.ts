// The fetch the AI SDK's providers call through: undici's request API under the fetch signature.
// Node's fetch is undici too, wrapped in the WHATWG fetch algorithm (request and response objects,
// body mixins, redirect and CORS bookkeeping), which costs about 0.2 ms a call on loopback; provider
// calls are plain JSON or SSE POSTs that need none of it. A pool of kept-alive connections per origin
// comes with it.
import { Readable } from "node:stream";
import { Agent, request } from "undici";

// Statuses whose responses have no body, which the Response constructor refuses one for.
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** providerFetch makes a fetch for the AI SDK over `dispatcher` (default: a kept-alive pool per origin). */
export function providerFetch(dispatcher: Agent = new Agent({ keepAliveTimeout: 30_000 })): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    let answer;
    try {
      answer = await request(url, {
        method: (init.method ?? "GET") as "GET",
        // The AI SDK passes a plain object; other forms go through Headers.
        headers: init.headers instanceof Headers || Array.isArray(init.headers) ? Object.fromEntries(new Headers(init.headers)) : init.headers,
        body: init.body as string | Uint8Array | null | undefined,
        signal: init.signal ?? undefined,
        dispatcher,
      });
    } catch (error) {
      // What fetch does with a network failure, so callers tell it from an abort the same way.
      if (init.signal?.aborted) throw init.signal.reason;
      throw new TypeError("fetch failed", { cause: error });
    }
    const { statusCode, headers, body } = answer;
    const responseHeaders = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    if (NULL_BODY_STATUSES.has(statusCode)) {
      body.resume();
      return new Response(null, { status: statusCode, headers: responseHeaders });
    }
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: statusCode, headers: responseHeaders });
  };
}
