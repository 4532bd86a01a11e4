/**
 * Health after a start: the job is RUNNING, has completed at least N checkpoints since it started, and does not
 * restart within a grace period after that — all three configurable per environment (`deploy.health`).
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { DeployTarget, HealthSample } from './target.js';

export interface HealthPolicy {
  /** Completed checkpoints required (default 2). */
  readonly checkpoints: number;
  /** Seconds without a restart after the checkpoints completed (default 30). */
  readonly graceSeconds: number;
  /** Give up after this many seconds (default 300). */
  readonly timeoutSeconds: number;
}

export const DEFAULT_HEALTH: HealthPolicy = { checkpoints: 2, graceSeconds: 30, timeoutSeconds: 300 };

export type HealthResult =
  | { readonly healthy: true; readonly sample: HealthSample }
  | { readonly healthy: false; readonly reason: string; readonly sample?: HealthSample };

const TERMINAL = new Set(['FAILED', 'CANCELED', 'CANCELLING', 'FINISHED', 'SUSPENDED']);

export async function awaitHealthy(target: DeployTarget, jobId: string, policy: HealthPolicy, progress: (line: string) => void = () => {}, pollMillis = 500): Promise<HealthResult> {
  const deadline = Date.now() + policy.timeoutSeconds * 1000;
  let first: HealthSample | undefined;
  let checkpointedAt: number | undefined;
  let lastReported = -1;
  for (;;) {
    const s = await target.health(jobId);
    first ??= s;
    if (TERMINAL.has(s.state)) return { healthy: false, reason: `the job is ${s.state}`, sample: s };
    if (s.restarts > first.restarts) return { healthy: false, reason: `the job restarted (${s.restarts - first.restarts} time(s))`, sample: s };
    // checkpoints completed since the check began (a platform's history may hold the earlier runs' too)
    const counted = s.completedCheckpoints !== undefined && first.completedCheckpoints !== undefined;
    const done = counted ? (s.completedCheckpoints as number) - (first.completedCheckpoints as number) : policy.checkpoints;
    if (s.state === 'RUNNING' && done >= policy.checkpoints) {
      checkpointedAt ??= Date.now();
      if (Date.now() - checkpointedAt >= policy.graceSeconds * 1000) return { healthy: true, sample: s };
    }
    if (done !== lastReported) {
      lastReported = done;
      progress(counted ? `  ${s.state}, ${Math.min(done, policy.checkpoints)}/${policy.checkpoints} checkpoints` : `  ${s.state} (the platform reports no checkpoint counts: RUNNING and no restart decide)`);
    }
    if (Date.now() > deadline) return { healthy: false, reason: `not healthy within ${policy.timeoutSeconds} s (${s.state}, ${done}/${policy.checkpoints} checkpoints)`, sample: s };
    await delay(pollMillis);
  }
}
