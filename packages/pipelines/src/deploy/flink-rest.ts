/**
 * A client of Flink's REST API (1.20) for what deploying needs: jobs by name, status, checkpoint counts, the
 * restore a job started from, restarts, and savepoints (trigger, stop-with-savepoint, poll).
 */
import { setTimeout as delay } from 'node:timers/promises';
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';
import { httpJson } from './http.js';
import { checkEndpointUrl, checkMillis } from '../arguments.js';

export interface FlinkJobOverview {
  readonly jid: string;
  readonly name: string;
  readonly state: string;
  readonly 'start-time': number;
}

export interface CheckpointStats {
  readonly completed: number;
  readonly failed: number;
  readonly restored: number;
  /** The path of the savepoint or checkpoint the job restored from, if any. */
  readonly restoredFrom?: string;
  readonly restoredFromSavepoint?: boolean;
  readonly latestCompleted?: string;
}

interface CheckpointsResponse {
  readonly counts: { readonly completed: number; readonly failed: number; readonly restored: number };
  readonly latest?: {
    readonly completed?: { readonly external_path?: string } | null;
    readonly restored?: { readonly external_path?: string; readonly is_savepoint?: boolean } | null;
  };
}

interface TriggerStatus {
  readonly status: { readonly id: 'IN_PROGRESS' | 'COMPLETED' };
  readonly operation?: { readonly location?: string; readonly 'failure-cause'?: { readonly 'stack-trace'?: string; readonly class?: string } };
}

export class FlinkRestClient {
  constructor(readonly url: string, private readonly timeoutMillis = 30_000) {
    checkEndpointUrl('new FlinkRestClient()', 'url', url);
    checkMillis('new FlinkRestClient()', 'timeoutMillis', timeoutMillis);
  }

  private get<T>(operation: string, path: string): Promise<T> {
    return httpJson<T>(operation, { method: 'GET', url: `${this.url}${path}`, timeoutMillis: this.timeoutMillis });
  }

  private post<T>(operation: string, path: string, body: unknown): Promise<T> {
    return httpJson<T>(operation, { method: 'POST', url: `${this.url}${path}`, body: JSON.stringify(body), timeoutMillis: this.timeoutMillis });
  }

  async jobs(): Promise<readonly FlinkJobOverview[]> {
    return (await this.get<{ jobs: FlinkJobOverview[] }>('list Flink jobs', '/jobs/overview')).jobs;
  }

  /** The jobs named `name` that have not reached a terminal state (at most one after a correct deploy). */
  async activeJobs(name: string): Promise<readonly FlinkJobOverview[]> {
    const terminal = new Set(['FINISHED', 'CANCELED', 'FAILED']);
    return (await this.jobs()).filter((j) => j.name === name && !terminal.has(j.state));
  }

  async job(id: string): Promise<{ readonly jid: string; readonly name: string; readonly state: string }> {
    return this.get('read a Flink job', `/jobs/${id}`);
  }

  async checkpoints(id: string): Promise<CheckpointStats> {
    const r = await this.get<CheckpointsResponse>('read a job\'s checkpoints', `/jobs/${id}/checkpoints`);
    const restored = r.latest?.restored ?? undefined;
    const completed = r.latest?.completed ?? undefined;
    return {
      completed: r.counts.completed,
      failed: r.counts.failed,
      restored: r.counts.restored,
      ...(restored?.external_path === undefined ? {} : { restoredFrom: restored.external_path, restoredFromSavepoint: restored.is_savepoint === true }),
      ...(completed?.external_path === undefined ? {} : { latestCompleted: completed.external_path }),
    };
  }

  /** How often the job restarted (Flink's `numRestarts` job metric). */
  async restarts(id: string): Promise<number> {
    const r = await this.get<readonly { id: string; value: string }[]>('read a job\'s restarts', `/jobs/${id}/metrics?get=numRestarts`);
    return Number(r.find((m) => m.id === 'numRestarts')?.value ?? 0);
  }

  /** Triggers a savepoint (the job keeps running) and waits for its path. */
  async savepoint(id: string, targetDirectory?: string): Promise<string> {
    const t = await this.post<{ 'request-id': string }>('trigger a savepoint', `/jobs/${id}/savepoints`, { ...(targetDirectory === undefined ? {} : { 'target-directory': targetDirectory }), 'cancel-job': false, formatType: 'CANONICAL' });
    return this.awaitSavepoint(id, t['request-id']);
  }

  /** Stops the job with a savepoint (REST `stop`) and waits for its path. */
  async stopWithSavepoint(id: string, targetDirectory?: string, drain = false): Promise<string> {
    const t = await this.post<{ 'request-id': string }>('stop a job with a savepoint', `/jobs/${id}/stop`, { ...(targetDirectory === undefined ? {} : { targetDirectory }), drain, formatType: 'CANONICAL' });
    return this.awaitSavepoint(id, t['request-id']);
  }

  /** Cancels the job without a savepoint. */
  async cancel(id: string): Promise<void> {
    await httpJson('cancel a job', { method: 'PATCH', url: `${this.url}/jobs/${id}?mode=cancel`, timeoutMillis: this.timeoutMillis });
  }

  private async awaitSavepoint(id: string, trigger: string, timeoutMillis = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMillis;
    for (;;) {
      const s = await this.get<TriggerStatus>('read a savepoint\'s progress', `/jobs/${id}/savepoints/${trigger}`);
      if (s.status.id === 'COMPLETED') {
        const location = s.operation?.location;
        if (location !== undefined) return location;
        const cause = (s.operation?.['failure-cause']?.['stack-trace'] ?? 'unknown cause').split('\n')[0] ?? 'unknown cause';
        throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'flinkFailed', jobId: id, cause })), severity: 'error' }]);
      }
      if (Date.now() > deadline) throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.savepointFailed({ kind: 'timedOut', subject: `job ${id}`, seconds: timeoutMillis / 1000 })), severity: 'error' }]);
      await delay(250);
    }
  }
}
