/**
 * Operator ids of a job submitted as a compiled plan. Flink 1.20 gives every operator of a job started from a
 * compiled plan (`EXECUTE PLAN`) the uid `<node id>_<transformation>` (`table.exec.uid.format`), and a savepoint's
 * state goes to the operator with the same uid. A freshly compiled plan numbers its nodes in creation order, so
 * an added operator or two INSERTs swapped in a statement set would move state to another operator. Pinning
 * gives each node of the new plan the id its counterpart had in the running plan — sources and sinks by table,
 * every other node by its kind, the sinks it feeds and the sources it reads, in plan order — and new nodes ids
 * above all the old ones, so state follows its operator, not its position.
 */
import type { CompiledPlanJson } from './compiled-plan.js';
import { operatorKind } from './compiled-plan.js';

interface NodeShape {
  readonly id: number;
  readonly type: string;
  readonly scanTableSource?: { readonly table?: { readonly identifier?: string } };
  readonly dynamicTableSink?: { readonly table?: { readonly identifier?: string } };
}

const unquote = (identifier: string | undefined): string => (identifier ?? '?').replace(/`/g, '');

/** Per node: the identity its counterpart in another version of the job has (`source|t`, `sink|t`, `kind|sinks|sources`). */
export function nodeRoles(plan: CompiledPlanJson, renames: ReadonlyMap<string, string> = new Map()): Map<number, string> {
  const nodes = plan.nodes as readonly NodeShape[];
  const inputs = new Map<number, number[]>();
  const outputs = new Map<number, number[]>();
  for (const e of plan.edges) {
    inputs.set(e.target, [...(inputs.get(e.target) ?? []), e.source]);
    outputs.set(e.source, [...(outputs.get(e.source) ?? []), e.target]);
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const reach = (id: number, next: Map<number, number[]>, pick: (n: NodeShape) => string | undefined, out = new Set<string>(), seen = new Set<number>()): Set<string> => {
    if (seen.has(id)) return out;
    seen.add(id);
    const n = byId.get(id);
    const own = n === undefined ? undefined : pick(n);
    if (own !== undefined) out.add(own);
    for (const m of next.get(id) ?? []) reach(m, next, pick, out, seen);
    return out;
  };
  const renamed = (identifier: string): string => {
    for (const [from, to] of renames) {
      if (identifier === from) return to;
      if (identifier.endsWith(`.${from}`)) return `${identifier.slice(0, -from.length)}${to}`;
    }
    return identifier;
  };
  const sinkOf = (n: NodeShape): string | undefined => (n.dynamicTableSink === undefined ? undefined : renamed(unquote(n.dynamicTableSink.table?.identifier)));
  const sourceOf = (n: NodeShape): string | undefined => (n.scanTableSource === undefined ? undefined : renamed(unquote(n.scanTableSource.table?.identifier)));
  const roles = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const n of [...nodes].sort((a, b) => a.id - b.id)) {
    const base = n.scanTableSource !== undefined
      ? `source|${sourceOf(n)}`
      : n.dynamicTableSink !== undefined
        ? `sink|${sinkOf(n)}`
        : `${operatorKind(n.type)}|${[...reach(n.id, outputs, sinkOf)].sort().join(',')}|${[...reach(n.id, inputs, sourceOf)].sort().join(',')}`;
    // the k-th node with the same role (two scans of one table, two aggregates on one path) pairs with the k-th
    const k = seen.get(base) ?? 0;
    seen.set(base, k + 1);
    roles.set(n.id, `${base}#${k}`);
  }
  return roles;
}

export interface PinnedPlan {
  readonly plan: CompiledPlanJson;
  /** New node id → the id it runs under (the running plan's id for a matched node, a fresh one otherwise). */
  readonly ids: ReadonlyMap<number, number>;
}

/**
 * `next` with its node ids pinned to those of the `running` plan's counterparts (the JSON is otherwise unchanged).
 * `renames` maps a table of `next` (dotted path, e.g. a shadow table) to the table it stands for in `running`.
 */
export function pinOperatorIds(running: CompiledPlanJson, next: CompiledPlanJson, renames: ReadonlyMap<string, string> = new Map()): PinnedPlan {
  const oldRoles = new Map([...nodeRoles(running)].map(([id, role]) => [role, id]));
  let fresh = Math.max(0, ...running.nodes.map((n) => n.id));
  const ids = new Map<number, number>();
  for (const [id, role] of [...nodeRoles(next, renames)].sort((a, b) => a[0] - b[0])) ids.set(id, oldRoles.get(role) ?? ++fresh);
  const to = (id: number): number => ids.get(id) ?? id;
  const plan = {
    ...next,
    nodes: next.nodes.map((n) => ({ ...n, id: to(n.id) })),
    edges: next.edges.map((e) => ({ ...e, source: to(e.source), target: to(e.target) })),
  } as CompiledPlanJson;
  return { plan, ids };
}
