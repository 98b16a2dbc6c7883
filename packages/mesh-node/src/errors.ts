// Unknown errors leave a service as INTERNAL without their text (docs/conventions.md, "Errors").
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import type { Logger } from "./logger.js";

/**
 * maskInternalErrors turns any error that is not a ConnectError, from a unary call or in the middle
 * of a stream, into INTERNAL "internal error", logging the original so it is not lost. Put it
 * innermost, next to the handlers.
 */
export function maskInternalErrors(logger: Logger): Interceptor {
  return (next) => async (req) => {
    const mask = (error: unknown): ConnectError => {
      if (error instanceof ConnectError) return error;
      logger.error({ err: error, method: `${req.service.typeName}/${req.method.name}` }, "unexpected error");
      return new ConnectError("internal error", Code.Internal);
    };
    let res;
    try {
      res = await next(req);
    } catch (error) {
      throw mask(error);
    }
    if (!res.stream) return res;
    const messages = res.message;
    return {
      ...res,
      message: (async function* () {
        try {
          yield* messages;
        } catch (error) {
          throw mask(error);
        }
      })(),
    };
  };
}
