// Reading configuration from the environment. Every reader throws a ConfigError whose message is
// one line naming the variable and what is wrong with it, so a bad value stops start-up clearly.

/** ConfigError is a bad or missing environment variable; `variable` names it. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** EnvReader reads typed values; an empty variable counts as unset. */
export interface EnvReader {
  /** string is the value, or `fallback`; without a fallback the variable is required. */
  string(name: string, fallback?: string): string;
  /** optional is the value, or undefined when unset. */
  optional(name: string): string | undefined;
  /** int is a whole number within [min, max] (defaults: 0 and Number.MAX_SAFE_INTEGER); `unit` names it in errors. */
  int(name: string, fallback: number, range?: { min?: number; max?: number; unit?: string }): number;
  /** url is an absolute http(s) URL such as `http://localhost:5000`. */
  url(name: string, fallback?: string): string;
  /** secret is a required value of at least `minLength` characters (never echoed in errors). */
  secret(name: string, minLength: number): string;
  /** oneOf is one of `choices`. */
  oneOf<T extends string>(name: string, choices: readonly T[], fallback: T): T;
  /** list is a comma-separated list, trimmed, without empty entries. */
  list(name: string, fallback: readonly string[]): string[];
}

/** envReader reads from `env` (default: process.env). */
export function envReader(env: Env = process.env): EnvReader {
  const optional = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === "" ? undefined : value;
  };
  const string = (name: string, fallback?: string) => {
    const value = optional(name) ?? fallback;
    if (value === undefined) throw new ConfigError(name, "required but not set");
    return value;
  };
  return {
    string,
    optional,
    int(name, fallback, { min = 0, max = Number.MAX_SAFE_INTEGER, unit } = {}) {
      const raw = optional(name);
      if (raw === undefined) return fallback;
      const value = Number(raw);
      if (!/^-?\d+$/.test(raw) || value < min || value > max) {
        const what = unit === undefined ? "a whole number" : `a whole number of ${unit}`;
        const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
        throw new ConfigError(name, `must be ${what}, ${range}, got "${raw}"`);
      }
      return value;
    },
    url(name, fallback) {
      const raw = string(name, fallback);
      let url: URL | undefined;
      try {
        url = new URL(raw);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
        throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}"`);
      }
      return raw.replace(/\/+$/, "");
    },
    secret(name, minLength) {
      const value = string(name);
      if (value.length < minLength) {
        throw new ConfigError(name, `must be at least ${minLength} characters, got ${value.length}`);
      }
      return value;
    },
    oneOf(name, choices, fallback) {
      const raw = optional(name) ?? fallback;
      const choice = choices.find((c) => c === raw);
      if (choice === undefined) {
        throw new ConfigError(name, `must be one of ${choices.join(", ")}, got "${raw}"`);
      }
      return choice;
    },
    list(name, fallback) {
      const raw = optional(name);
      if (raw === undefined) return [...fallback];
      return raw
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "");
    },
  };
}

/**
 * loadConfig runs `load` and, on a ConfigError, logs one JSON line naming the variable (stdout, like
 * every log line) and exits with status 1. Other errors propagate.
 */
export function loadConfig<T>(service: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const line = { time: new Date().toISOString(), level: "fatal", service, msg: `bad configuration: ${error.message}`, variable: error.variable };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    process.exit(1);
  }
}
