/**
 * The pipeline's declarations by name, and what one job needs of them: the catalogs of the tables it uses, the
 * tables, and the views (in dependency order) — collected from its INSERTs, never listed twice.
 */
import type { Catalog, Diagnostic, Insert, Table, View } from '@flinkts/core';
import { didYouMean, textFields } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';
import type { AnyPipeline } from './pipeline.js';
import { tableRefs } from './table-refs.js';

export type Declared = Table<string, unknown, string> | View<string, unknown>;

export interface Registry {
  /** By path joined with '.', in declaration order. */
  readonly tables: ReadonlyMap<string, Declared>;
  readonly catalogs: ReadonlyMap<string, Catalog>;
}

export function buildRegistry(p: AnyPipeline, diagnostics: Diagnostic[]): Registry {
  const tables = new Map<string, Declared>();
  const catalogs = new Map<string, Catalog>();
  p.spec.tables.forEach((t, i) => {
    const name = t.path.join('.');
    const first = tables.get(name);
    if (first !== undefined && first !== t) {
      diagnostics.push({ ...textFields(TEXTS.duplicateDeclaration({ kind: 'table', name, pipeline: p.name })), severity: 'error', path: `tables[${i}]` });
      return;
    }
    tables.set(name, t);
  });
  (p.spec.catalogs ?? []).forEach((c, i) => {
    const first = catalogs.get(c.name);
    if (first !== undefined && first !== c) {
      diagnostics.push({ ...textFields(TEXTS.duplicateDeclaration({ kind: 'catalog', name: c.name, pipeline: p.name })), severity: 'error', path: `catalogs[${i}]` });
      return;
    }
    catalogs.set(c.name, c);
  });
  return { tables, catalogs };
}

/** What one INSERT touches once views are expanded. */
export interface InsertUse {
  readonly target: Declared | undefined;
  /** Every table and view read, directly or through views. */
  readonly reads: readonly Declared[];
}

export interface JobDeclarations {
  readonly catalogs: readonly Catalog[];
  readonly tables: readonly Table<string, unknown, string>[];
  readonly views: readonly View<string, unknown>[];
  readonly inserts: readonly InsertUse[];
}

/**
 * Each declaration's place in the registry, so a job's few declarations are put in declaration order without
 * walking all of the pipeline's (300 jobs × 1,000 tables). Weak keys: nothing is kept once the registry is gone.
 */
const orders = new WeakMap<Registry, ReadonlyMap<Declared, number>>();

function declarationOrder(registry: Registry): ReadonlyMap<Declared, number> {
  let order = orders.get(registry);
  if (order === undefined) {
    const made = new Map<Declared, number>();
    for (const d of registry.tables.values()) if (!made.has(d)) made.set(d, made.size);
    orders.set(registry, (order = made));
  }
  return order;
}

/** Collects what a job's INSERTs need; an unknown name is a diagnostic at `path`. */
export function collectDeclarations(inserts: readonly Insert[], registry: Registry, path: string, diagnostics: Diagnostic[]): JobDeclarations {
  const used = new Set<Declared>();
  const lookup = (name: string, at: string): Declared | undefined => {
    const found = registry.tables.get(name);
    if (found === undefined) {
      const names = [...registry.tables.keys()];
      const short = name.split('.').pop()!;
      const same = names.filter((n) => n.split('.').pop() === short);
      diagnostics.push({
        ...textFields(TEXTS.undeclared({ kind: 'table', name, declaredAs: same, suggestion: same.length > 0 ? undefined : didYouMean(name, names) })),
        severity: 'error',
        path: at,
      });
    }
    return found;
  };
  const expand = (name: string, at: string, reads: Declared[], seen: Set<string>): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const d = lookup(name, at);
    if (d === undefined) return;
    used.add(d);
    reads.push(d);
    if (d.kind === 'view') for (const inner of tableRefs(d.statement.query)) expand(inner, at, reads, seen);
  };
  const uses: InsertUse[] = inserts.map((insert, i) => {
    const at = `${path}.statements[${i}]`;
    const target = lookup(insert.target.join('.'), at);
    if (target !== undefined) used.add(target);
    const reads: Declared[] = [];
    const seen = new Set<string>();
    for (const name of tableRefs(insert.query)) expand(name, at, reads, seen);
    return { target, reads };
  });
  const position = declarationOrder(registry);
  const ordered = [...used].sort((a, b) => position.get(a)! - position.get(b)!);
  const tables = ordered.filter((d): d is Table<string, unknown, string> => d.kind === 'table');
  const views = orderViews(ordered.filter((d): d is View<string, unknown> => d.kind === 'view'));
  const catalogNames = new Set(tables.filter((t) => t.path.length === 3).map((t) => t.path[0]!));
  for (const v of views) if (v.path.length === 3) catalogNames.add(v.path[0]!);
  const catalogs: Catalog[] = [];
  for (const name of catalogNames) {
    const c = registry.catalogs.get(name);
    if (c === undefined) {
      diagnostics.push({ ...textFields(TEXTS.undeclared({ kind: 'catalog', name, suggestion: didYouMean(name, registry.catalogs.keys()) })), severity: 'error', path });
    } else {
      catalogs.push(c);
    }
  }
  catalogs.sort((a, b) => [...registry.catalogs.values()].indexOf(a) - [...registry.catalogs.values()].indexOf(b));
  return { catalogs, tables, views, inserts: uses };
}

/** Views after the views they read (stable otherwise). */
function orderViews(views: readonly View<string, unknown>[]): View<string, unknown>[] {
  const byName = new Map(views.map((v) => [v.path.join('.'), v]));
  const out: View<string, unknown>[] = [];
  const visit = (v: View<string, unknown>, stack: Set<View<string, unknown>>): void => {
    if (out.includes(v) || stack.has(v)) return;
    stack.add(v);
    for (const name of tableRefs(v.statement.query)) {
      const inner = byName.get(name);
      if (inner !== undefined) visit(inner, stack);
    }
    out.push(v);
  };
  for (const v of views) visit(v, new Set());
  return out;
}
