// The structured JSON logger of every Node service: one object per line with time, level, service, msg.
import { destination as fileDestination, pino, type DestinationStream, type Logger } from "pino";

export type { Logger } from "pino";

/** LOG_LEVELS are the values LOG_LEVEL accepts. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** LOG_BUFFER_BYTES is how much of stdout's log lines are gathered before a write. */
const LOG_BUFFER_BYTES = 4096;

/** LOG_FLUSH_MS is the longest a log line waits in the buffer, in ms. */
const LOG_FLUSH_MS = 250;

export interface LoggerOptions {
  /** service is written on every line as `service`. */
  service: string;
  /** level is the lowest level written; default "info". */
  level?: string;
  /** destination receives the lines; default stdout, written off the request path. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/** createLogger makes a pino logger writing ISO times and level names, never the pid or host. */
export function createLogger({ service, level = "info", destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces: tokens must never reach a log line, even when a header object is logged.
      redact: ["authorization", "*.authorization", "cookie", "*.cookie"],
    },
    // Every call writes a line. Written one by one, even off the request path, each line woke a thread-pool
    // thread and then the event loop, the largest single cost of a call. Lines are gathered up to
    // LOG_BUFFER_BYTES and written at least every LOG_FLUSH_MS, and flushed when the process exits.
    destination ?? fileDestination({ dest: 1, sync: false, minLength: LOG_BUFFER_BYTES, periodicFlush: LOG_FLUSH_MS }),
  );
}
