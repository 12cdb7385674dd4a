/** Faults the local exchange injects on demand, consumed in order of arrival. */
export type HttpFaultKind =
  /** Answer 5xx. With `afterProcessing` the request is executed first: the outcome is unknown to the caller. */
  | '5xx'
  /** Never answer (the client times out). With `afterProcessing` the request is executed first. */
  | 'timeout'
  /** Answer 429 with Retry-After; any request before it elapses gets 418 (a ban, counted in stats). */
  | '429';

export interface HttpFault {
  kind: HttpFaultKind;
  /** `METHOD /path`, e.g. 'POST /api/v3/order'; omitted = any request. */
  route?: string;
  afterProcessing?: boolean;
  retryAfterSec?: number;
  /** How many requests it hits (default 1). */
  times?: number;
  /** Counted under this name in `hits` each time it hits a request. */
  label?: string;
}

export class FaultQueue {
  private readonly faults: Array<HttpFault & { left: number }> = [];
  /** Requests hit so far, by fault label. */
  readonly hits: Record<string, number> = {};

  add(fault: HttpFault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  /** The fault that applies to this request, if any (consumes one use). */
  take(route: string): HttpFault | undefined {
    const i = this.faults.findIndex((f) => f.route === undefined || f.route === route);
    if (i < 0) return undefined;
    const f = this.faults[i]!;
    f.left -= 1;
    if (f.left <= 0) this.faults.splice(i, 1);
    if (f.label) this.hits[f.label] = (this.hits[f.label] ?? 0) + 1;
    return f;
  }

  /** Whether a fault with this label waits for a request. */
  waiting(label: string): boolean {
    return this.faults.some((f) => f.label === label);
  }

  clear(): void {
    this.faults.length = 0;
  }
}
