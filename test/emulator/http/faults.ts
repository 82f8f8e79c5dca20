/**
 * Injected failures per route key ('POST /tasks') or for every route ('*'). A fault with `times`
 * fires that many times and then disappears; without `times` it stays until cleared.
 */
export type Fault =
  | { kind: 'latency'; ms: number; times?: number }
  | { kind: 'status'; status: number; code?: number; times?: number }
  | { kind: 'drop-before'; times?: number }
  | { kind: 'drop-after'; times?: number }
  | { kind: 'malformed-json'; times?: number };

const KINDS = new Set(['latency', 'status', 'drop-before', 'drop-after', 'malformed-json']);

export class Faults {
  private readonly byRoute = new Map<string, Fault>();

  set(route: string, fault: Fault | null): void {
    if (fault === null) {
      this.byRoute.delete(route);
      return;
    }
    checkFault(fault);
    this.byRoute.set(route, { ...fault });
  }

  /** Whether a fault is set for this very route (not through '*'). */
  has(route: string): boolean {
    return this.byRoute.has(route);
  }

  /** The fault to apply to one request on this route, counting it down. */
  take(routeKey: string): Fault | undefined {
    for (const key of [routeKey, '*']) {
      const fault = this.byRoute.get(key);
      if (!fault) continue;
      if (fault.times !== undefined) {
        fault.times--;
        if (fault.times <= 0) this.byRoute.delete(key);
      }
      return fault;
    }
    return undefined;
  }
}

/** Throws with what to fix when a fault description (perhaps from the admin API) is not one. */
export function checkFault(fault: Fault): void {
  if (typeof fault !== 'object' || fault === null || !KINDS.has(fault.kind)) {
    throw new TypeError(`a fault needs "kind" as one of ${[...KINDS].join(', ')}`);
  }
  if (fault.kind === 'latency' && !(typeof fault.ms === 'number' && fault.ms >= 0)) {
    throw new TypeError('a latency fault needs "ms" >= 0');
  }
  if (fault.kind === 'status' && !(Number.isInteger(fault.status) && fault.status >= 400 && fault.status <= 599)) {
    throw new TypeError('a status fault needs "status" between 400 and 599');
  }
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    throw new TypeError('"times" must be a positive integer when given');
  }
}
