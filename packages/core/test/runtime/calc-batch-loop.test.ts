/**
 * A Calc runs each batch of inserts through a loop generated for its shape, and hands a sink that keeps only its
 * final table (no primary key, no conversion) the kept rows' projections as columns. The answer must be the one
 * of row-by-row processing (the same rows given as `+I` changes, which travel one at a time), from rows and from
 * a columnar fixture, with the changelog kept or not; and a failing expression names its source row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnar, runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

const SOURCE = "CREATE TABLE ev (k INT, v BIGINT, s STRING, p STRING) WITH ('connector' = 'values');";

const JOBS: Record<string, string> = {
  'filter and project into a sink of the same types (columns)': `CREATE TABLE snk (k INT, x BIGINT, s STRING, j STRING) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, v * 2, s, JSON_VALUE(p, '$.a') FROM ev WHERE s IS NULL OR s <> 'b';`,
  'project only (columns)': `CREATE TABLE snk (j STRING, k INT) WITH ('connector' = 'values');
    INSERT INTO snk SELECT JSON_VALUE(p, '$.a' NULL ON ERROR), k FROM ev;`,
  'filter only': `CREATE TABLE snk (k INT, v BIGINT, s STRING, p STRING) WITH ('connector' = 'values');
    INSERT INTO snk SELECT * FROM ev WHERE k > 2;`,
  'a sink with a NOT NULL column (rows: NULLs are refused)': `CREATE TABLE snk (k INT NOT NULL, s STRING) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, s FROM ev WHERE v IS NULL OR v > 0;`,
  'a sink whose types differ (rows: values are converted)': `CREATE TABLE snk (k BIGINT, s VARCHAR(2)) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, s FROM ev WHERE k <> 3;`,
  'a sink with a primary key (rows: upserts)': `CREATE TABLE snk (k INT, s STRING, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
    INSERT INTO snk SELECT k, s FROM ev WHERE k IS NOT NULL;`,
};

const row = fc.record({
  k: fc.option(fc.integer({ min: -2, max: 6 }), { nil: null, freq: 8 }),
  v: fc.option(fc.integer({ min: -10, max: 10 }), { nil: null, freq: 8 }),
  s: fc.option(fc.constantFrom('a', 'b', 'ccc'), { nil: null, freq: 8 }),
  p: fc.option(fc.constantFrom('{"a":"x"}', '{"a":1.50}', '{"a":{"b":1}}', '{"b":2}', '[{"a":3}]', '{"a":"y"} tail', '{"a":"\\u00e9"}'), { nil: null, freq: 8 }),
});
type Row = { k: number | null; v: number | null; s: string | null; p: string | null };

function outcome(sql: string, input: unknown, keepChangelog: boolean): unknown {
  try {
    return { rows: runJob(SOURCE + sql, { inputs: { ev: input as TestEntry[] }, keepChangelog }).rows('snk') };
  } catch (e) {
    return { error: (e as Error).message.replace(/ while processing .*/s, '') };
  }
}

const columns = (rs: readonly Row[]) => columnar({ k: rs.map((r) => r.k), v: rs.map((r) => r.v), s: rs.map((r) => r.s), p: rs.map((r) => r.p) });

describe('the Calc batch loop', () => {
  for (const [name, sql] of Object.entries(JOBS)) {
    it(`gives the answer of row-by-row processing: ${name}`, () => {
      // now and then longer than a batch of rows (4,096)
      const rows = fc.oneof({ weight: 4, arbitrary: fc.array(row, { maxLength: 30 }) }, { weight: 1, arbitrary: fc.array(row, { minLength: 4000, maxLength: 9000 }) });
      fc.assert(fc.property(rows, (rs) => {
        const oneByOne = outcome(sql, rs.map((r): TestEntry => ({ kind: '+I', row: r })), true);
        expect(outcome(sql, rs, false)).toEqual(oneByOne);
        expect(outcome(sql, rs, true)).toEqual(oneByOne);
        expect(outcome(sql, columns(rs), false)).toEqual(oneByOne);
      }), { numRuns: 20 });
    });
  }

  it('names the source row of a failing projection behind a filter, from rows and from columns, with only the final table kept', () => {
    const n = 10_000;
    const rs: Row[] = Array.from({ length: n }, (_, i) => ({ k: i % 7, v: i, s: i === 6001 || i === 6002 ? 'x' : String(i), p: null }));
    const sql = `CREATE TABLE snk (k INT, n INT) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, CAST(s AS INT) FROM ev WHERE v <> 6001;`;
    const run = (input: unknown) => () => runJob(SOURCE + sql, { inputs: { ev: input as TestEntry[] }, keepChangelog: false });
    expect(run(rs)).toThrow(/while processing a \+I row of 'ev': \[3,6002,"x",null\]/);
    expect(run(columns(rs))).toThrow(/while processing a \+I row of 'ev': \[3,6002,"x",null\]/);
  });
});
