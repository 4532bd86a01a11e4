/** Source changelog modes from connector capabilities (`RunOptions.capabilities`). */
import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import type { ConnectorResolver } from '../../src/index.js';

const SQL = `CREATE CATALOG lake WITH ('type' = 'paimon', 'warehouse' = '/tmp/w');
CREATE TABLE lake.db.orders (id INT, amount INT, PRIMARY KEY (id) NOT ENFORCED) WITH ('changelog-producer' = 'input');
CREATE TABLE totals (n BIGINT, s INT) WITH ('connector' = 'print');
INSERT INTO totals SELECT COUNT(*), SUM(amount) FROM lake.db.orders;`;

const inputs = { orders: [{ id: 1, amount: 5 }, { kind: '-U' as const, row: { id: 1, amount: 5 } }, { kind: '+U' as const, row: { id: 1, amount: 7 } }] };

/** Paimon in a Paimon catalog: a primary-key table with a changelog producer emits every change kind. */
const paimonLike: ConnectorResolver = (options, { hasPrimaryKey, catalogType }) =>
  catalogType === 'paimon' && hasPrimaryKey
    ? { source: options.some((o) => o.key === 'changelog-producer') ? 'all' : 'upsert', sink: 'upsert', primaryKey: 'optional', lookup: true, bounded: false }
    : undefined;

describe('source capabilities', () => {
  test("without a resolver, a catalog's table (no connector option) is refused rather than read as insert-only (FTS7008)", () => {
    expect(() => runJob(SQL, { inputs })).toThrow(/FTS7008[\s\S]*table 'lake\.db\.orders' \(no connector option\) is read as a source/);
  });

  test("with the connectors' capabilities, the catalog's type makes it a changelog source", () => {
    const r = runJob(SQL, { inputs, capabilities: paimonLike });
    // The -U retracts the only row (Flink deletes the aggregate); the +U inserts it anew.
    expect(r.changelog('totals')).toEqual(['+I[1, 5]', '-D[1, 5]', '+I[1, 7]']);
  });

  test('an upsert source is normalized: the -U is derived from the state, not taken from the input', () => {
    const upsert: ConnectorResolver = () => ({ source: 'upsert', sink: 'upsert', primaryKey: 'required', lookup: false, bounded: false });
    const r = runJob(SQL, { inputs: { orders: [{ id: 1, amount: 5 }, { kind: '+U', row: { id: 1, amount: 7 } }] }, capabilities: upsert });
    expect(r.rows('totals')).toEqual([{ n: 1, s: 7 }]);
  });
});
