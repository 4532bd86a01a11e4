/**
 * The statements of one job, in the order Flink runs them: SET lines, CREATE CATALOG, CREATE DATABASE for the
 * catalog databases its tables live in, CREATE TABLE / VIEW, then the INSERT or one statement set.
 * Platforms that accept only temporary objects in a deployment (VVP, Alibaba) get the persistent DDL as a
 * separate setup script, run once in the platform's SQL editor. Catalog tables are stored without their
 * credentials; the job passes those as OPTIONS hints (catalog-credentials.ts).
 */
import type { CreateCatalog, CreateTable, CreateView, Insert, OptionEntry, Statement } from '@flinkts/core';
import { createDatabase, set, use, useCatalog } from '@flinkts/core';
import { hintInsert, hintQuery, splitCredentials } from './catalog-credentials.js';
import type { ResolvedJob } from './resolve-environment.js';

export interface JobScript {
  /** The deployment script. */
  readonly statements: readonly Statement[];
  /** Persistent DDL (catalogs, databases, non-temporary tables and views) for platforms that need it apart. */
  readonly setup: readonly Statement[];
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
  readonly optionValue?: (value: string) => string;
}

function mapOptions<T extends { readonly options: readonly OptionEntry[] }>(node: T, f: ((value: string) => string) | undefined): T {
  if (f === undefined) return node;
  return Object.freeze({ ...node, options: Object.freeze(node.options.map((o) => Object.freeze({ ...o, value: f(o.value) }))) });
}

/** The inserts as one statement: the INSERT itself, or a statement set. */
export function insertStatement(inserts: readonly Insert[]): Statement {
  return inserts.length === 1 ? inserts[0]! : Object.freeze({ kind: 'StatementSet', inserts: Object.freeze([...inserts]) });
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
  for (const db of databases) persistent(createDatabase([db[0]!, db[1]!] as const, { ifNotExists: true }));
  const credentials = new Map<string, readonly OptionEntry[]>();
  const mapValue = (o: OptionEntry): OptionEntry => (options.optionValue === undefined ? o : Object.freeze({ ...o, value: options.optionValue(o.value) }));
  for (const t of d.tables) {
    const declared = t.toStatement();
    if (declared.temporary) {
      script.push(mapOptions<CreateTable>(declared, options.optionValue));
      continue;
    }
    const { stored, credentials: secrets } = splitCredentials(declared.options, job.secrets);
    if (secrets.length > 0) credentials.set(t.path.join('.'), secrets.map(mapValue));
    persistent(Object.freeze({ ...declared, options: Object.freeze(stored.map(mapValue)) }));
  }
  for (const v of d.views) {
    const declared: CreateView = v.toStatement();
    if (declared.temporary) script.push(Object.freeze({ ...declared, query: hintQuery(declared.query, credentials) }));
    else persistent(declared);
  }
  const inserts = job.inserts.map((i) => hintInsert(i, credentials));
  if (options.bareInserts === true) script.push(...inserts);
  else script.push(insertStatement(inserts));
  return { statements: script, setup };
}
