/**
 * Column lineage of INSERTs from the bound plan: for every written sink column its source columns with the edge kind
 * (DIRECT identity / transformation with the expression / aggregation with the function; INDIRECT conditional, or
 * window and sort keys of an OVER column), plus the source columns that decide which rows reach the sink (filters,
 * join keys, grouping keys, windows, sort and rank keys) as edges to the sink table itself.
 */
import { checkList, checkNode, checkString } from '../diagnostics/arguments.js';
import type { Statement } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { bindScript } from '../plan/bind.js';
import type { Sink } from '../plan/sink.js';
import { describe } from './compose.js';
import type { LineageEdge } from './model.js';
import { OriginWalker } from './plan-origins.js';

function edgeKey(e: LineageEdge): string {
  return [e.to.table, e.to.column ?? '', e.from.table, e.from.column, e.type, e.subtype, e.job].join('\u0000');
}

const sortKey = (e: LineageEdge): string => [e.job, e.to.table, e.to.column ?? '', e.type, e.subtype, e.from.table, e.from.column].join('\u0000');

/** A stable order: by job, sink table, sink column (table-level edges first), kind, source. */
export function compareEdges(a: LineageEdge, b: LineageEdge): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** `edges` in compareEdges' order (each key computed once). */
export function sortEdges(edges: readonly LineageEdge[]): LineageEdge[] {
  return edges.map((e) => [sortKey(e), e] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
}

/** The edges of the sinks of one job (an INSERT or a statement set); sinks into one table merge their edges. */
export function sinksLineage(sinks: readonly Sink[], job: string, walker = new OriginWalker()): LineageEdge[] {
  const edges = new Map<string, LineageEdge>();
  const add = (e: LineageEdge): void => {
    const key = edgeKey(e);
    const known = edges.get(key);
    if (known === undefined) edges.set(key, e);
    else if (e.description !== undefined && known.description !== e.description) {
      const parts = new Set([...(known.description?.split(' | ') ?? []), e.description]);
      edges.set(key, { ...known, description: [...parts].join(' | ') });
    }
  };
  for (const sink of sinks) {
    const origins = walker.of(sink.input);
    sink.targets.forEach((target, i) => {
      const o = origins.columns[i];
      if (o === undefined) return;
      const to = { table: sink.name, column: sink.tableColumns[target]!.name };
      const description = o.exprs.length === 0 ? undefined : o.exprs.map(describe).join(' | ');
      for (const d of o.direct.values()) {
        add({ from: d.from, to, type: 'DIRECT', subtype: d.kind, ...(d.kind === 'IDENTITY' || description === undefined ? {} : { description }), job });
      }
      for (const d of o.indirect.values()) {
        add({ from: d.from, to, type: 'INDIRECT', subtype: d.kind, ...(d.kind === 'CONDITIONAL' && description !== undefined ? { description } : {}), job });
      }
    });
    for (const d of origins.dataset.values()) add({ from: d.from, to: { table: sink.name }, type: 'INDIRECT', subtype: d.kind, job });
  }
  return sortEdges([...edges.values()]);
}

export interface ScriptLineage {
  readonly sinks: readonly Sink[];
  readonly edges: readonly LineageEdge[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Column lineage of a script's INSERTs and statement sets, as the job named `job`. */
export function scriptLineage(statements: readonly Statement[], job: string): ScriptLineage {
  checkList('scriptLineage()', 'statements', statements, 'a list of statements').forEach((s, i) => checkNode('scriptLineage()', `statements[${i}]`, s, 'a statement'));
  checkString('scriptLineage()', 'job', job);
  const bound = bindScript(statements);
  const sinks = bound.statements.flatMap((s) => s.sinks);
  return { sinks, edges: sinksLineage(sinks, job), diagnostics: bound.diagnostics };
}
