// What exports-probe.mjs calls besides the exported functions: the constructors of exported classes and the methods
// of the objects the exports build. The objects are discovered, not listed: every exported object with function
// properties (`t`, `fn` …) and a few seeds built the way the README builds them (a table, a query, an insert, a
// job, a pipeline, a run's result) start a walk; every exported function and every method found is then called
// with a few well-formed argument lists (VALID_ARGUMENTS), and each object it returns that has methods of a new
// shape becomes one more kind to walk. A new method, or a new builder returned by one, is probed without an edit here.

/** Well-formed argument lists tried on every function and method to reach the objects it builds. */
function validArguments(seed) {
  const { expr, bool, table, query } = seed;
  const first = (scope) => firstExpr(scope) ?? expr;
  return [
    [],
    ['x'],
    [1],
    [expr],
    [bool],
    [expr, expr],
    [query],
    [(scope) => first(scope)],
    [(scope) => first(scope).isNotNull()],
    [(scope) => [first(scope)]],
    [(scope) => ({ a: first(scope) })],
    [table, 'b'],
    [table, 'b', (scope) => first(scope).isNotNull()],
    ['x', { statements: seed.insert }],
  ];
}

/** The first expression among a callback's argument (a scope `{ o: { id, … } }` or columns `{ id, … }`). */
function firstExpr(scope, depth = 0) {
  if (scope === null || typeof scope !== 'object' || depth > 1) return undefined;
  for (const v of Object.values(scope)) {
    if (v !== null && typeof v === 'object' && typeof v.isNotNull === 'function' && 'node' in v) return v;
    const inner = firstExpr(v, depth + 1);
    if (inner !== undefined) return inner;
  }
  return undefined;
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Members a class declares `private` (`QueryBuilder.refs`, a sink output's `result`): TypeScript hides them,
 * JavaScript can still reach them, but they are not API and are not probed. By class name, read from the packages'
 * sources (classes that are not exported have no declarations in dist/).
 */
export function privateMembers(root) {
  const out = new Map();
  const visit = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) visit(path);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) {
        for (const m of readFileSync(path, 'utf8').matchAll(/^(?:export )?(?:abstract )?class (\w+)[^\n]*\{\n([\s\S]*?)^\}/gm)) {
          const names = out.get(m[1]) ?? new Set();
          for (const p of m[2].matchAll(/\bprivate\s+(?:static\s+)?(?:readonly\s+)?(?:async\s+)?(?:get\s+|set\s+)?(\w+)/g)) names.add(p[1]);
          out.set(m[1], names);
        }
      }
    }
  };
  for (const pkg of readdirSync(join(root, 'packages'))) visit(join(root, 'packages', pkg, 'src'));
  return out;
}

/**
 * JavaScript's own collections, patterns and iterators (an exported `ReadonlySet` of names, a RegExp): their methods
 * are the language's, and `.clear()` / `.compile()` would change the export for every later call.
 */
const BUILTIN_PROTOTYPES = new Set([Map, Set, WeakMap, WeakSet, RegExp, Date, Promise, ArrayBuffer].map((c) => c.prototype)
  .concat([Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))]));
const isBuiltin = (object) => {
  for (let o = Object.getPrototypeOf(object); o !== null; o = Object.getPrototypeOf(o)) if (BUILTIN_PROTOTYPES.has(o)) return true;
  return false;
};

const isClass = (v) => typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v));

/** The callable properties of an object: own ones (`t.bigint`) and its classes' methods (`.where`), by name. */
function methodsOf(object) {
  const names = new Set();
  for (let o = object; o !== null && o !== Object.prototype && o !== Function.prototype && o !== Error.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === 'constructor' || names.has(name)) continue;
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d !== undefined && typeof d.value === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

/** The class's name as declared (the bundler renames `class CaseBuilder` to `_CaseBuilder` or `Expr2` at times). */
const className = (object) => (object.constructor?.name ?? 'Object').replace(/^_+/, '').replace(/(\D)\d+$/, '$1');

/** A shape: the class's name and its methods; two objects of one shape are one kind. */
const shapeOf = (object) => `${className(object)}{${methodsOf(object).join(',')}}`;

const isThenable = (v) => v !== null && typeof v === 'object' && typeof v.then === 'function';

/**
 * The targets: `{ entry, name, call(args) }` for each constructor (`new C(…)`) and each method of each kind, in a
 * fixed order (the probe restarts from an index after a hang). `modules` maps an entry's name to its module;
 * `skip(kind, method)` names calls left out (with why, in the probe).
 */
export function probeTargets(modules, seeds, skip, privates) {
  const targets = [];
  for (const [entry, m] of modules) {
    for (const [name, value] of Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (isClass(value)) targets.push({ entry, name: `new ${name}()`, call: (args) => new value(...args) });
    }
  }
  const kinds = new Map();
  const queue = [];
  const add = (label, object) => {
    if (object === null || typeof object !== 'object' || Array.isArray(object) || isThenable(object) || isBuiltin(object)) return;
    if (methodsOf(object).length === 0) return;
    const shape = shapeOf(object);
    if (kinds.has(shape)) return;
    kinds.set(shape, label);
    queue.push({ label, object });
  };
  const tries = validArguments(seeds);
  const returns = (f, self) => {
    const out = [];
    for (const args of tries) {
      try {
        const r = f.apply(self, args);
        if (isThenable(r)) r.then(undefined, () => {});
        else if (r !== null && typeof r === 'object') out.push({ args, value: r });
      } catch {
        // a well-formed list that does not fit this function: another one may
      }
    }
    return out;
  };
  for (const [entry, m] of modules) {
    for (const [name, value] of Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) add(`${entry} ${name}`, value);
    }
  }
  for (const [name, value] of Object.entries(seeds)) add(name, value);
  for (const [entry, m] of modules) {
    for (const [name, value] of Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (typeof value === 'function' && !isClass(value)) for (const r of returns(value, undefined)) add(`${name}(…)`, r.value);
    }
  }
  for (let i = 0; i < queue.length; i++) {
    const { label, object } = queue[i];
    const hidden = privates.get(className(object)) ?? new Set();
    // objects it holds (a table's connector, a session's clock): own data properties, not getters or private ones
    for (const key of Object.keys(object).sort()) {
      const d = Object.getOwnPropertyDescriptor(object, key);
      if (d !== undefined && 'value' in d && !hidden.has(key)) add(`${label}.${key}`, d.value);
    }
    for (const method of methodsOf(object)) {
      if (hidden.has(method) || skip(label, method)) continue;
      const f = object[method];
      const found = returns(f, object);
      for (const r of found) add(`${label}.${method}(…)`, r.value);
      targets.push({
        entry: label,
        name: `.${method}()`,
        call: (args) => f.apply(object, args),
        // the well-formed lists it took, so a hostile value can stand in each position of one
        valid: found.map((r) => r.args).filter((a) => a.length > 0),
      });
    }
  }
  return targets;
}

/**
 * One object of each kind the README builds, from the exports alone: a table with a watermark and a connector, a
 * query, an expression, a finished query, an insert, a job, a pipeline and a local run's result.
 */
export function buildSeeds(modules) {
  const core = modules.get('@flinkts/core');
  const connectors = modules.get('@flinkts/connectors');
  const pipelines = modules.get('@flinkts/pipelines');
  const testing = modules.get('@flinkts/core/testing');
  const { t } = core;
  const table = core.table('orders', {
    columns: { id: t.bigint().notNull(), amount: t.decimal(10, 2), note: t.string(), tags: t.array(t.string()), ts: t.timestamp(3) },
    watermark: { column: 'ts', delay: core.interval('5', 'SECOND') },
    primaryKey: ['id'],
    connector: connectors.upsertKafka({ topic: 'orders', 'properties.bootstrap.servers': 'localhost:9092', 'key.format': connectors.json(), 'value.format': connectors.json() }),
  });
  const sink = core.table('totals', { columns: { id: t.bigint().notNull(), amount: t.decimal(10, 2) }, primaryKey: ['id'], connector: connectors.print() });
  const builder = core.from(table, 'o');
  let expr;
  builder.where(({ o }) => { expr = o.amount; return o.amount.gt(0); });
  const bool = expr.gt(0);
  const query = builder.where(() => bool).select(({ o }) => ({ id: o.id, amount: o.amount }));
  const insert = core.insertInto(sink, query);
  const job = pipelines.job('totals', { statements: insert });
  const pipeline = pipelines.pipeline({ name: 'shop', jobs: [job], tables: [table, sink], targets: { sql: {} }, environments: { dev: {}, prod: { jobs: { totals: { parallelism: 2 } } } } });
  const script = core.printStatements([table.toStatement(), sink.toStatement(), insert]);
  const run = testing.runJob(script, { inputs: { orders: [[1n, '2.50', 'a', ['x'], '2024-01-01 00:00:00']] }, capabilities: connectors.resolveCapabilities });
  const window = core.tumble(table, { timecol: 'ts', size: core.interval('1', 'MINUTE') });
  // the deploy clients, pointed at a port nothing listens on (the discard port: refused at once), and deployment
  // records under the probe's scratch folder (its working directory)
  const closed = 'http://127.0.0.1:9';
  const deploy = {
    rest: new pipelines.FlinkRestClient(closed, 1_000),
    gateway: new pipelines.SqlGatewayClient(closed, 1_000),
    target: new pipelines.GatewayTarget(closed, closed),
    records: new pipelines.DeploymentRecords('records', 'shop', 'dev', 'gateway'),
  };
  const declarations = { view: core.view('recent', query), catalog: core.catalog('mem', connectors.genericInMemoryCatalog()) };
  return { table, sink, builder, expr, bool, query, insert, job, pipeline, run, window, secret: connectors.secret('password'), ...declarations, ...deploy };
}
