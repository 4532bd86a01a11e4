/**
 * Retrying a platform call that failed without an answer or with a server error. Only safe calls are retried
 * blindly (reads, and writes that are idempotent); a write that may have been applied is re-checked by the
 * caller's `settled` read before it is sent again, so a lost answer never creates a second application or starts
 * a job twice.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { EndpointError } from './http.js';

export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMillis: number;
  /** Called once per retried failure (for progress and fault figures). */
  readonly onRetry?: (operation: string, error: EndpointError) => void;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, backoffMillis: 200 };

/**
 * Runs `call`; on a transient failure asks `settled` (when given) whether the write took effect anyway — if it
 * returns a value, that is the result — and otherwise tries again.
 */
export async function retrying<T>(operation: string, policy: RetryPolicy, call: () => Promise<T>, settled?: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof EndpointError) || !e.transient || attempt >= policy.attempts) throw e;
      policy.onRetry?.(operation, e);
      await delay(policy.backoffMillis * attempt);
      if (settled !== undefined) {
        const done = await retrying(`${operation} (check)`, policy, settled);
        if (done !== undefined) return done;
      }
    }
  }
}
