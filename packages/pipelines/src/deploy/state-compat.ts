/**
 * Whether an updated job can restore the running version's state, from the two compiled plans: every stateful
 * operator is matched per sink in plan order, and each difference Flink's restore cares about is named with the
 * operator and its consequence.
 *
 * - `restore-fails`: Flink refuses the savepoint (the state's key or value layout changed), even with
 *   allowNonRestoredState;
 * - `state-misrouted`: Flink restores the old state into another operator, which goes on with it (a removed
 *   source's splits and offsets given to another source with its operator id, which then reads the removed
 *   source's partitions); starting without state is the only way to avoid it;
 * - `state-dropped`: the old state has no operator to go to — the job starts only with allowNonRestoredState, and
 *   that state is lost;
 * - `safe`: restores (a new operator starts empty, a changed TTL applies from now on).
 */
import { operatorKind, readCompiledPlan } from './compiled-plan.js';
import type { CompiledPlanJson, JobSinkModes, StatefulOperator } from './compiled-plan.js';
import type { GeneratedOperatorId } from './plan-compiler.js';
import { pinOperatorIds } from './operator-ids.js';

export type Consequence = 'restore-fails' | 'state-misrouted' | 'state-dropped' | 'safe';

export interface StateFinding {
  /** The operator, e.g. `group-aggregate feeding dws.sales` . */
  readonly operator: string;
  readonly change: string;
  readonly consequence: Consequence;
}

export interface StateCompatibility {
  /** The worst consequence of all findings (`safe` when there are none). */
  readonly verdict: Consequence;
  readonly findings: readonly StateFinding[];
}

const RANK: Record<Consequence, number> = { safe: 0, 'state-dropped': 1, 'state-misrouted': 2, 'restore-fails': 3 };
export const worst = (cs: readonly Consequence[]): Consequence => cs.reduce<Consequence>((a, b) => (RANK[b] > RANK[a] ? b : a), 'safe');

const list = (xs: readonly string[]): string => (xs.length === 0 ? '(none)' : xs.join(', '));
const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const label = (o: StatefulOperator): string => `${o.kind} feeding ${o.sink}`;
const noTtl = (ttl: string): boolean => /^0\s*ms$/.test(ttl.trim());

/** Aggregates whose accumulator is the same with and without retraction; SUM keeps a count too, MIN / MAX a map view, DISTINCT a view. */
const RETRACT_STABLE = /^(COUNT|AVG)\((?!DISTINCT )/;

/**
 * Whether taking (or no longer taking) retractions changes an aggregate's accumulator layout: Flink adds a
 * COUNT(*) of its own to count a retracting aggregate's input unless the list has one, and switches the
 * aggregates that are not retraction-stable to their retracting variants.
 */
/** An aggregate's function, e.g. `SUM` of `SUM($f1)`, `COUNT DISTINCT` of `COUNT(DISTINCT $f2)`. */
function functionOf(aggregate: string): string {
  const m = /^([^(]*)\((DISTINCT )?/.exec(aggregate);
  return m === null ? aggregate : `${m[1]}${m[2] === undefined ? '' : ' DISTINCT'}`;
}

function retractionChangesLayout(aggregates: readonly string[]): boolean {
  return !aggregates.includes('COUNT()') || aggregates.some((a) => !RETRACT_STABLE.test(a));
}

function compareOperator(a: StatefulOperator, b: StatefulOperator): StateFinding[] {
  const out: StateFinding[] = [];
  const op = label(b);
  if (!same(a.keys, b.keys)) {
    out.push({ operator: op, change: `${b.kind === 'join' ? 'join' : 'grouping'} keys changed from [${list(a.keys)}] to [${list(b.keys)}]`, consequence: 'restore-fails' });
  }
  if (a.rightKeys !== undefined && b.rightKeys !== undefined && !same(a.rightKeys, b.rightKeys)) {
    out.push({ operator: op, change: `right join keys changed from [${list(a.rightKeys)}] to [${list(b.rightKeys)}]`, consequence: 'restore-fails' });
  }
  if (!same(a.aggregates, b.aggregates)) {
    // Flink restores an aggregate's accumulators by their serialized layout, not by what they aggregate: the same
    // functions over other arguments continue from the old values; another function in the same layout would also be
    // restored by Flink, but would continue from the old function's value (a MAX from a SUM): wrong results, refused
    const kept = same(a.accumulators, b.accumulators);
    const sameFunctions = same(a.aggregates.map(functionOf), b.aggregates.map(functionOf));
    const change = `aggregates changed from [${list(a.aggregates)}] to [${list(b.aggregates)}]`;
    out.push({
      operator: op,
      change: !kept
        ? `${change} (the accumulator layout in state changes from [${list(a.accumulators)}] to [${list(b.accumulators)}])`
        : sameFunctions
          ? `${change}; the accumulators keep their layout [${list(b.accumulators)}], so each continues from the old one's value`
          : `${change}; Flink would restore the accumulators by their layout [${list(b.accumulators)}] and each new function would continue from another function's value, so the restore must not happen`,
      consequence: kept && sameFunctions ? 'safe' : 'restore-fails',
    });
  }
  if (a.retracting !== b.retracting && b.aggregates.length > 0) {
    const changes = retractionChangesLayout(b.aggregates);
    out.push({
      operator: op,
      change: `its input ${b.retracting ? 'now updates: the aggregates take retractions' : 'no longer updates: the aggregates stop taking retractions'} (${changes ? 'different accumulators' : 'COUNT(*) already counts the input, the accumulators keep their layout'})`,
      consequence: changes ? 'restore-fails' : 'safe',
    });
  }
  const ttlA = a.state.map((s) => s.ttl);
  const ttlB = b.state.map((s) => s.ttl);
  if (!same(ttlA, ttlB)) {
    const switched = ttlA.some((t, i) => ttlB[i] !== undefined && noTtl(t) !== noTtl(ttlB[i] as string));
    out.push({
      operator: op,
      change: `state TTL changed from ${list(ttlA)} to ${list(ttlB)}`,
      consequence: switched ? 'restore-fails' : 'safe',
    });
  }
  return out;
}

function compareSink(sink: string, before: readonly StatefulOperator[], after: readonly StatefulOperator[]): StateFinding[] {
  const kindsA = before.map((o) => o.kind);
  const kindsB = after.map((o) => o.kind);
  if (same(kindsA, kindsB)) return before.flatMap((a, i) => compareOperator(a, after[i] as StatefulOperator));
  if (same([...kindsA].sort(), [...kindsB].sort())) {
    return [{ operator: `stateful operators feeding ${sink}`, change: `reordered from [${kindsA.join(' → ')}] to [${kindsB.join(' → ')}]: each one's state would go to a different operator`, consequence: 'restore-fails' }];
  }
  const out: StateFinding[] = [];
  const remaining = [...after];
  for (const a of before) {
    const i = remaining.findIndex((b) => b.kind === a.kind);
    if (i >= 0) {
      out.push(...compareOperator(a, remaining[i] as StatefulOperator));
      remaining.splice(i, 1);
    } else if (a.kind === 'changelog-normalize') {
      out.push({ operator: label(a), change: `source ${list(a.sources)} no longer produces an upsert changelog (its ChangelogNormalize is gone)`, consequence: 'state-dropped' });
    } else {
      out.push({ operator: label(a), change: `removed (${a.description})`, consequence: 'state-dropped' });
    }
  }
  for (const b of remaining) {
    if (b.kind === 'changelog-normalize') {
      out.push({ operator: label(b), change: `source ${list(b.sources)} now produces an upsert changelog (adds ChangelogNormalize state)`, consequence: 'restore-fails' });
    } else {
      // a new operator changes the generated operator ids of those after it on the same path
      out.push({ operator: label(b), change: `added (${b.description}): starts with empty state and shifts the operator ids of the stateful operators after it`, consequence: 'state-dropped' });
    }
  }
  return out;
}

/**
 * How the two versions' operators get their ids, which decides where Flink sends each piece of state:
 * - `pinned`: both run from compiled plans (`EXECUTE PLAN`), the new plan's node ids pinned to the running
 *   plan's (operator-ids.ts): state goes to the operator with the same id, whatever its position;
 * - `generated`: the platform compiles the SQL itself and Flink generates the ids from the job graph's shape:
 *   operators are matched per sink in plan order, and one added or moved shifts the ones after it;
 * - `to-pinned`: the running version was started from SQL (generated ids) and the new one from a compiled plan:
 *   no id carries over.
 */
export type OperatorIdMode = 'pinned' | 'generated' | 'to-pinned';

const labelWithId = (o: StatefulOperator): string => `${o.kind} ${o.id} feeding ${o.sink}`;

/** Pinned ids: each running operator's state goes to the new operator with its id. */
function compareByIds(before: readonly StatefulOperator[], after: readonly StatefulOperator[]): StateFinding[] {
  const out: StateFinding[] = [];
  const next = new Map(after.map((o) => [o.id, o]));
  for (const a of before) {
    const b = next.get(a.id);
    if (b !== undefined && b.kind === a.kind) {
      out.push(...compareOperator(a, b).map((f) => ({ ...f, operator: labelWithId(b) })));
    } else if (a.kind === 'changelog-normalize') {
      out.push({ operator: labelWithId(a), change: `source ${list(a.sources)} no longer produces an upsert changelog (its ChangelogNormalize is gone)`, consequence: 'state-dropped' });
    } else {
      out.push({ operator: labelWithId(a), change: `removed (${a.description}): its state maps to no operator`, consequence: 'state-dropped' });
    }
  }
  for (const b of after) {
    if (before.some((a) => a.id === b.id && a.kind === b.kind)) continue;
    out.push({ operator: labelWithId(b), change: `added (${b.description}): starts with empty state, the other operators keep their ids`, consequence: 'safe' });
  }
  return out;
}

/** The operator ids Flink generates for each version given as SQL (plan-compiler.ts), when they were computed. */
export interface GeneratedIds {
  readonly before: readonly GeneratedOperatorId[];
  readonly after: readonly GeneratedOperatorId[];
}

/** A source: its readers' splits and its enumerator's state (offsets, pending splits) are state too. */
function sourceOperators(plan: CompiledPlanJson): StatefulOperator[] {
  return plan.nodes.filter((n) => n.scanTableSource !== undefined).map((n) => {
    const table = (n.scanTableSource?.table?.identifier ?? '?').replace(/`/g, '');
    return { id: n.id, kind: 'source', sink: '', sources: [table], keys: [], aggregates: [], accumulators: [], retracting: false, state: [], description: `source ${table}` };
  });
}

/**
 * Generated ids, computed by Flink (StreamGraphHasherV2 over the job graph): each running operator's state goes
 * to the new operator with its id, wherever the change that moved it is — its own upstream, another branch's
 * position in the graph, a source added before it. An operator's state is kept only when every stream operator of
 * its plan node keeps its id. Sources count: their split and enumerator state has to find its operator too.
 */
function compareByGeneratedIds(deployed: CompiledPlanJson, next: CompiledPlanJson, ids: GeneratedIds): StateFinding[] {
  const idsOf = (all: readonly GeneratedOperatorId[], node: number): string[] => all.filter((o) => o.node === node).map((o) => o.operatorId);
  const before = [...readCompiledPlan(deployed).operators, ...sourceOperators(deployed)];
  const after = [...readCompiledPlan(next).operators, ...sourceOperators(next)];
  const owner = new Map<string, StatefulOperator>();
  for (const b of after) for (const id of idsOf(ids.after, b.id)) owner.set(id, b);
  const named = (o: StatefulOperator): string => (o.kind === 'source' ? o.description : label(o));
  const out: StateFinding[] = [];
  const matched = new Set<StatefulOperator>();
  for (const a of before) {
    const mine = idsOf(ids.before, a.id);
    const targets = new Set(mine.map((id) => owner.get(id)));
    const b = targets.size === 1 ? [...targets][0] : undefined;
    if (b !== undefined && mine.length > 0 && b.kind === a.kind) {
      matched.add(b);
      if (a.kind === 'source') {
        const coordinated = (all: readonly GeneratedOperatorId[], node: number) => all.some((o) => o.node === node && o.coordinated === true);
        if (a.sources[0] === b.sources[0]) continue;
        if (coordinated(ids.before, a.id) && !coordinated(ids.after, b.id)) {
          // checked on real Flink with a Kafka source (source-restore.test.ts): the savepoint restores, no allowance asked
          out.push({ operator: named(a), change: `its operator id now belongs to source ${b.sources[0]}, a SourceFunction source without a split enumerator: Flink restores the savepoint without asking for allowNonRestoredState, and that source ignores the splits and offsets, so they are dropped`, consequence: 'state-dropped' });
        } else {
          // checked with two Kafka sources on real Flink (source-restore.test.ts): the other one reads on from these offsets
          out.push({ operator: named(a), change: `its operator id now belongs to source ${b.sources[0]}, which gets its splits and offsets: a source of the same connector goes on reading them (a Kafka source reads the removed source's partitions from their offsets beside its own), one of another connector cannot read them`, consequence: 'state-misrouted' });
        }
      } else {
        out.push(...compareOperator(a, b));
      }
      continue;
    }
    const still = after.find((x) => x.kind === a.kind && (a.kind === 'source' ? x.sources[0] === a.sources[0] : x.sink === a.sink));
    if (a.kind === 'source' && !ids.before.some((o) => o.node === a.id && o.coordinated === true)) {
      // a SourceFunction source (datagen, a JDBC scan) with no state of its own: Flink skips its empty state
      out.push({ operator: named(a), change: `${still === undefined ? 'removed' : 'its Flink-generated operator id changes'} (a SourceFunction source, no split enumerator): Flink drops its state only if the function kept some (datagen sequences do)`, consequence: 'safe' });
      continue;
    }
    const what = a.kind === 'source' ? 'its splits and offsets map' : 'its state maps';
    out.push({
      operator: named(a),
      change: still !== undefined
        ? `its Flink-generated operator id changes (the job graph changed before it or in a branch traversed ahead of it): ${what} to no operator`
        : `removed (${a.description}): ${what} to no operator`,
      consequence: 'state-dropped',
    });
  }
  for (const b of after) {
    if (!matched.has(b) && b.kind !== 'source') out.push({ operator: named(b), change: `added or given a new id (${b.description}): starts with empty state`, consequence: 'safe' });
  }
  return out;
}

/** The source tables whose operators have a split enumerator (a coordinator), from Flink's generated-id answer for a plan. */
export function coordinatedSources(plan: CompiledPlanJson, ids: readonly GeneratedOperatorId[]): Set<string> {
  return new Set(sourceOperators(plan).filter((s) => ids.some((o) => o.node === s.id && o.coordinated === true)).map((s) => s.sources[0] as string));
}

/**
 * Pinned ids keep a source's id as long as its table is read (operator-ids.ts matches sources by table): a source
 * table no longer read leaves its state behind — its splits and offsets when it has a split enumerator, nothing
 * when it is a SourceFunction without state. `coordinated` undefined: not known, so it is taken to have one.
 */
function removedSources(deployed: CompiledPlanJson, next: CompiledPlanJson, coordinated: ReadonlySet<string> | undefined): StateFinding[] {
  const kept = new Set(sourceOperators(next).map((s) => s.sources[0]));
  return sourceOperators(deployed).filter((s) => !kept.has(s.sources[0])).map((s) => {
    const table = s.sources[0] as string;
    return coordinated !== undefined && !coordinated.has(table)
      ? { operator: s.description, change: 'removed (a SourceFunction source, no split enumerator): Flink drops its state only if the function kept some (datagen sequences do)', consequence: 'safe' as const }
      : { operator: s.description, change: 'removed: its splits and offsets map to no operator', consequence: 'state-dropped' as const };
  });
}

export function compareCompiledPlans(deployed: CompiledPlanJson, next: CompiledPlanJson, mode: OperatorIdMode = 'generated', ids?: GeneratedIds, coordinated?: ReadonlySet<string>): StateCompatibility {
  if (mode === 'generated' && ids !== undefined) {
    const findings = compareByGeneratedIds(deployed, next, ids);
    findings.push(...sinkModeChanges(readCompiledPlan(deployed).sinkModes, readCompiledPlan(next).sinkModes));
    return { verdict: worst(findings.map((f) => f.consequence)), findings };
  }
  const a = readCompiledPlan(deployed);
  const b = readCompiledPlan(mode === 'pinned' ? pinOperatorIds(deployed, next).plan : next);
  if (mode !== 'generated') {
    const findings = mode === 'pinned'
      ? [...compareByIds(a.operators, b.operators), ...removedSources(deployed, next, coordinated)]
      : a.operators.map((o): StateFinding => ({ operator: label(o), change: 'the running version was started from SQL (ids generated from the job graph), the new one from a compiled plan (ids from the plan): its state maps to no operator', consequence: 'state-dropped' }));
    findings.push(...sinkModeChanges(a.sinkModes, b.sinkModes));
    return { verdict: worst(findings.map((f) => f.consequence)), findings };
  }
  const sinks = [...new Set([...a.operators.map((o) => o.sink), ...b.operators.map((o) => o.sink)])].sort();
  const findings: StateFinding[] = [];
  for (const sink of sinks) {
    const before = a.operators.filter((o) => o.sink === sink);
    const after = b.operators.filter((o) => o.sink === sink);
    if (after.length === 0) {
      for (const o of before) findings.push({ operator: label(o), change: `removed (${sink} is no longer written by these operators)`, consequence: 'state-dropped' });
      continue;
    }
    if (before.length === 0) {
      for (const o of after) findings.push({ operator: label(o), change: 'added: starts with empty state', consequence: 'safe' });
      continue;
    }
    findings.push(...compareSink(sink, before, after));
  }
  // Without Flink's generated ids (a compiler that cannot compute them): Flink generates an operator's id from its
  // place in the job graph (what runs before it, its position in the traversal, its chained outputs); a node
  // added, removed or moved upstream of a stateful operator changes its id. Changes in other branches that move
  // it in the traversal are seen only with the ids (compareByGeneratedIds).
  const [upA, upB] = [upstreamShapes(deployed), upstreamShapes(next)];
  const flagged = new Set(findings.filter((f) => f.consequence !== 'safe').map((f) => f.operator));
  for (const sink of sinks) {
    const before = a.operators.filter((o) => o.sink === sink);
    const after = b.operators.filter((o) => o.sink === sink);
    if (before.length !== after.length || before.some((o, i) => o.kind !== after[i]?.kind)) continue;
    before.forEach((o, i) => {
      const n = after[i] as StatefulOperator;
      if (flagged.has(label(o)) || upA.get(o.id) === upB.get(n.id)) return;
      flagged.add(label(o));
      findings.push({ operator: label(o), change: `the plan upstream of it changed shape (${shapeDiff(kindsUpstream(deployed, o.id), kindsUpstream(next, n.id))}): its generated operator id changes, and then its state is not restored`, consequence: 'state-dropped' });
    });
  }
  findings.push(...sinkModeChanges(a.sinkModes, b.sinkModes));
  return { verdict: worst(findings.map((f) => f.consequence)), findings };
}

function sinkModeChanges(before: JobSinkModes, after: JobSinkModes): StateFinding[] {
  return Object.entries(after).flatMap(([sink, modes]) => {
    const old = before[sink];
    return old !== undefined && !same(old, modes) ? [{ operator: `sink ${sink}`, change: `its input changelog changed from [${list(old)}] to [${list(modes)}]`, consequence: 'safe' as const }] : [];
  });
}

/** Per node: its kind and out-degree with those of everything upstream of it, in input order (what Flink's generated id depends on). */
function upstreamShapes(plan: CompiledPlanJson): Map<number, string> {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const inputs = new Map<number, number[]>();
  const outDegree = new Map<number, number>();
  for (const e of plan.edges) {
    inputs.set(e.target, [...(inputs.get(e.target) ?? []), e.source]);
    outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
  }
  const memo = new Map<number, string>();
  const shape = (id: number): string => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const text = `${operatorKind(byId.get(id)?.type ?? '?')}/${outDegree.get(id) ?? 0}(${(inputs.get(id) ?? []).map(shape).join(',')})`;
    memo.set(id, text);
    return text;
  };
  for (const n of plan.nodes) shape(n.id);
  return memo;
}

/** The kinds of a node's upstream nodes (itself included). */
function kindsUpstream(plan: CompiledPlanJson, id: number): string[] {
  const inputs = new Map<number, number[]>();
  for (const e of plan.edges) inputs.set(e.target, [...(inputs.get(e.target) ?? []), e.source]);
  const seen = new Set<number>();
  const walk = (n: number): void => {
    if (seen.has(n)) return;
    seen.add(n);
    for (const i of inputs.get(n) ?? []) walk(i);
  };
  walk(id);
  return plan.nodes.filter((n) => seen.has(n.id)).map((n) => operatorKind(n.type));
}

/** The node kinds one plan has more of than the other, e.g. `+calc`, `-rank`; `moved` when only the order changed. */
function shapeDiff(before: readonly string[], after: readonly string[]): string {
  const count = (xs: readonly string[]) => xs.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
  const [ca, cb] = [count(before), count(after)];
  const out: string[] = [];
  for (const k of [...new Set([...before, ...after])].sort()) {
    const d = (cb.get(k) ?? 0) - (ca.get(k) ?? 0);
    if (d !== 0) out.push(`${d > 0 ? '+' : '-'}${k}${Math.abs(d) > 1 ? ` ×${Math.abs(d)}` : ''}`);
  }
  return out.length === 0 ? 'nodes moved, rewired or fanned out' : out.join(', ');
}
