// One place that knows when a Connect call has finished and how, for logging and metrics alike:
// a unary call when its response or error comes back, a streaming call when its last message has
// been read (or the stream fails).
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";

/** CallOutcome is how one finished call went. */
export interface CallOutcome {
  /** method is "package.Service/Method". */
  method: string;
  /** headers are the request headers, after earlier interceptors ran. */
  headers: Headers;
  /** durationMs is from the interceptor's start to the end of the call, in milliseconds. */
  durationMs: number;
  /** code is the status; Code is numeric and 0 means OK. */
  code: Code | 0;
  /** error is the failure, when there was one. */
  error?: ConnectError;
}

/** outcomeInterceptor calls `report` once per call, when the call has finished. */
export function outcomeInterceptor(report: (outcome: CallOutcome) => void): Interceptor {
  return (next) => async (req) => {
    const started = performance.now();
    const method = `${req.service.typeName}/${req.method.name}`;
    const finish = (error?: unknown): void => {
      const failure = error === undefined ? undefined : ConnectError.from(error);
      report({ method, headers: req.header, durationMs: performance.now() - started, code: failure?.code ?? 0, error: failure });
    };
    let res;
    try {
      res = await next(req);
    } catch (error) {
      finish(error);
      throw error;
    }
    if (!res.stream) {
      finish();
      return res;
    }
    const messages = res.message;
    return {
      ...res,
      message: (async function* () {
        let failure: unknown;
        try {
          yield* messages;
        } catch (error) {
          failure = error;
          throw error;
        } finally {
          finish(failure);
        }
      })(),
    };
  };
}
