/**
 * Jobs in dependency order, upstream first: a job that writes a table another job reads is deployed before it
 * (the realtime-dw chain CDC → ODS → DWD → DWS). Jobs without a dependency between them keep the pipeline's order.
 */
import type { ResolvedJob } from '../resolve-environment.js';

const pathOf = (d: { readonly path: readonly string[] } | undefined): string | undefined => d?.path.join('.');

export function jobsInDependencyOrder(jobs: readonly ResolvedJob[]): ResolvedJob[] {
  const writes = new Map<string, Set<string>>();
  for (const j of jobs) for (const i of j.declarations.inserts) {
    const t = pathOf(i.target);
    if (t !== undefined) writes.set(t, (writes.get(t) ?? new Set()).add(j.name));
  }
  const needs = new Map<string, Set<string>>();
  for (const j of jobs) {
    const up = new Set<string>();
    for (const i of j.declarations.inserts) for (const r of i.reads) for (const w of writes.get(pathOf(r) ?? '') ?? []) if (w !== j.name) up.add(w);
    needs.set(j.name, up);
  }
  const done = new Set<string>();
  const out: ResolvedJob[] = [];
  while (out.length < jobs.length) {
    // the first job (in pipeline order) whose upstream jobs are all placed; a cycle falls back to pipeline order
    const next = jobs.find((j) => !done.has(j.name) && [...(needs.get(j.name) ?? [])].every((u) => done.has(u))) ?? jobs.find((j) => !done.has(j.name)) as ResolvedJob;
    done.add(next.name);
    out.push(next);
  }
  return out;
}
