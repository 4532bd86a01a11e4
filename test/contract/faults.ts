/**
 * Fault injection for the contract fakes: a deterministic schedule picks, per request, no fault or one of — a 5xx
 * before or after the request took effect, a timeout (the answer never comes), a connection reset before or after
 * it took effect, an expired token — and counts what it injected.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const FAULT_KINDS = ['5xx', '5xx-after', 'timeout', 'timeout-after', 'reset', 'reset-after', 'expired-token'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  /** Inject on every n-th request (1 = all, 0 = none). */
  readonly every: number;
  /** Only requests whose path matches (default: all). */
  readonly paths?: RegExp;
  readonly kinds?: readonly FaultKind[];
}

export class Faults {
  private seen = 0;
  private turn = 0;
  readonly injected = new Map<FaultKind, number>();
  plan: FaultPlan = { every: 0 };
  /** A window in which every request is reset (the platform is down), e.g. right after a stop. */
  downFor = 0;
  private outage: { readonly after: RegExp; readonly requests: number } | undefined;

  /** The platform goes down for `requests` requests right after the first request matching `after` took effect. */
  outageAfter(after: RegExp, requests: number): void {
    this.outage = { after, requests };
  }

  /** A fake calls this once a request took effect (`METHOD path`). */
  handled(request: string): void {
    if (this.outage !== undefined && this.outage.after.test(request)) {
      this.downFor = this.outage.requests;
      this.outage = undefined;
    }
  }

  next(path: string): FaultKind | undefined {
    if (this.downFor > 0) {
      this.downFor--;
      this.count('reset');
      return 'reset';
    }
    if (this.plan.every === 0 || (this.plan.paths !== undefined && !this.plan.paths.test(path))) return undefined;
    this.seen++;
    if (this.seen % this.plan.every !== 0) return undefined;
    const kinds = this.plan.kinds ?? FAULT_KINDS;
    const kind = kinds[this.turn++ % kinds.length] as FaultKind;
    this.count(kind);
    return kind;
  }

  private count(kind: FaultKind): void {
    this.injected.set(kind, (this.injected.get(kind) ?? 0) + 1);
  }

  get total(): number {
    return [...this.injected.values()].reduce((a, b) => a + b, 0);
  }
}

/** Applies a fault that acts before the handler runs; true when the request is done with. */
export function faultBefore(kind: FaultKind | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  if (kind === '5xx') {
    res.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>503 Service Temporarily Unavailable</body></html>');
    return true;
  }
  if (kind === 'reset') {
    req.socket.destroy();
    return true;
  }
  if (kind === 'timeout') {
    setTimeout(() => req.socket.destroy(), 3_000);
    return true;
  }
  return false;
}

/** Applies a fault after the handler ran (its effect stays, the answer is lost); true when it replaced the answer. */
export function faultAfter(kind: FaultKind | undefined, req: IncomingMessage, res: ServerResponse): boolean {
  if (kind === '5xx-after') {
    res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body>502 Bad Gateway</body></html>');
    return true;
  }
  if (kind === 'reset-after') {
    req.socket.destroy();
    return true;
  }
  if (kind === 'timeout-after') {
    setTimeout(() => req.socket.destroy(), 3_000);
    return true;
  }
  return false;
}
