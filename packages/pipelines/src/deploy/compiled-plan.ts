/**
 * Reading Flink's compiled plan (`COMPILE PLAN` JSON, Flink 1.20): the stateful operators of a job, each with
 * the sink it feeds, its keys in column names, its aggregate list and its state TTLs — the facts a state restore
 * depends on, taken from Flink's own plan rather than from a reading of the SQL.
 */

export interface CompiledPlanJson {
  readonly flinkVersion?: string;
  readonly nodes: readonly PlanNode[];
  readonly edges: readonly { readonly source: number; readonly target: number }[];
}

interface PlanNode {
  readonly id: number;
  readonly type: string;
  readonly description?: string;
  readonly outputType?: PlanType;
  readonly grouping?: readonly number[];
  readonly partitionKeys?: readonly number[];
  readonly uniqueKeys?: readonly number[];
  readonly aggCalls?: readonly { readonly internalName?: string; readonly name?: string; readonly argList?: readonly number[]; readonly distinct?: boolean; readonly type?: PlanType }[];
  readonly needRetraction?: boolean;
  readonly joinSpec?: { readonly joinType?: string; readonly leftKeys?: readonly number[]; readonly rightKeys?: readonly number[] };
  readonly state?: readonly { readonly name: string; readonly ttl: string }[];
  readonly scanTableSource?: { readonly table?: { readonly identifier?: string } };
  readonly dynamicTableSink?: { readonly table?: { readonly identifier?: string } };
  readonly inputChangelogMode?: readonly string[];
}

/** One stateful operator as the comparison sees it. */
export interface StatefulOperator {
  /** The plan node's id: a job started from the compiled plan runs this operator under the uid `<id>_<transformation>`. */
  readonly id: number;
  /** Flink's operator kind without the version suffix, e.g. `group-aggregate`, `join`, `changelog-normalize`. */
  readonly kind: string;
  /** The sink table it feeds (the first one, by identifier), e.g. `default_catalog.default_database.snk`. */
  readonly sink: string;
  /** The source tables it reads. */
  readonly sources: readonly string[];
  /** Its keys in column names (grouping, join or partition keys), `[]` when none. */
  readonly keys: readonly string[];
  /** For a join, the right side's keys. */
  readonly rightKeys?: readonly string[];
  /** Its aggregate functions, e.g. `COUNT()`, `SUM(v)`, `COUNT(DISTINCT u)`. */
  readonly aggregates: readonly string[];
  /**
   * Per aggregate, the layout of its accumulator in state (Flink 1.20's built-in aggregates: COUNT → BIGINT,
   * SUM(INT) → INT, AVG(INT) → BIGINT,BIGINT …; others by function, argument and result types): two lists with the
   * same layouts restore into each other whatever the columns are called.
   */
  readonly accumulators: readonly string[];
  /** Whether its accumulators take retractions (an input that updates). */
  readonly retracting: boolean;
  /** Its state entries with their TTL as Flink prints them (`0 ms` = none). */
  readonly state: readonly { readonly name: string; readonly ttl: string }[];
  /** Flink's description of the operator, for messages. */
  readonly description: string;
}

export interface JobSinkModes {
  /** Per sink table: the changelog modes of its input (INSERT / UPDATE_BEFORE / UPDATE_AFTER / DELETE). */
  readonly [sink: string]: readonly string[];
}

const STATEFUL = /aggregate|join|deduplicate|rank|limit|sort|changelog-normalize|match|over|window/;

/** A node's output type: SQL text, or a structure when it has a time attribute. */
export type PlanType = string | { readonly type?: string; readonly fields?: readonly { readonly name: string }[] };

/** Column names of a `ROW<`a` INT, `b` ROW<…>>` type (top level only). */
export function rowFieldNames(type: PlanType | undefined): string[] {
  if (type === undefined) return [];
  // a type with a time attribute is serialised as a structure: {type: 'ROW', fields: [{name, fieldType}]}
  if (typeof type !== 'string') return (type.fields ?? []).map((f) => f.name);
  const inner = type.replace(/^ROW<|>(\s+NOT NULL)?$/g, '');
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '<' || ch === '(') depth++;
    else if (ch === '>' || ch === ')') depth--;
    else if (ch === '`' && depth === 0) {
      let j = i + 1;
      let name = '';
      while (j < inner.length) {
        if (inner[j] === '`' && inner[j + 1] === '`') { name += '`'; j += 2; continue; }
        if (inner[j] === '`') break;
        name += inner[j];
        j++;
      }
      names.push(name);
      // skip to the next top-level comma
      i = j;
      let d = 0;
      while (i + 1 < inner.length && !(inner[i + 1] === ',' && d === 0)) {
        i++;
        if (inner[i] === '<' || inner[i] === '(') d++;
        else if (inner[i] === '>' || inner[i] === ')') d--;
      }
    }
  }
  return names;
}

/** Column types of a row type, in order (top level only; `NOT NULL` dropped: it does not change a serializer). */
export function rowFieldTypes(type: PlanType | undefined): string[] {
  if (type === undefined) return [];
  if (typeof type !== 'string') return (type.fields ?? []).map((f) => JSON.stringify((f as { fieldType?: unknown }).fieldType ?? '?'));
  const inner = type.replace(/^ROW<|>(\s+NOT NULL)?$/g, '');
  const types: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < inner.length) {
    if (inner[i] !== '`') { i++; continue; }
    // skip the quoted name
    let j = i + 1;
    while (j < inner.length && !(inner[j] === '`' && inner[j + 1] !== '`')) j += inner[j] === '`' ? 2 : 1;
    let k = j + 1;
    depth = 0;
    while (k < inner.length && !(inner[k] === ',' && depth === 0)) {
      if (inner[k] === '<' || inner[k] === '(') depth++;
      else if (inner[k] === '>' || inner[k] === ')') depth--;
      k++;
    }
    types.push(inner.slice(j + 1, k).trim().replace(/\s+NOT NULL$/, ''));
    i = k + 1;
  }
  return types;
}

const plainType = (t: PlanType | undefined): string => (t === undefined ? '?' : typeof t === 'string' ? t.replace(/\s+NOT NULL$/, '') : JSON.stringify(t));

/** The accumulator layout of one aggregate call (see StatefulOperator.accumulators). */
function accumulatorLayout(fn: string, argTypes: readonly string[], result: string, distinct: boolean, retracting: boolean): string {
  if (distinct) return `distinct ${fn}(${argTypes.join(', ')})`;
  const arg = argTypes[0] ?? '?';
  switch (fn) {
    case 'COUNT': return 'BIGINT';
    case 'SUM': return retracting ? `${result},BIGINT` : result;
    case 'SUM0': return result;
    case 'AVG': {
      const scale = /^DECIMAL\(\d+,\s*(\d+)\)$/.exec(arg)?.[1];
      const sum = /^(TINYINT|SMALLINT|INT|INTEGER|BIGINT)$/.test(arg) ? 'BIGINT' : /^(FLOAT|DOUBLE)$/.test(arg) ? 'DOUBLE' : scale !== undefined ? `DECIMAL(38, ${scale})` : `avg(${arg})`;
      return `${sum},BIGINT`;
    }
    case 'MIN':
    case 'MAX': return retracting ? `${fn} with retraction(${arg})` : arg;
    default: return `${fn}(${argTypes.join(', ')}) ${result}`;
  }
}

const unquote = (identifier: string | undefined): string => (identifier ?? '?').replace(/`/g, '');
export const operatorKind = (type: string): string => type.replace(/^stream-exec-/, '').replace(/_\d+$/, '');

export function readCompiledPlan(plan: CompiledPlanJson): { readonly operators: readonly StatefulOperator[]; readonly sinkModes: JobSinkModes } {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const inputs = new Map<number, number[]>();
  const outputs = new Map<number, number[]>();
  for (const e of plan.edges) {
    inputs.set(e.target, [...(inputs.get(e.target) ?? []), e.source]);
    outputs.set(e.source, [...(outputs.get(e.source) ?? []), e.target]);
  }
  const inputNames = (id: number, side = 0): string[] => rowFieldNames(byId.get((inputs.get(id) ?? [])[side] ?? -1)?.outputType);
  const sinkOf = (id: number, seen = new Set<number>()): string => {
    const n = byId.get(id);
    if (n?.dynamicTableSink !== undefined) return unquote(n.dynamicTableSink.table?.identifier);
    seen.add(id);
    const next = (outputs.get(id) ?? []).filter((o) => !seen.has(o)).sort((a, b) => a - b)[0];
    return next === undefined ? '?' : sinkOf(next, seen);
  };
  const sourcesOf = (id: number, out = new Set<string>()): Set<string> => {
    const n = byId.get(id);
    if (n?.scanTableSource !== undefined) out.add(unquote(n.scanTableSource.table?.identifier));
    for (const i of inputs.get(id) ?? []) sourcesOf(i, out);
    return out;
  };
  const names = (idx: readonly number[] | undefined, cols: readonly string[]): string[] => (idx ?? []).map((i) => cols[i] ?? `$${i}`);
  const operators: StatefulOperator[] = [];
  // topological order: Flink numbers nodes in creation order, inputs before their consumers
  for (const n of [...plan.nodes].sort((a, b) => a.id - b.id)) {
    const kind = operatorKind(n.type);
    if (n.state === undefined && !STATEFUL.test(kind)) continue;
    if (kind === 'sink' && (n.state ?? []).length === 0) continue;
    const cols = inputNames(n.id);
    const colTypes = rowFieldTypes(byId.get((inputs.get(n.id) ?? [])[0] ?? -1)?.outputType);
    const fnOf = (a: NonNullable<PlanNode['aggCalls']>[number]): string => (a.internalName ?? a.name ?? '?').replace(/^\$|\$\d+$/g, '');
    const aggregates = (n.aggCalls ?? []).map((a) => `${fnOf(a)}(${a.distinct === true ? 'DISTINCT ' : ''}${names(a.argList, cols).join(', ')})`);
    const accumulators = (n.aggCalls ?? []).map((a) => accumulatorLayout(fnOf(a), (a.argList ?? []).map((i) => colTypes[i] ?? '?'), plainType(a.type), a.distinct === true, n.needRetraction === true));
    const keys = n.joinSpec !== undefined ? names(n.joinSpec.leftKeys, cols) : names(n.grouping ?? n.partitionKeys ?? n.uniqueKeys, cols);
    operators.push({
      id: n.id,
      kind,
      sink: sinkOf(n.id),
      sources: [...sourcesOf(n.id)].sort(),
      keys,
      ...(n.joinSpec === undefined ? {} : { rightKeys: names(n.joinSpec.rightKeys, inputNames(n.id, 1)) }),
      aggregates,
      accumulators,
      retracting: n.needRetraction === true,
      state: n.state ?? [],
      description: n.description ?? kind,
    });
  }
  const sinkModes: Record<string, readonly string[]> = {};
  for (const n of plan.nodes) if (n.dynamicTableSink !== undefined) sinkModes[unquote(n.dynamicTableSink.table?.identifier)] = n.inputChangelogMode ?? [];
  return { operators, sinkModes };
}
