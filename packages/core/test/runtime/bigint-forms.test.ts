/**
 * The runtime holds a BIGINT as a number when it is a safe integer and as a bigint otherwise (and computations
 * produce bigints), so one value may arrive in either form. Whatever mix of forms the rows carry, every job
 * gives the same changelog as with bigints only: keys, joins, DISTINCT, retractions, sums and casts treat both
 * forms of a value as one value, and values beyond 2^53 stay exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';

const DDL = `CREATE TABLE a (k BIGINT, v BIGINT, s STRING) WITH ('connector' = 'values');
  CREATE TABLE b (k BIGINT, w BIGINT) WITH ('connector' = 'values');
  CREATE TABLE c (k BIGINT, v BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');`;

const JOBS: Record<string, string> = {
  'group by a BIGINT, SUM / MIN / MAX / AVG / COUNT DISTINCT': 'SELECT k, SUM(v), MIN(v), MAX(v), AVG(v), COUNT(DISTINCT v) FROM a GROUP BY k',
  'join on a BIGINT against a computed BIGINT': 'SELECT a.k, a.v, b.w FROM a JOIN b ON a.k = b.k + 0',
  'join of a BIGINT with an INT-typed key': 'SELECT a.k, b.w FROM a JOIN b ON CAST(a.k AS INT) = CAST(b.k AS INT)',
  'LEFT join and its retractions': 'SELECT a.k, a.s, b.w FROM a LEFT JOIN b ON a.k = b.k',
  'UNION ALL of a column and a computation, then DISTINCT': 'SELECT DISTINCT x FROM (SELECT k AS x FROM a UNION ALL SELECT w * 1 AS x FROM b)',
  'group by two keys, one BIGINT': 'SELECT k, s, COUNT(*) FROM a GROUP BY k, s',
  'arithmetic, comparison and casts of a BIGINT column': "SELECT k + v, k * 2, v / 3, -v, CAST(v AS STRING), CAST(v AS DECIMAL(20, 0)), CAST(v AS DOUBLE), v > 5, k = v FROM a WHERE v <> 7",
  'an upsert source keyed by a BIGINT (ChangelogNormalize)': 'SELECT k, v FROM c',
  'an aggregate over an upsert source (retractions)': 'SELECT v, COUNT(*), SUM(k) FROM c GROUP BY v',
  'IN sub-query on a BIGINT': 'SELECT k, v FROM a WHERE k IN (SELECT w FROM b)',
  'TopN ordered by a BIGINT': 'SELECT k, v FROM (SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM a) WHERE rn <= 2',
};

const BIG = [0n, 1n, -1n, 7n, 2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 53n, 2n ** 62n, -(2n ** 63n)];
const bigValue = fc.oneof(fc.bigInt({ min: -5n, max: 5n }), fc.constantFrom(...BIG));
/** Each value as a bigint, or as a number when it is a safe integer and the coin says so. */
const asForm = (v: bigint | null, number: boolean): bigint | number | null => (v !== null && number && v >= -(2n ** 53n - 1n) && v <= 2n ** 53n - 1n ? Number(v) : v);
const cell = fc.record({ v: fc.option(bigValue, { nil: null, freq: 6 }), number: fc.boolean() });

const tables = fc.record({
  a: fc.array(fc.record({ k: cell, v: cell, s: fc.constantFrom('x', 'y') }), { maxLength: 8 }),
  b: fc.array(fc.record({ k: cell, w: cell }), { maxLength: 8 }),
  c: fc.array(fc.record({ k: fc.record({ v: bigValue, number: fc.boolean() }), v: cell, del: fc.boolean() }), { maxLength: 8 }),
});
type Cell = { v: bigint | null; number: boolean };
type Tables = { a: { k: Cell; v: Cell; s: string }[]; b: { k: Cell; w: Cell }[]; c: { k: Cell; v: Cell; del: boolean }[] };

function inputs(t: Tables, mixed: boolean) {
  const f = (c: Cell) => asForm(c.v, mixed && c.number);
  return {
    a: t.a.map((r) => [f(r.k), f(r.v), r.s]),
    b: t.b.map((r) => [f(r.k), f(r.w)]),
    c: t.c.map((r) => ({ kind: r.del ? ('-D' as const) : ('+I' as const), row: [f(r.k), f(r.v)] })),
  };
}

function outcome(sql: string, ins: ReturnType<typeof inputs>): { changelog: readonly string[] } | { error: string } {
  try {
    return { changelog: runJob(`${DDL} ${sql};`, { inputs: ins }).changelog() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('BIGINT values held as numbers or bigints', () => {
  for (const [name, sql] of Object.entries(JOBS)) {
    it(`give the answer of bigints only: ${name}`, () => {
      fc.assert(fc.property(tables, (t) => {
        expect(outcome(sql, inputs(t, true))).toEqual(outcome(sql, inputs(t, false)));
      }), { numRuns: 60 });
    });
  }

  it('come back as bigints in the raw changes, as numbers in rows()', () => {
    const run = runJob(`${DDL} SELECT k, v FROM a;`, { inputs: { a: [[1, 9007199254740993n, 'x']] } });
    expect(run.sink('result').changes).toEqual([{ kind: '+I', row: [1n, 9007199254740993n] }]);
    expect(run.rows()).toEqual([{ k: 1, v: 9007199254740993n }]);
  });
});
