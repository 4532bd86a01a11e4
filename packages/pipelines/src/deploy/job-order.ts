/**
 * Jobs in dependency order, upstream first: a job that writes a table another job reads is deployed before it
 * (the realtime-dw chain CDC → ODS → DWD → DWS). Jobs without a dependency between them keep the pipeline's order.
 *
 * A table is matched by its name and, for Paimon tables, by where its data lives: a standalone table on a path
 * (`connector = 'paimon'`, `path`) reads the same data as the catalog table at `<warehouse>/<database>.db/<table>`
 * (realtime-dw's monitor reads the lake tables that way, so it is deployed after the jobs that write them — its
 * sources must exist when it is planned).
 */
import type { Catalog, Table, View } from '@flinkts/core';
import type { ResolvedJob } from '../resolve-environment.js';

const option = (options: readonly { readonly key: string; readonly value: string }[], key: string): string | undefined => options.find((o) => o.key === key)?.value;
const trimSlash = (p: string): string => p.replace(/\/+$/, '');

/** The keys a table is known by: its dotted name, and where its data lives (Paimon). */
function keysOf(d: Table<string, unknown, string> | View<string, unknown> | undefined, catalogs: ReadonlyMap<string, Catalog>): string[] {
  if (d === undefined) return [];
  const keys = [`table:${d.path.join('.')}`];
  if (d.kind !== 'table') return keys;
  const options = d.statement.options;
  const path = option(options, 'path');
  if (path !== undefined && option(options, 'connector') === 'paimon') keys.push(`data:${trimSlash(path)}`);
  const catalog = d.path.length === 3 ? catalogs.get(d.path[0]!) : undefined;
  const warehouse = catalog === undefined || option(catalog.statement.options, 'type') !== 'paimon' ? undefined : option(catalog.statement.options, 'warehouse');
  if (warehouse !== undefined) keys.push(`data:${trimSlash(warehouse)}/${d.path[1]}.db/${d.path[2]}`);
  return keys;
}

export function jobsInDependencyOrder(jobs: readonly ResolvedJob[]): ResolvedJob[] {
  const catalogs = new Map(jobs.flatMap((j) => j.declarations.catalogs.map((c): [string, Catalog] => [c.name, c])));
  const writes = new Map<string, Set<string>>();
  for (const j of jobs) for (const i of j.declarations.inserts) {
    for (const k of keysOf(i.target, catalogs)) writes.set(k, (writes.get(k) ?? new Set()).add(j.name));
  }
  const needs = new Map<string, Set<string>>();
  for (const j of jobs) {
    const up = new Set<string>();
    for (const i of j.declarations.inserts) for (const r of i.reads) for (const k of keysOf(r, catalogs)) for (const w of writes.get(k) ?? []) if (w !== j.name) up.add(w);
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
