// grpc.health.v1.Health over Connect: Check, Watch and List answered from per-service statuses.
// The empty service name "" is the server as a whole, as the health protocol defines.
import { create } from "@bufbuild/protobuf";
import type { ServiceImpl } from "@connectrpc/connect";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  Health,
  HealthCheckResponse_ServingStatus as ServingStatus,
  HealthCheckResponseSchema,
  type HealthCheckResponse,
} from "@aivo/gen/grpc/health/v1/health_pb.js";

export { Health as HealthService, ServingStatus };

/** HealthStatus holds the serving status of each service and wakes watchers on change. */
export class HealthStatus {
  readonly #statuses = new Map<string, ServingStatus>();
  #wake = () => {};
  #changed = this.#nextChange();

  /** The server ("") and every one of `services` start SERVING. */
  constructor(services: readonly string[]) {
    for (const service of ["", ...services]) this.#statuses.set(service, ServingStatus.SERVING);
  }

  /** set changes one service's status; "" is the whole server. */
  set(service: string, status: ServingStatus): void {
    this.#statuses.set(service, status);
    this.#wake();
    this.#changed = this.#nextChange();
  }

  /** shutdown marks every service NOT_SERVING, so probes stop routing here before the port closes. */
  shutdown(): void {
    for (const service of this.#statuses.keys()) this.set(service, ServingStatus.NOT_SERVING);
  }

  /** get is the status of `service`, or undefined when it is not known. */
  get(service: string): ServingStatus | undefined {
    return this.#statuses.get(service);
  }

  /** all is every known service and its status. */
  all(): ReadonlyMap<string, ServingStatus> {
    return this.#statuses;
  }

  /** changed resolves at the next status change. */
  changed(): Promise<void> {
    return this.#changed;
  }

  #nextChange(): Promise<void> {
    return new Promise((resolve) => (this.#wake = resolve));
  }
}

/** healthService implements grpc.health.v1.Health over `status`. */
export function healthService(status: HealthStatus): ServiceImpl<typeof Health> {
  const response = (value: ServingStatus): HealthCheckResponse => create(HealthCheckResponseSchema, { status: value });
  return {
    check({ service }) {
      const value = status.get(service);
      if (value === undefined) throw new ConnectError(`unknown service "${service}"`, Code.NotFound);
      return response(value);
    },
    async *watch({ service }, ctx) {
      const aborted = new Promise<void>((resolve) => ctx.signal.addEventListener("abort", () => resolve(), { once: true }));
      let last: ServingStatus | undefined;
      while (!ctx.signal.aborted) {
        // Taken before reading, so a change made while the client reads the last answer is not missed.
        const changed = status.changed();
        const value = status.get(service) ?? ServingStatus.SERVICE_UNKNOWN;
        if (value !== last) yield response(value);
        last = value;
        await Promise.race([changed, aborted]);
      }
    },
    list() {
      return { statuses: Object.fromEntries([...status.all()].map(([service, value]) => [service, response(value)])) };
    },
  };
}
