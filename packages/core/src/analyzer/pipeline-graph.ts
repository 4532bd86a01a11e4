/**
 * Checks across the jobs of a pipeline: the table graph they form. A statement writing a layer reads only from
 * the layers below it, the graph has no cycles, a table written by several jobs is flagged, and every job that
 * names a table means the same declaration (one definition, many uses).
 */
import type { CreateTable, CreateView } from '../ast/statement.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Layer } from '../table/table.js';
import { textFields } from '../diagnostics/code-table.js';
import { LAYER_TEXTS } from './layer-codes.js';

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
          ...textFields(LAYER_TEXTS.layerRead({ job: job.name, layer, target: write.target.name, read: describe(read), readName: read.name, readHasLayer: read.layer !== undefined, allowed })),
          severity: 'error',
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
      out.push({ ...textFields(LAYER_TEXTS.conflictingDeclarations({ job: job.name, table: t.name, first: first.job })), severity: 'error', path });
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
    out.push({ ...textFields(LAYER_TEXTS.severalWriters({ table: name, jobs: list.map((w) => w.job) })), severity: 'warning', path: list[1]!.path });
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
          out.push({ ...textFields(LAYER_TEXTS.cycle({ cycle, job: via.job })), severity: 'error', path: via.path });
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
