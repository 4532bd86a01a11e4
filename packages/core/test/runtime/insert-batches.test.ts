/**
 * Runs of plain insert rows travel through the operators as batches. The results and the failures must be those
 * of row-by-row processing: same order, and an evaluation error names the source row that caused it.
 */
import { describe, expect, it } from 'vitest';
import { runJob } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

const SOURCE = "CREATE TABLE src (k INT, s STRING) WITH ('connector' = 'values');";

function failure(sql: string, inputs: readonly TestEntry[]): string {
  try {
    runJob(SOURCE + sql, { inputs: { src: inputs } });
  } catch (e) {
    return (e as Error).message;
  }
  return 'no failure';
}

/** 10,000 rows (more than one batch): `k` = i, `s` = a number's text except at `bad`. */
const rows = (bad: number): TestEntry[] => Array.from({ length: 10_000 }, (_, i) => ({ k: i, s: i === bad ? 'x' : String(i) }));

describe('insert batches', () => {
  it('a failing projection after a filter names the source row, in any batch', () => {
    const sql = `CREATE TABLE snk (n INT) WITH ('connector' = 'values');
      INSERT INTO snk SELECT CAST(s AS INT) FROM src WHERE MOD(k, 3) <> 1;`;
    expect(failure(sql, rows(6000))).toMatch(/while processing a \+I row of 'src': \[6000,"x"\]/);
    expect(failure(sql, rows(9999))).toMatch(/\[9999,"x"\]/);
    expect(failure(sql, rows(6001))).toBe('no failure'); // filtered out before the cast
  });

  it('a failing projection after an INNER join names the source row that completed the match', () => {
    const sql = `CREATE TABLE dim (k INT, d STRING) WITH ('connector' = 'values');
      CREATE TABLE snk (n INT, d STRING) WITH ('connector' = 'values');
      INSERT INTO snk SELECT CAST(s AS INT), d FROM src JOIN dim ON src.k = dim.k;`;
    const run = (bad: number, dim: TestEntry[]) => {
      try {
        runJob(SOURCE + sql, { inputs: { src: rows(bad), dim } });
      } catch (e) {
        return (e as Error).message;
      }
      return 'no failure';
    };
    // src arrives first, so dim's rows complete the matches: the failing row is dim's; every other dim row has no
    // partner, so a row's place among the join's outputs is not its place in the input
    const dim = Array.from({ length: 9000 }, (_, i) => ({ k: i % 2 === 0 ? i : 100_000 + i, d: `d${i}` }));
    expect(run(7000, dim)).toMatch(/while processing a \+I row of 'dim': \[7000,"d7000"\]/);
    expect(run(7001, dim)).toBe('no failure'); // 7001 has no partner
  });

  it('a failing aggregate argument behind a filter names the source row', () => {
    const sql = `CREATE TABLE snk (k INT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values');
      INSERT INTO snk SELECT MOD(k, 7), SUM(CAST(s AS BIGINT)) FROM src WHERE k > 10 GROUP BY MOD(k, 7);`;
    expect(failure(sql, rows(4097))).toMatch(/while processing a \+I row of 'src': \[4097,"x"\]/);
  });

  it('rows after explicit watermarks and changelog rows keep their order', () => {
    const sql = `CREATE TABLE snk (k INT, s STRING) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, s FROM src;`;
    const entries: TestEntry[] = [{ k: 1, s: 'a' }, { watermark: 5 }, { kind: '+I', row: { k: 2, s: 'b' } }, [3, 'c'], { k: 4, s: 'd' }];
    expect(runJob(SOURCE + sql, { inputs: { src: entries } }).changelog('snk')).toEqual(['+I[1, a]', '+I[2, b]', '+I[3, c]', '+I[4, d]']);
  });

  it('a source feeding two consumers interleaves their results row by row', () => {
    const sql = `CREATE TABLE snk (k INT, s STRING) WITH ('connector' = 'values');
      INSERT INTO snk SELECT k, 'x' FROM src UNION ALL SELECT k, 'y' FROM src;`;
    const out = runJob(SOURCE + sql, { inputs: { src: [{ k: 1, s: '' }, { k: 2, s: '' }] } }).changelog('snk');
    expect(out).toEqual(['+I[1, x]', '+I[1, y]', '+I[2, x]', '+I[2, y]']);
  });
});
