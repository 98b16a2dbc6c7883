// The grpc-timeout header: "<at most 8 digits><unit>", unit one of H M S m u n.

const UNIT_MS: Readonly<Record<string, number>> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000_001 };
const MAX_VALUE = 99_999_999;

/** parseGrpcTimeout is the deadline in ms, or undefined when the header is absent or malformed. */
export function parseGrpcTimeout(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^(\d{1,8})([HMSmun])$/.exec(value);
  return match ? Number(match[1]) * UNIT_MS[match[2]!]! : undefined;
}

/** formatGrpcTimeout writes a deadline in ms, rounded up to whole ms (seconds when that does not fit). */
export function formatGrpcTimeout(ms: number): string {
  const whole = Math.max(1, Math.ceil(ms));
  return whole <= MAX_VALUE ? `${whole}m` : `${Math.min(MAX_VALUE, Math.ceil(whole / 1000))}S`;
}
