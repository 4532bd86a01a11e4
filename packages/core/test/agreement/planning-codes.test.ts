/**
 * Issue 13 item 6: each user mistake has one code, raised by one stage. Every SQL below is refused by Flink 1.20.1's
 * planner (each was run through the real planner, with the message the code's text repeats); `flinkts check` and the
 * local runtime (`runJob`, which reads the bound plan) must refuse it with the same code — never FTS7002 / FTS7004,
 * which are left for fixture input that does not fit the declared tables.
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from '../../src/analyzer/check-script.js';
import { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { evaluate, runJob } from '../../src/testing/index.js';

const DDL = "CREATE TABLE t (a STRING, i INT NOT NULL, b BIGINT, d DOUBLE, ts TIMESTAMP(3), lt TIMESTAMP_LTZ(3), dt DATE, tm TIME, arr ARRAY<INT>, m MAP<STRING, INT>, bo BOOLEAN, pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');\n";

/** [SQL after the DDL, the code both report]; a bare expression is selected from `t`. */
const CASES: readonly (readonly [string, string])[] = [
  // function arguments (FTS4406) and arity (FTS4429)
  ['CARDINALITY(a)', 'FTS4406'], ['CARDINALITY(NULL)', 'FTS4406'], ['MD5(i)', 'FTS4406'], ['FROM_BASE64(i)', 'FTS4406'], ['TO_BASE64(i)', 'FTS4406'],
  ["ARRAY_CONTAINS(arr, 'x')", 'FTS4406'], ['ARRAY_CONTAINS(arr, b)', 'FTS4406'], ["ARRAY_APPEND(arr, 'x')", 'FTS4406'], ['ARRAY_MAX(a)', 'FTS4406'],
  ["ARRAY_CONCAT(arr, ARRAY['x'])", 'FTS4406'], ["ARRAY_JOIN(arr, ',')", 'FTS4406'], ['MAP_UNION(m, MAP[1, 2])', 'FTS4406'], ['MAP_FROM_ARRAYS(a, arr)', 'FTS4406'],
  ['EXTRACT(DAY FROM tm)', 'FTS4406'], ['EXTRACT(EPOCH FROM tm)', 'FTS4406'], ["EXTRACT(YEAR FROM INTERVAL '1' DAY)", 'FTS4406'],
  ['TIMESTAMPDIFF(DAY, a, ts)', 'FTS4406'], ['TIMESTAMPDIFF(DAY, lt, ts)', 'FTS4406'], ['TIMESTAMPDIFF(SECOND, tm, tm)', 'FTS4406'], ['TIMESTAMPDIFF(DAY, dt, tm)', 'FTS4406'],
  ['TIMESTAMPDIFF(NANOSECOND, tm, ts)', 'FTS4406'], ["TIMESTAMPADD(DAY, 'x', ts)", 'FTS4406'], ['TIMESTAMPADD(DAY, 1, a)', 'FTS4406'],
  ['CHR(d)', 'FTS4406'], ['REPEAT(a, d)', 'FTS4406'], ['LEFT(a, d)', 'FTS4406'], ['ROUND(d, 1.5)', 'FTS4406'], ['SUBSTRING(a FROM d)', 'FTS4406'], ['FROM_UNIXTIME(d)', 'FTS4406'],
  ['REVERSE(i)', 'FTS4406'], ['LTRIM(i)', 'FTS4406'], ["PARSE_URL(i, 'HOST')", 'FTS4406'], ["DECODE(i, 'UTF-8')", 'FTS4406'], ['LOG(a)', 'FTS4406'], ['MOD(d, 2)', 'FTS4406'],
  ['GREATEST(NULL, 1)', 'FTS4406'], ['IF(bo, NULL, 1)', 'FTS4406'], ['JSON_STRING(MAP[1, 2])', 'FTS4406'], ['JSON_STRING(dt)', 'FTS4406'], ["JSON_OBJECT('a' VALUE dt)", 'FTS4406'],
  ["JSON_VALUE(a, '$.a' DEFAULT i ON ERROR)", 'FTS4406'], ['(ts, 1) OVERLAPS (ts, ts)', 'FTS4406'], ['1 / 0', 'FTS4402'],
  // aggregates
  ['SELECT LISTAGG(a, a) FROM t', 'FTS4406'], ['SELECT COUNT(NULL) FROM t', 'FTS4406'], ['SELECT ARRAY_AGG(NULL) FROM t', 'FTS4406'],
  ['SELECT JSON_OBJECTAGG(a VALUE NULL) FROM t', 'FTS4406'], ['SELECT COLLECT(a IGNORE NULLS) FROM t', 'FTS1001'],
  ['SELECT a, GROUPING(i) FROM t GROUP BY a', 'FTS4534'], ['SELECT a, GROUPING_ID(a, i) FROM t GROUP BY ROLLUP(a)', 'FTS4534'],
  // OVER windows in a streaming query
  ['SELECT SUM(i) OVER (PARTITION BY a) FROM t', 'FTS4310'], ['SELECT SUM(i) OVER (PARTITION BY a ORDER BY pt DESC) FROM t', 'FTS4319'],
  ['SELECT SUM(i) OVER (ORDER BY pt, ts) FROM t', 'FTS4320'], ['SELECT SUM(i) OVER (ORDER BY pt ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM t', 'FTS4321'],
  ['SELECT SUM(i) OVER (ORDER BY ts ROWS BETWEEN CURRENT ROW AND CURRENT ROW) FROM t', 'FTS4321'],
  ['SELECT SUM(i) OVER (ORDER BY pt RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t', 'FTS4322'],
  ['SELECT SUM(i) OVER (ORDER BY pt), MAX(i) OVER (ORDER BY pt ROWS 1 PRECEDING) FROM t', 'FTS4323'],
  ['SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY pt), SUM(i) OVER (PARTITION BY a ORDER BY pt) FROM t', 'FTS4323'],
  ['SELECT ROW_NUMBER() OVER (ORDER BY pt ROWS 1 PRECEDING) FROM t', 'FTS4324'], ['SELECT LEAD(i) OVER (PARTITION BY a ORDER BY pt) FROM t', 'FTS4325'],
  // windows
  ["SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MONTH))", 'FTS4406'], ['SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), 5))', 'FTS4406'],
  ["SELECT * FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))", 'FTS4429'],
  ["SELECT a, COUNT(*) FROM t GROUP BY TUMBLE(ts, INTERVAL '1' MONTH), a", 'FTS4406'], ["SELECT a, COUNT(*) FROM t GROUP BY HOP(ts, INTERVAL '1' MINUTE, 5), a", 'FTS4406'],
  ["SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY i) AS rn FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(pt), INTERVAL '1' MINUTE))) WHERE rn <= 2", 'FTS4326'],
  ["SELECT * FROM (SELECT window_start, window_end, a, COUNT(*) AS c, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY COUNT(*) DESC) AS rn FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, a) WHERE rn <= 2", 'FTS4326'],
  ["SELECT l.a FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) AS l JOIN TABLE(TUMBLE(TABLE t, DESCRIPTOR(pt), INTERVAL '1' MINUTE)) AS r ON l.window_start = r.window_start AND l.window_end = r.window_end AND l.a = r.a", 'FTS4327'],
  ['SELECT * FROM t CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u (x, n)', 'FTS4535'],
  // VALUES and sinks
  ["SELECT ''", 'FTS4536'], ["SELECT * FROM (VALUES (''), ('')) AS v(x)", 'FTS4536'],
  ['SELECT * FROM (VALUES (0), (NULL)) AS v(x)', 'FTS4406'], ['SELECT 1, NULL', 'FTS4406'],
  ["CREATE TABLE o (a INT, b STRING) WITH ('connector' = 'blackhole');\nINSERT INTO o VALUES (1, NULL)", 'FTS4406'],
  ["CREATE TABLE w (a STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS CAST(1 AS INT)) WITH ('connector' = 'datagen');\nSELECT a FROM w", 'FTS4312'],
  ["CREATE TABLE o (a STRING) WITH ('connector' = 'blackhole');\nINSERT INTO nosuch SELECT a FROM t", 'FTS4002'],
];

const sqlOf = (c: string): string => (/^\s*(SELECT|CREATE|INSERT)/i.test(c) ? `${DDL}${c};` : `${DDL}SELECT ${c} FROM t;`);

function runtimeCode(sql: string): string {
  try {
    runJob(sql, { inputs: {} });
    return 'ok';
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0]!.code;
    throw e;
  }
}

describe('check and the local runtime refuse what Flink refuses with one code', () => {
  for (const [c, code] of CASES) {
    it(`${c} → ${code}`, () => {
      const sql = sqlOf(c);
      const check = checkSql(sql).filter((d) => d.severity === 'error').map((d) => d.code);
      expect(check, 'check').toContain(code);
      expect(runtimeCode(sql), 'runJob').toBe(code);
    });
  }

  it('DESCRIPTOR / TABLE outside a table function (FTS4427) and a named argument of a built-in (FTS4428), as Flink 1.20.1 refuses them', () => {
    for (const [c, code] of [['SELECT DESCRIPTOR(a) FROM t', 'FTS4427'], ['SELECT a FROM t WHERE DESCRIPTOR(a) IS NOT NULL', 'FTS4427'], ['UPPER(DESCRIPTOR(a))', 'FTS4427'], ['CAST(DESCRIPTOR(a) AS STRING)', 'FTS4427'], ['UPPER(x => a)', 'FTS4428']] as const) {
      const sql = sqlOf(c);
      expect(checkSql(sql).filter((d) => d.severity === 'error').map((d) => d.code), `check: ${c}`).toContain(code);
      expect(runtimeCode(sql), `runJob: ${c}`).toBe(code);
    }
    // a window table function's own DESCRIPTOR is its argument: accepted by both
    const tvf = sqlOf("SELECT a, window_start FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))");
    expect(checkSql(tvf).filter((d) => d.severity === 'error')).toEqual([]);
    expect(runtimeCode(tvf)).toBe('ok');
  });

  describe("mini-batch settings Flink 1.20.1's planner needs (FTS4537 latency where a query reads a watermark or has a mini-batch operator, FTS4538 size where it has one)", () => {
    const TABLES = "CREATE TABLE s (a STRING, i INT, pt AS PROCTIME()) WITH ('connector' = 'datagen');\nCREATE TABLE o (a STRING, c BIGINT) WITH ('connector' = 'blackhole');\n";
    const ON = "SET 'table.exec.mini-batch.enabled' = 'true';\n";
    const LATENCY = "SET 'table.exec.mini-batch.allow-latency' = '1 h';\n";
    const SIZE = "SET 'table.exec.mini-batch.size' = '100';\n";
    const GROUP = 'INSERT INTO o SELECT a, COUNT(*) FROM s GROUP BY a;';
    const PLAIN = 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM s;';
    const cases: readonly (readonly [string, string, string])[] = [
      ['no latency, a plain projection of a table without a watermark', ON + TABLES + PLAIN, 'ok'],
      ['no latency, a plain projection of a table with a watermark', ON + TABLES + "CREATE TABLE w (a STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nINSERT INTO o SELECT a, CAST(1 AS BIGINT) FROM w;", 'FTS4537'],
      ['no latency, a size, a GROUP BY', ON + SIZE + TABLES + GROUP, 'FTS4537'],
      ["latency '0 s'", ON + "SET 'table.exec.mini-batch.allow-latency' = '0 s';\n" + SIZE + TABLES + GROUP, 'FTS4537'],
      // Flink's planner reads the latency as Duration.toMillis, which truncates: 500 µs is 0 ms, refused; 1500 µs is 1 ms
      ["latency '500 us' (0 ms to Flink's planner)", ON + "SET 'table.exec.mini-batch.allow-latency' = '500 us';\n" + SIZE + TABLES + GROUP, 'FTS4537'],
      ["latency '999999 ns' (0 ms)", ON + "SET 'table.exec.mini-batch.allow-latency' = '999999 ns';\n" + SIZE + TABLES + GROUP, 'FTS4537'],
      ["latency '1500 us' (1 ms)", ON + "SET 'table.exec.mini-batch.allow-latency' = '1500 us';\n" + SIZE + TABLES + GROUP, 'ok'],
      ["latency '1 ms'", ON + "SET 'table.exec.mini-batch.allow-latency' = '1 ms';\n" + SIZE + TABLES + GROUP, 'ok'],
      ['a latency, no size, a GROUP BY', ON + LATENCY + TABLES + GROUP, 'FTS4538'],
      ['a latency, no size, SELECT DISTINCT', ON + LATENCY + TABLES + 'INSERT INTO o SELECT DISTINCT a, CAST(1 AS BIGINT) FROM s;', 'FTS4538'],
      ['a latency, no size, a regular join', ON + LATENCY + TABLES + 'INSERT INTO o SELECT x.a, CAST(x.i AS BIGINT) FROM s x JOIN s y ON x.a = y.a;', 'FTS4538'],
      ['a latency, no size, a deduplication', ON + LATENCY + TABLES + 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY pt) AS rn FROM s) WHERE rn = 1;', 'FTS4538'],
      ['a latency, no size, a plain projection (no mini-batch operator)', ON + LATENCY + TABLES + PLAIN, 'ok'],
      ['both, a GROUP BY', ON + LATENCY + SIZE + TABLES + GROUP, 'ok'],
      ['mini-batch reset before the query', ON + "RESET 'table.exec.mini-batch.enabled';\n" + TABLES + GROUP, 'ok'],
      ['mini-batch off', TABLES + GROUP, 'ok'],
    ];
    for (const [name, sql, code] of cases) {
      it(`${name} → ${code}`, () => {
        const check = checkSql(sql).filter((d) => d.severity === 'error').map((d) => d.code);
        if (code === 'ok') expect(check, 'check').toEqual([]);
        else expect(check, 'check').toEqual([code]);
        expect(runtimeCode(sql), 'runJob').toBe(code);
      });
    }
    it('the deduplication keeps Flink\'s own message', () => {
      const d = checkSql(ON + LATENCY + TABLES + 'INSERT INTO o SELECT a, CAST(i AS BIGINT) FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY a ORDER BY pt) AS rn FROM s) WHERE rn = 1;').find((x) => x.severity === 'error');
      expect(d?.message).toBe('table.exec.mini-batch.size should be greater than 0.');
    });
  });

  it('evaluate() types its expression first: a type error has the code check gives, not FTS7002', () => {
    const codeOf = (f: () => unknown): string => { try { f(); return 'ok'; } catch (e) { return e instanceof FlinktsError ? e.diagnostics[0]!.code : 'throw'; } };
    expect(codeOf(() => evaluate('MD5(x)', { x: { type: 'INT', value: 1 } }))).toBe('FTS4406');
    expect(codeOf(() => evaluate('NO_SUCH_FN(1)'))).toBe('FTS4404');
    expect(codeOf(() => evaluate('y + 1', { x: { type: 'INT', value: 1 } }))).toBe('FTS4001');
  });

  it("'' under an INSERT runs on Flink 1.20.1 (the sink's type replaces CHAR(0)): neither check nor the runtime refuse it", () => {
    const sql = `${DDL}CREATE TABLE o (a INT, b STRING) WITH ('connector' = 'blackhole');\nINSERT INTO o VALUES (1, '');\nINSERT INTO o SELECT 2, '';`;
    expect(checkSql(sql).filter((d) => d.severity === 'error')).toEqual([]);
    expect(runJob(sql, { inputs: {} }).changelog('o')).toEqual(['+I[1, ]', '+I[2, ]']);
  });

  it('what Flink plans but the local runtime does not run is FTS7001, not a planning error', () => {
    for (const e of ["JSON_VALUE(i, '$.a')", 'JSON_VALUE(a, a)', "ARRAY[1] = ARRAY['a']"]) {
      expect(checkSql(sqlOf(e)).filter((d) => d.severity === 'error'), e).toEqual([]);
      expect(runtimeCode(sqlOf(e)), e).toBe('FTS7001');
    }
  });
});
