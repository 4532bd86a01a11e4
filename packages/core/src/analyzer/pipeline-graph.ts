/**
 * Checks across the jobs of a pipeline: the table graph they form. A statement writing a layer reads only from
 * the layers below it, the graph has no cycles, a table written by several jobs is flagged, and every job that
 * names a table means the same declaration (one definition, many uses).
 */
import type { CreateTable, CreateView } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Layer } from '../table/table.js';
import { LAYER_CODES } from './layer-codes.js';

/** A table or view as a job uses it: its qualified name, its layer and the statement that declares it. */
export interface GraphTable {
  readonly name: string;
  readonly layer?: Layer;
  readonly declaration: CreateTable | CreateView;
}

/** One INSERT of a job: the table it writes and the tables it reads (views already expanded). */
export interface GraphWrite {
  readonly path: string;
  readonly target: GraphTable;
  readonly reads: readonly GraphTable[];
}

export interface GraphJob {
  readonly name: string;
  readonly writes: readonly GraphWrite[];
}

/** Which layers a statement writing a layer may read; `source` is a table without a layer (an outside system). */
export const LAYER_INPUTS: Readonly<Record<Layer, readonly (Layer | 'source')[]>> = {
  ods: ['source'],
  dim: ['source', 'ods', 'dim'],
  dwd: ['ods', 'dim', 'dwd'],
  dws: ['dwd', 'dim', 'dws'],
  ads: ['dws', 'dwd'],
};

const describe = (t: GraphTable): string => (t.layer === undefined ? `'${t.name}' (a source without a layer)` : `${t.layer} table '${t.name}'`);

function checkLayers(jobs: readonly GraphJob[], out: Diagnostic[]): void {
  for (const job of jobs) {
    for (const write of job.writes) {
      const layer = write.target.layer;
      if (layer === undefined) continue;
      const allowed = LAYER_INPUTS[layer];
      for (const read of write.reads) {
        if (allowed.includes(read.layer ?? 'source')) continue;
        out.push({
          code: LAYER_CODES.layerRead,
          severity: 'error',
          message: `job '${job.name}' writes ${layer} table '${write.target.name}' from ${describe(read)}; a ${layer} table reads only from ${allowed.join(', ')}`,
          hint: read.layer === undefined ? `give '${read.name}' a layer, or land it in an ods table first` : `read the ${allowed.filter((a) => a !== 'source').join('/')} table derived from '${read.name}' instead, or change '${write.target.name}''s layer`,
          path: write.path,
        });
      }
    }
  }
}

function checkOneDefinition(jobs: readonly GraphJob[], out: Diagnostic[]): void {
  const seen = new Map<string, { readonly job: string; readonly declaration: CreateTable | CreateView }>();
  const visit = (job: GraphJob, path: string, t: GraphTable): void => {
    const first = seen.get(t.name);
    if (first === undefined) {
      seen.set(t.name, { job: job.name, declaration: t.declaration });
      return;
    }
    if (first.declaration !== t.declaration && JSON.stringify(first.declaration) !== JSON.stringify(t.declaration)) {
      out.push({
        code: LAYER_CODES.conflictingDeclarations,
        severity: 'error',
        message: `job '${job.name}' declares '${t.name}' differently from job '${first.job}'`,
        hint: 'declare the table once and import that declaration in every job that reads or writes it',
        path,
      });
    }
  };
  for (const job of jobs) {
    for (const write of job.writes) {
      visit(job, write.path, write.target);
      for (const read of write.reads) visit(job, write.path, read);
    }
  }
}

function checkWriters(jobs: readonly GraphJob[], out: Diagnostic[]): void {
  const writers = new Map<string, { job: string; path: string }[]>();
  for (const job of jobs) {
    for (const write of job.writes) {
      const list = writers.get(write.target.name) ?? [];
      if (!list.some((w) => w.job === job.name)) list.push({ job: job.name, path: write.path });
      writers.set(write.target.name, list);
    }
  }
  for (const [name, list] of writers) {
    if (list.length < 2) continue;
    out.push({
      code: LAYER_CODES.severalWriters,
      severity: 'warning',
      message: `table '${name}' is written by ${list.length} jobs: ${list.map((w) => w.job).join(', ')}`,
      hint: 'give each table one writing job, or make sure the writers own disjoint keys and the sink merges them',
      path: list[1]!.path,
    });
  }
}

function checkCycles(jobs: readonly GraphJob[], out: Diagnostic[]): void {
  const edges = new Map<string, Map<string, { job: string; path: string }>>();
  for (const job of jobs) {
    for (const write of job.writes) {
      for (const read of write.reads) {
        const from = edges.get(read.name) ?? new Map<string, { job: string; path: string }>();
        if (!from.has(write.target.name)) from.set(write.target.name, { job: job.name, path: write.path });
        edges.set(read.name, from);
      }
    }
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const reported = new Set<string>();
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const [next, via] of [...(edges.get(node) ?? new Map<string, { job: string; path: string }>())].sort(([a], [b]) => a.localeCompare(b))) {
      const s = state.get(next);
      if (s === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          out.push({
            code: LAYER_CODES.cycle,
            severity: 'error',
            message: `the tables form a cycle: ${cycle.join(' → ')} (closed by job '${via.job}')`,
            hint: 'a pipeline must flow one way; write the result into a new table instead of one of its inputs',
            path: via.path,
          });
        }
      } else if (s === undefined) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
}

/** Cross-job checks of a pipeline's table graph. Self-reads within one INSERT count as cycles too. */
export function checkPipelineGraph(jobs: readonly GraphJob[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkLayers(jobs, out);
  checkCycles(jobs, out);
  checkWriters(jobs, out);
  checkOneDefinition(jobs, out);
  return out;
}
