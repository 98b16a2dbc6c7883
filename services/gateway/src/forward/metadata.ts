// Which response headers and trailers of an upstream are the application's metadata (and come back
// to the caller) rather than the protocol's own, which the serving side writes itself.

const PROTOCOL_HEADERS = new Set([
  "content-type",
  "content-length",
  "content-encoding",
  "accept-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "date",
  "server",
  "vary",
]);
const PROTOCOL_PREFIXES = ["grpc-", "connect-", "access-control-", ":"];

/** isApplicationMetadata says whether a header is the application's (x-request-id, custom-bin, ...). */
export function isApplicationMetadata(name: string): boolean {
  return !PROTOCOL_HEADERS.has(name) && !PROTOCOL_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** copyMetadata copies the application metadata of `from` into `to`. */
export function copyMetadata(from: Headers, to: Headers): Headers {
  from.forEach((value, name) => {
    if (isApplicationMetadata(name)) to.set(name, value);
  });
  return to;
}
