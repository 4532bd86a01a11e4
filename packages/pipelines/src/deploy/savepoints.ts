/**
 * `flinkts savepoint <job>`: trigger a savepoint of the running version (for a scheduler's periodic
 * savepoints), list the recorded ones, prune by retention — keeping the newest N and every savepoint a version
 * stopped with (a rollback restores from those).
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { DEPLOY_TEXTS } from './codes.js';
import type { Deployer } from './deploy.js';
import { currentVersion } from './records.js';
import type { SavepointEntry } from './records.js';

export async function triggerSavepoint(d: Deployer, job: string): Promise<SavepointEntry> {
  const record = d.records.read(job);
  const current = currentVersion(record);
  const run = (await d.target.running(job)).find((r) => current === undefined || r.hash === current.hash.slice(0, 12));
  if (run === undefined) {
    throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.unknownDeployment({ kind: 'notRunning', job })), severity: 'error' }]);
  }
  d.progress(`  savepoint of job ${run.jobId} …`);
  const path = await d.target.savepoint(run.jobId);
  const entry: SavepointEntry = { path, takenAt: new Date().toISOString(), version: current?.version ?? 0, kind: 'trigger' };
  d.records.update(job, (r) => ({ ...r, savepoints: [...r.savepoints, entry] }));
  return entry;
}

export function listSavepoints(d: Deployer, job: string): readonly SavepointEntry[] {
  return d.records.read(job).savepoints;
}

/** Deletes all but the newest `keep` savepoints, never one a version stopped with; returns the deleted ones. */
export async function pruneSavepoints(d: Deployer, job: string, keep: number): Promise<readonly SavepointEntry[]> {
  const record = d.records.read(job);
  const pinned = new Set(record.versions.map((v) => v.stoppedWith).filter((p): p is string => p !== undefined));
  if (record.pending) pinned.add(record.pending.savepoint);
  const newestFirst = [...record.savepoints].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  const drop = newestFirst.slice(keep).filter((s) => !pinned.has(s.path));
  const deleted: SavepointEntry[] = [];
  for (const s of drop) {
    if (!(await d.target.deleteSavepoint(job, s.path))) {
      d.progress(`  ${s.path}: the ${d.target.name} target cannot delete it; kept in the records`);
      continue;
    }
    d.records.update(job, (r) => ({ ...r, savepoints: r.savepoints.filter((x) => x.path !== s.path) }));
    deleted.push(s);
  }
  return deleted;
}
