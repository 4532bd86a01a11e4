/**
 * The statements of one job, in the order Flink runs them: SET lines, CREATE CATALOG, CREATE DATABASE for the
 * catalog databases its tables live in, CREATE TABLE / VIEW, then the INSERT or one statement set.
 * Platforms that accept only temporary objects in a deployment (VVP, Alibaba) get the persistent DDL as a
 * separate setup script, run once in the platform's SQL editor. Catalog tables are stored without their
 * credentials; the job passes those as OPTIONS hints (catalog-credentials.ts).
 */
import type { CreateCatalog, CreateDatabase, CreateTable, CreateView, Insert, OptionEntry, Statement, StatementSet } from '@flinkts/core';
import { createDatabase, set, use, useCatalog } from '@flinkts/core';
import { hintInsert, hintQuery, splitCredentials } from './catalog-credentials.js';
import type { ResolvedJob } from './resolve-environment.js';

export interface JobScript {
  /** The deployment script. */
  readonly statements: readonly Statement[];
  /** Persistent DDL (catalogs, databases, non-temporary tables and views) for platforms that need it apart. */
  readonly setup: readonly Statement[];
  /** The INSERTs (hinted), which end `statements` as one statement, a statement set, or each on its own (`bareInserts`). */
  readonly inserts: readonly Insert[];
}

export interface ScriptOptions {
  /** Print settings as SET lines (the plain SQL target); other targets carry them in their spec. */
  readonly setLines: boolean;
  /** Put persistent DDL into `setup` instead of the script (VVP, Alibaba). */
  readonly splitPersistent: boolean;
  /**
   * The INSERTs as separate statements (StreamPark gathers them into one statement set itself and refuses
   * `EXECUTE STATEMENT SET`); otherwise several INSERTs are one statement set.
   */
  readonly bareInserts?: boolean;
  /** Rewrites each WITH value (variable substitution, secret syntax). */
  readonly optionValue?: OptionValue;
}

type OptionValue = (value: string) => string;

/**
 * Rewritten nodes by rewrite: a table that several jobs of an environment declare is rewritten once and stays one
 * node, so it is printed once (emit/printed.ts). Callers that pass the same `optionValue` for an environment (sqlText)
 * share them; weak keys keep nothing alive.
 */
const rewritten = new WeakMap<OptionValue, WeakMap<object, object>>();

function remembered<T extends object>(f: OptionValue, node: object, make: () => T): T {
  let byNode = rewritten.get(f);
  if (byNode === undefined) rewritten.set(f, (byNode = new WeakMap()));
  let made = byNode.get(node) as T | undefined;
  if (made === undefined) byNode.set(node, (made = make()));
  return made;
}

/**
 * The node with `f` applied to its WITH values — the same node when no value changes, so a statement that does not
 * depend on the environment stays one node in every environment's script (and is printed once: emit/printed.ts).
 */
function mapOptions<T extends { readonly options: readonly OptionEntry[] }>(node: T, f: OptionValue | undefined): T {
  if (f === undefined) return node;
  return remembered(f, node, () => {
    const options = mapEntries(node.options, f);
    return options === node.options ? node : Object.freeze({ ...node, options });
  });
}

/** `entries` with `f` applied to each value; the same array when no value changes. */
function mapEntries(entries: readonly OptionEntry[], f: OptionValue | undefined): readonly OptionEntry[] {
  if (f === undefined) return entries;
  let changed = false;
  const mapped = entries.map((o) => {
    const value = f(o.value);
    if (value === o.value) return o;
    changed = true;
    return Object.freeze({ ...o, value });
  });
  return changed ? Object.freeze(mapped) : entries;
}

/** A catalog table's statement without its credential options (the same node for the same statement). */
const storedTables = new WeakMap<CreateTable, CreateTable>();
function withoutCredentials(declared: CreateTable, stored: readonly OptionEntry[]): CreateTable {
  let table = storedTables.get(declared);
  if (table?.options !== stored) storedTables.set(declared, (table = Object.freeze({ ...declared, options: stored })));
  return table;
}

/** Statement sets by their first INSERT: the same INSERTs give the same node (printed once, emit/printed.ts). */
const statementSets = new WeakMap<Insert, StatementSet>();

/**
 * `CREATE DATABASE IF NOT EXISTS catalog.db` nodes by name: a function of the two names alone, so one node for every
 * job and environment that uses the database (printed once, emit/printed.ts) instead of a fresh node per script.
 * Keyed by the names (strings), so the map holds one small node per database name a process has built.
 */
const databaseStatements = new Map<string, CreateDatabase>();

function databaseStatement(catalog: string, database: string): CreateDatabase {
  const key = `${catalog}\u0000${database}`;
  let made = databaseStatements.get(key);
  if (made === undefined) databaseStatements.set(key, (made = createDatabase(Object.freeze([catalog, database] as const), { ifNotExists: true })));
  return made;
}

/** The inserts as one statement: the INSERT itself, or a statement set. */
export function insertStatement(inserts: readonly Insert[]): Statement {
  if (inserts.length === 1) return inserts[0]!;
  const first = inserts[0];
  const known = first === undefined ? undefined : statementSets.get(first);
  if (known !== undefined && known.inserts.length === inserts.length && known.inserts.every((x, i) => x === inserts[i])) return known;
  const made: StatementSet = Object.freeze({ kind: 'StatementSet', inserts: Object.freeze([...inserts]) });
  if (first !== undefined) statementSets.set(first, made);
  return made;
}

export function jobScript(job: ResolvedJob, options: ScriptOptions): JobScript {
  const d = job.declarations;
  const script: Statement[] = [];
  const setup: Statement[] = [];
  const persistent = (s: Statement): void => {
    (options.splitPersistent ? setup : script).push(s);
  };
  if (options.setLines) for (const e of job.settings) script.push(set(e.key, e.value));
  const catalogs = [...d.catalogs];
  const using = job.job.spec.use;
  if (using !== undefined && !catalogs.some((c) => c.name === using.catalog.name)) catalogs.push(using.catalog);
  for (const c of catalogs) persistent(mapOptions<CreateCatalog>(c.toStatement(), options.optionValue));
  if (using !== undefined && !options.splitPersistent) {
    script.push(useCatalog(using.catalog.name));
    if (using.database !== undefined) script.push(use(using.database));
  }
  const databases: string[][] = [];
  for (const t of [...d.tables.filter((x) => !x.statement.temporary), ...d.views.filter((v) => !v.statement.temporary)]) {
    if (t.path.length !== 3) continue;
    const db = [t.path[0]!, t.path[1]!];
    if (!databases.some((x) => x[0] === db[0] && x[1] === db[1])) databases.push(db);
  }
  for (const db of databases) persistent(databaseStatement(db[0]!, db[1]!));
  const credentials = new Map<string, readonly OptionEntry[]>();
  for (const t of d.tables) {
    const declared = t.toStatement();
    if (declared.temporary) {
      script.push(mapOptions<CreateTable>(declared, options.optionValue));
      continue;
    }
    const { stored, credentials: secrets } = splitCredentials(declared.options, job.secrets);
    if (secrets.length > 0) credentials.set(t.path.join('.'), mapEntries(secrets, options.optionValue));
    persistent(secrets.length === 0 ? mapOptions<CreateTable>(declared, options.optionValue) : mapOptions<CreateTable>(withoutCredentials(declared, stored), options.optionValue));
  }
  for (const v of d.views) {
    const declared: CreateView = v.toStatement();
    if (declared.temporary) {
      const query = hintQuery(declared.query, credentials);
      script.push(query === declared.query ? declared : Object.freeze({ ...declared, query }));
    } else persistent(declared);
  }
  const inserts = job.inserts.map((i) => hintInsert(i, credentials));
  if (options.bareInserts === true) script.push(...inserts);
  else script.push(insertStatement(inserts));
  return { statements: script, setup, inserts };
}
