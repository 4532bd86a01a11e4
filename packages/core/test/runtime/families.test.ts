/**
 * The runtime families added for #16 (OVER, VALUES / SELECT without FROM / partial INSERT, UNNEST): each expected
 * changelog below is what real Flink 1.20.1 printed for the same job (tier 3 generates many more, test/differential).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { code } from './error-code.js';

const EV = `CREATE TABLE t (k INT, v INT, s STRING, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n`;
const ROWS = [[1, 10, 'a', '2024-01-01 00:00:01'], [1, 20, 'b', '2024-01-01 00:00:02'], [2, 5, 'c', '2024-01-01 00:00:02'], [1, 30, 'c', '2024-01-01 00:00:02'], [1, 20, 'x', '2024-01-01 00:00:02'], [1, 7, 'd', '2024-01-01 00:00:00.500'], [1, 8, 'd', '2024-01-01 00:00:03'], [1, null, 'q', '2024-01-01 00:00:03'], [2, 1, 'e', '2024-01-01 00:00:09']];
const over = (q: string) => runJob(EV + q, { inputs: { t: ROWS } }).changelog();

describe('OVER aggregations', () => {
  test('RANGE frames give peers with equal time one value; late rows are dropped', () => {
    expect(over("SELECT k, v, AVG(v) OVER w, MIN(v) OVER w, MAX(s) OVER w, FIRST_VALUE(v) OVER w, LAST_VALUE(v) OVER w, COUNT(DISTINCT v) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW);")).toEqual([
      '+I[1, 10, 10, 10, a, 10, 10, 1]', '+I[1, 20, 20, 10, x, 10, 20, 3]', '+I[1, 30, 20, 10, x, 10, 20, 3]', '+I[1, 20, 20, 10, x, 10, 20, 3]',
      '+I[2, 5, 5, 5, c, 5, 5, 1]', '+I[1, 8, 19, 8, x, 20, 8, 3]', '+I[1, null, 19, 8, x, 20, 8, 3]', '+I[2, 1, 1, 1, e, 1, 1, 1]',
    ]);
  });

  test('ROWS frames add rows one by one; processing time emits on arrival', () => {
    expect(over('SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS 2 PRECEDING), LISTAGG(s) OVER (PARTITION BY k ORDER BY ts ROWS 2 PRECEDING) FROM t;')).toEqual([
      '+I[1, 10, 10, a]', '+I[1, 20, 30, a,b]', '+I[1, 30, 60, a,b,c]', '+I[1, 20, 70, b,c,x]', '+I[2, 5, 5, c]', '+I[1, 8, 58, c,x,d]', '+I[1, null, 28, x,d,q]', '+I[2, 1, 6, c,e]',
    ]);
    expect(over('SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY pt ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS a FROM t;')).toEqual([
      '+I[1, 10, 10]', '+I[1, 20, 30]', '+I[2, 5, 5]', '+I[1, 30, 50]', '+I[1, 20, 50]', '+I[1, 7, 27]', '+I[1, 8, 15]', '+I[1, null, 8]', '+I[2, 1, 6]',
    ]);
  });

  test('ROW_NUMBER runs on ROWS, RANK and LAG on the RANGE frame', () => {
    const three = [[1, 10, 'a', '2024-01-01 00:00:01'], [1, 20, 'b', '2024-01-01 00:00:02'], [1, 30, 'c', '2024-01-01 00:00:02']];
    const run = (q: string) => runJob(EV + q, { inputs: { t: three } }).changelog();
    expect(run('SELECT v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts) FROM t;')).toEqual(['+I[10, 1]', '+I[20, 2]', '+I[30, 3]']);
    expect(run('SELECT v, RANK() OVER (PARTITION BY k ORDER BY ts) FROM t;')).toEqual(['+I[10, 1]', '+I[20, 3]', '+I[30, 3]']);
    expect(run('SELECT v, LAG(v) OVER (PARTITION BY k ORDER BY ts) FROM t;')).toEqual(['+I[10, null]', '+I[20, 20]', '+I[30, 20]']);
  });

  test("what Flink's stream planner rejects has the code check gives it (FTS4310, FTS4319–FTS4325); a bounded RANGE on processing time is FTS7001", () => {
    expect(code(() => over('SELECT SUM(v) OVER (PARTITION BY k ORDER BY v) FROM t;'))).toBe('FTS4310');
    expect(code(() => over('SELECT SUM(v) OVER (PARTITION BY k ORDER BY ts DESC) FROM t;'))).toBe('FTS4319');
    expect(code(() => over('SELECT LEAD(v) OVER (PARTITION BY k ORDER BY ts) FROM t;'))).toBe('FTS4325');
    expect(code(() => over('SELECT SUM(v) OVER (ORDER BY ts), MAX(v) OVER (ORDER BY ts ROWS 1 PRECEDING) FROM t;'))).toBe('FTS4323');
    expect(code(() => over('SELECT SUM(v) OVER (ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t;'))).toBe('FTS4321');
    expect(code(() => over("SELECT SUM(v) OVER (PARTITION BY k ORDER BY pt RANGE BETWEEN INTERVAL '1' SECOND PRECEDING AND CURRENT ROW) FROM t;"))).toBe('FTS7001');
  });
});

describe('VALUES, SELECT without FROM, partial INSERT column lists', () => {
  test('rows in order, columns of the least restrictive type', () => {
    expect(runJob("SELECT * FROM (VALUES (1, 'a'), (2, 'bc')) AS t(a, b);", { inputs: {} }).changelog()).toEqual(['+I[1, a]', '+I[2, bc]']);
    expect(runJob("SELECT 1 AS x, 'hi', CAST(NULL AS INT);", { inputs: {} }).changelog()).toEqual(['+I[1, hi, null]']);
    // a bare NULL in VALUES: Flink 1.20.1 refuses it ("Illegal use of 'NULL'"), with the code check gives
    expect(code(() => runJob('SELECT * FROM (VALUES (0), (NULL)) AS t(a);', { inputs: {} }))).toBe('FTS4406');
  });

  test('INSERT INTO t (cols) fills the other columns with NULL, and refuses to leave out a NOT NULL column', () => {
    const r = runJob("CREATE TABLE o (a INT, b STRING, c DOUBLE) WITH ('connector' = 'blackhole');\nINSERT INTO o (c, a) SELECT 1.5, 2;", { inputs: {} });
    expect(r.changelog('o')).toEqual(['+I[2, null, 1.5]']);
    expect(code(() => runJob("CREATE TABLE o (a INT, b STRING NOT NULL) WITH ('connector' = 'blackhole');\nINSERT INTO o (a) SELECT 1;", { inputs: {} }))).toBe('FTS4108');
  });
});

describe('UNNEST', () => {
  const T = `CREATE TABLE t (k INT NOT NULL, arr ARRAY<INT>, rs ARRAY<ROW<a INT, b STRING>>, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');\n`;
  const inputs = { t: [[1, [1, null], [{ a: 1, b: 'x' }, null]], [2, [], null], { kind: '-U' as const, row: [1, [1, null], [{ a: 1, b: 'x' }, null]] }, { kind: '+U' as const, row: [1, [7], []] }] };
  test('elements keep the row kind; NULL ROW elements are skipped; LEFT JOIN pads empty arrays', () => {
    expect(runJob(`${T}SELECT k, x FROM t CROSS JOIN UNNEST(t.arr) AS u (x);`, { inputs }).changelog()).toEqual(['+I[1, 1]', '+I[1, null]', '-U[1, 1]', '-U[1, null]', '+U[1, 7]']);
    expect(runJob(`${T}SELECT k, a, b FROM t LEFT JOIN UNNEST(t.rs) AS r (a, b) ON TRUE;`, { inputs }).changelog()).toEqual(['+I[1, 1, x]', '+I[2, null, null]', '-U[1, 1, x]', '+U[1, null, null]']);
    expect(code(() => runJob(`${T}SELECT k, x, n FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u (x, n);`, { inputs }))).toBe('FTS4535');
  });
});

describe('set operations, EXISTS, ORDER BY / LIMIT', () => {
  const AB = `CREATE TABLE a (id INT NOT NULL, x INT, s STRING) WITH ('connector' = 'values');
CREATE TABLE b (id INT NOT NULL, x INT, s STRING) WITH ('connector' = 'values');\n`;
  const inputs = { a: [[1, 1, 'p'], [2, null, 'q'], [3, 2, 'p'], [4, 1, 'p']], b: [[1, 1, 'p'], [2, 2, 'x'], [3, null, null]] };
  const table = (q: string) => [...runJob(AB + q, { inputs }).table()].sort();
  test('UNION / INTERSECT / EXCEPT: NULLs are equal, ALL keeps multiplicities', () => {
    expect(table('SELECT x FROM a UNION SELECT x FROM b;')).toEqual(['1', '2', 'null']);
    expect(table('SELECT x FROM a INTERSECT SELECT x FROM b;')).toEqual(['1', '2', 'null']);
    expect(table('SELECT x FROM a INTERSECT ALL SELECT x FROM b;')).toEqual(['1', '2', 'null']);
    expect(table('SELECT x FROM a EXCEPT ALL SELECT x FROM b;')).toEqual(['1']);
    expect(table('SELECT x FROM a EXCEPT SELECT x FROM b;')).toEqual([]);
  });

  test('[NOT] EXISTS correlated by equality: a NULL key matches nothing', () => {
    expect(table('SELECT a.id FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x);')).toEqual(['1', '3', '4']);
    expect(table('SELECT a.id FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.x = a.x);')).toEqual(['2']);
  });

  test('ORDER BY … LIMIT is a global TopN; ORDER BY rowtime a temporal sort', () => {
    const ev = [[1, 10, 'a', '2024-01-01 00:00:01'], [1, 20, 'b', '2024-01-01 00:00:03'], [2, 5, 'c', '2024-01-01 00:00:02'], [1, 30, 'c', '2024-01-01 00:00:02'], [3, 1, 'x', '2024-01-01 00:00:05']];
    const run = (q: string) => runJob(EV + q, { inputs: { t: ev } }).changelog();
    expect(run('SELECT k, v FROM t ORDER BY v DESC LIMIT 3;')).toEqual(['+I[1, 10]', '+I[1, 20]', '+I[2, 5]', '-D[2, 5]', '+I[1, 30]']);
    // the rows at 2 s arrive behind the watermark but after the last emitted time: kept, as Flink keeps them
    expect(run('SELECT k, v, ts FROM t ORDER BY ts, v DESC;')).toEqual(['+I[1, 10, 2024-01-01T00:00:01]', '+I[1, 30, 2024-01-01T00:00:02]', '+I[2, 5, 2024-01-01T00:00:02]', '+I[1, 20, 2024-01-01T00:00:03]', '+I[3, 1, 2024-01-01T00:00:05]']);
    // the code `flinkts check` gives the same fact
    expect(code(() => run('SELECT k FROM t ORDER BY k;'))).toBe('FTS4311');
    // over an updating input: Flink's retracting TopN (top-n-updating.test.ts has more)
    expect(run('SELECT k, COUNT(*) AS n FROM t GROUP BY k ORDER BY n LIMIT 1;')).toEqual(['+I[1, 1]', '-D[1, 1]', '+I[1, 2]', '-D[1, 2]', '+I[2, 1]']);
  });
});

describe('legacy group windows', () => {
  test('GROUP BY TUMBLE / HOP / SESSION with their auxiliary functions fire like the window TVFs', () => {
    const ev = [[1, 10, 'a', '2024-01-01 00:00:01'], [1, 20, 'b', '2024-01-01 00:00:03'], [2, 5, 'c', '2024-01-01 00:00:02'], [1, 30, 'c', '2024-01-01 00:00:02'], [3, 1, 'x', '2024-01-01 00:00:09']];
    const run = (q: string) => runJob(EV + q, { inputs: { t: ev } }).changelog();
    // different keys' windows fire in an order Flink does not fix: compared sorted
    expect([...run("SELECT k, TUMBLE_START(ts, INTERVAL '2' SECOND), TUMBLE_END(ts, INTERVAL '2' SECOND), COUNT(*), SUM(v) FROM t GROUP BY k, TUMBLE(ts, INTERVAL '2' SECOND);")].sort()).toEqual([
      '+I[1, 2024-01-01T00:00, 2024-01-01T00:00:02, 1, 10]', '+I[2, 2024-01-01T00:00:02, 2024-01-01T00:00:04, 1, 5]', '+I[1, 2024-01-01T00:00:02, 2024-01-01T00:00:04, 2, 50]',
      '+I[3, 2024-01-01T00:00:08, 2024-01-01T00:00:10, 1, 1]',
    ].sort());
    expect(run("SELECT HOP_START(ts, INTERVAL '2' SECOND, INTERVAL '4' SECOND), HOP_ROWTIME(ts, INTERVAL '2' SECOND, INTERVAL '4' SECOND), MAX(v) FROM t GROUP BY HOP(ts, INTERVAL '2' SECOND, INTERVAL '4' SECOND);")).toEqual([
      '+I[2023-12-31T23:59:58, 2024-01-01T00:00:01.999, 10]', '+I[2024-01-01T00:00, 2024-01-01T00:00:03.999, 30]', '+I[2024-01-01T00:00:02, 2024-01-01T00:00:05.999, 30]',
      '+I[2024-01-01T00:00:06, 2024-01-01T00:00:09.999, 1]', '+I[2024-01-01T00:00:08, 2024-01-01T00:00:11.999, 1]',
    ]);
    // on processing time no time passes unless the test moves the clock (proctime-window.test.ts): the window is
    // still open when the input ends and is dropped, as a bounded Flink job drops it (a session too)
    expect(run("SELECT COUNT(*) FROM t GROUP BY TUMBLE(pt, INTERVAL '2' SECOND);")).toEqual([]);
    expect(run("SELECT COUNT(*) FROM t GROUP BY SESSION(pt, INTERVAL '2' SECOND);")).toEqual([]);
  });
});
