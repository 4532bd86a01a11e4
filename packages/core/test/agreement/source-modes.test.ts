/**
 * `check` and `runJob` read what a source emits from one place (plan/properties/source-modes.ts): for every
 * connector and format of the connectors package's catalog, with and without a PRIMARY KEY, and for tables of a
 * Paimon catalog, the analyzer (with `connectorValidators`, as `flinkts check` runs) and the local runtime (with
 * `resolveCapabilities`) give the same source changelog; without the plug-in both read the same (insert-only, but
 * Flink's `values` connector by its `changelog-mode`).
 */
import { describe, expect, it } from 'vitest';
import { CONNECTORS, FORMAT_CATALOGS, connectorValidators, resolveCapabilities } from '@flinkts/connectors';
import { ObjectCatalog } from '../../src/catalog/catalog.js';
import { sqlScript } from '../../src/testing/oracle/sql-front-end.js';
import { sourceModes } from '../../src/plan/properties/source-modes.js';
import { LocalJob } from '../../src/runtime/job.js';
import type { CreateTable } from '../../src/ast/statement.js';

const formats = [...FORMAT_CATALOGS.keys()];

/** CREATE TABLE statements: each connector with each format (as `format` and as `value.format`), with and without a key. */
function tables(): string[] {
  const out: string[] = [];
  const quote = (entries: [string, string][]) => entries.map(([k, v]) => `'${k}' = '${v}'`).join(', ');
  let n = 0;
  for (const connector of CONNECTORS.keys()) {
    const variants: [string, string][][] = [[], ...formats.map((f) => [['format', f]] as [string, string][]), ...formats.map((f) => [['key.format', 'json'], ['value.format', f]] as [string, string][])];
    if (connector === 'paimon') variants.push(...['none', 'input', 'lookup', 'full-compaction'].map((p) => [['changelog-producer', p]] as [string, string][]));
    for (const extra of variants) {
      for (const key of [false, true]) {
        out.push(`CREATE TABLE t${n++} (id INT NOT NULL, v STRING${key ? ', PRIMARY KEY (id) NOT ENFORCED' : ''}) WITH (${quote([['connector', connector], ...extra])})`);
      }
    }
  }
  for (const mode of ['I', 'I,UB,UA,D', 'I,UA,D', 'I,D']) out.push(`CREATE TABLE t${n++} (id INT NOT NULL, v STRING) WITH ('connector' = 'values', 'changelog-mode' = '${mode}')`);
  return out;
}

const PAIMON = `CREATE CATALOG pc WITH ('type' = 'paimon', 'warehouse' = 'file:///tmp/w');
USE CATALOG pc;
CREATE TABLE p0 (id INT NOT NULL, v STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('changelog-producer' = 'input');
CREATE TABLE p1 (id INT NOT NULL, v STRING, PRIMARY KEY (id) NOT ENFORCED);
CREATE TABLE p2 (id INT NOT NULL, v STRING);`;

/** Each table's source changelog as the analyzer and as the runtime read it. */
function both(sql: string, withPlugin: boolean): { analyzer: string[]; runtime: string[] } {
  const script = sqlScript(sql);
  const analyzerModes = sourceModes(withPlugin ? connectorValidators.capabilities : undefined);
  const job = new LocalJob(script, withPlugin ? { capabilities: resolveCapabilities } : {});
  const created = script.statements.filter((s): s is CreateTable => s.kind === 'CreateTable');
  // the analyzer's catalog, statement by statement (a table is looked up where it is created)
  const catalog = new ObjectCatalog();
  const analyzer: string[] = [];
  for (const st of script.statements) {
    catalog.apply(st);
    if (st.kind !== 'CreateTable') continue;
    const entry = catalog.lookup(st.path);
    if (entry?.kind !== 'table') throw new Error(`no table ${st.path.join('.')}`);
    analyzer.push(`${st.path.join('.')}: ${analyzerModes(entry) ?? 'insert-only'}`);
  }
  return {
    analyzer,
    runtime: created.map((t) => {
      const name = t.path.join('.');
      return `${name}: ${job.tableMode(name) === 'insert-only' ? 'insert-only' : job.tableUpsert(name) ? 'upsert' : 'all'}`;
    }),
  };
}

describe('source changelog modes: one rule for check and run', () => {
  const sql = tables().join(';\n') + ';\n' + PAIMON;

  it('agree with the connectors\' capabilities on every connector / format combination and Paimon catalog tables', () => {
    const { analyzer, runtime } = both(sql, true);
    expect(runtime).toEqual(analyzer);
    // the combinations cover every kind of source
    const kinds = new Set(analyzer.map((l) => l.split(': ')[1]));
    expect([...kinds].sort()).toEqual(['all', 'insert-only', 'upsert']);
    expect(analyzer).toContain('p0: all');
  });

  it('agree without the plug-in: nothing known but the values connector\'s changelog-mode', () => {
    const { analyzer, runtime } = both(sql, false);
    expect(runtime).toEqual(analyzer);
    expect(new Set(analyzer.filter((l) => !l.includes('insert-only')).map((l) => l.split(': ')[1]))).toEqual(new Set(['all', 'upsert']));
    expect(analyzer.filter((l) => !l.includes('insert-only'))).toHaveLength(3);
  });
});
