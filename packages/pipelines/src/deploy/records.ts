/**
 * Deployment records kept locally, one JSON file per job and target: every version deployed (artifact hash,
 * statements, compiled plan, time, job id, the savepoint it restored from and the one it stopped with), the
 * savepoints taken, and a pending step so a rerun after a failure between stop and start resumes from the
 * savepoint instead of losing it. Written atomically; never holds a credential (artifacts carry placeholders).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompiledPlanJson } from './compiled-plan.js';
import { argumentError } from '@flinkts/core/internal';
import { checkFileNameArgument, checkNameArgument } from '../arguments.js';
import { TEXTS } from '../codes.js';
import { checkJobRecord } from './target-arguments.js';

export interface DeployedVersion {
  /** 1, 2, … in deploy order. */
  readonly version: number;
  readonly hash: string;
  readonly statements: readonly string[];
  /** The platform's job spec shipped (placeholders kept: never a credential). */
  readonly spec?: string;
  readonly compiledPlan?: CompiledPlanJson;
  /** Started from `compiledPlan` itself (`EXECUTE PLAN`): its operators run under the plan's node ids. */
  readonly startedFromPlan?: boolean;
  readonly deployedAt: string;
  readonly jobId?: string;
  readonly restoredFrom?: string;
  /** The savepoint this version was stopped with (a rollback to it restores from here). */
  readonly stoppedWith?: string;
}

export interface SavepointEntry {
  readonly path: string;
  readonly takenAt: string;
  readonly version: number;
  readonly kind: 'stop' | 'trigger';
}

export interface JobRecord {
  readonly job: string;
  /** The version running now (undefined before the first deploy, or after a stop). */
  readonly current?: number;
  readonly versions: readonly DeployedVersion[];
  readonly savepoints: readonly SavepointEntry[];
  /** A version that was stopped with this savepoint and whose successor has not started yet. */
  readonly pending?: { readonly version: number; readonly savepoint: string; readonly startedAt: string };
  /**
   * A shadow version started beside the running one (blue-green through shadow sinks) and not yet promoted or
   * cancelled: its artifact hash, its run, the savepoint it restored from, its restarts when it was last found
   * healthy, and whether its promotion began (a rerun carries it on).
   */
  readonly shadow?: { readonly hash: string; readonly jobId: string; readonly restoredFrom?: string; readonly startedAt: string; readonly healthyRestarts?: number; readonly promoting?: boolean };
}

export class DeploymentRecords {
  constructor(readonly dir: string, readonly pipeline: string, readonly env: string, readonly target: string) {
    checkNameArgument('new DeploymentRecords()', 'dir', dir);
    for (const [argument, value] of [['pipeline', pipeline], ['env', env], ['target', target]] as const) checkFileNameArgument('new DeploymentRecords()', argument, value);
  }

  private file(job: string): string {
    return join(this.dir, this.pipeline, this.env, this.target, `${job}.json`);
  }

  /** The jobs that have a record here. */
  jobs(): string[] {
    const dir = join(this.dir, this.pipeline, this.env, this.target);
    if (!existsSync(dir)) return [];
    return readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
  }

  read(job: string): JobRecord {
    checkFileNameArgument('DeploymentRecords.read()', 'job', job);
    const f = this.file(job);
    if (!existsSync(f)) return { job, versions: [], savepoints: [] };
    return JSON.parse(readFileSync(f, 'utf8')) as JobRecord;
  }

  write(record: JobRecord): void {
    checkJobRecord('DeploymentRecords.write()', record);
    checkFileNameArgument('DeploymentRecords.write()', 'record.job', record.job);
    const f = this.file(record.job);
    mkdirSync(dirname(f), { recursive: true });
    const tmp = `${f}.tmp-${process.pid}`;
    writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(tmp, f);
  }

  update(job: string, change: (r: JobRecord) => JobRecord): JobRecord {
    checkFileNameArgument('DeploymentRecords.update()', 'job', job);
    if (typeof change !== 'function') throw argumentError('DeploymentRecords.update()', 'change', 'a function of the job\'s record', change, undefined, TEXTS.badArgument);
    const next = change(this.read(job));
    this.write(next);
    return next;
  }
}

export const currentVersion = (r: JobRecord): DeployedVersion | undefined => r.versions.find((v) => v.version === r.current);
export const lastVersion = (r: JobRecord): DeployedVersion | undefined => r.versions[r.versions.length - 1];
export const withVersion = (r: JobRecord, v: DeployedVersion): JobRecord => ({ ...r, versions: [...r.versions.filter((x) => x.version !== v.version), v].sort((a, b) => a.version - b.version) });
