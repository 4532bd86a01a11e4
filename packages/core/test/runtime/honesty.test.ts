import { describe, expect, it } from 'vitest';
import { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { assertChangelog, runJob } from '../../src/testing/index.js';

const DDL = `
CREATE TABLE t (a INT, b STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
CREATE TABLE out_t (a INT, b STRING) WITH ('connector' = 'values');
`;

function diagnosticOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0];
    throw e;
  }
  throw new Error('expected a FlinktsError');
}

describe('what the local runtime does not implement is refused, never approximated', () => {
  it('a function Flink 1.20 does not have is FTS4404 (Flink rejects it too, and `check` reports the same) with the position of the call', () => {
    const d = diagnosticOf(() => runJob(`${DDL}INSERT INTO out_t SELECT a, MY_UDF(b) FROM t;`, { inputs: { t: [] } }));
    expect(d?.code).toBe('FTS4404');
    expect(d?.message).toBe('No match found for function signature MY_UDF(<STRING>)');
    expect(d?.span?.start.line).toBe(4);
    expect(d?.span?.start.column).toBe(29);
  });

  it('a Flink built-in without a local implementation is FTS7001 with the position of the call', () => {
    const d = diagnosticOf(() => runJob(`${DDL}INSERT INTO out_t SELECT a, SOURCE_WATERMARK() FROM t;`, { inputs: { t: [] } }));
    expect(d?.code).toBe('FTS7001');
    expect(d?.message).toBe('not supported by the local runtime: function SOURCE_WATERMARK');
    expect(d?.span?.start.line).toBe(4);
  });

  it('mini-batch: without a size or a latency it is refused with Flink\'s messages; operators whose bundles are not reproduced, and watermarks under several queries, are refused', () => {
    const on = "SET 'table.exec.mini-batch.enabled' = 'true';";
    const table = "CREATE TABLE t2 (k INT, v INT) WITH ('connector' = 'values');\n";
    // Flink 1.20.1 asks for the latency first (every query), then the size (where it plans a mini-batch operator)
    expect(diagnosticOf(() => runJob(`${on}${table}SELECT k, COUNT(*) FROM t2 GROUP BY k;`, { inputs: { t2: [] } }))?.message)
      .toBe('MiniBatch Latency must be greater than 0 ms.');
    expect(diagnosticOf(() => runJob(`${on} SET 'table.exec.mini-batch.size' = '5';${table}SELECT k, COUNT(*) FROM t2 GROUP BY k;`, { inputs: { t2: [] } }))?.message)
      .toBe('MiniBatch Latency must be greater than 0 ms.');
    expect(diagnosticOf(() => runJob(`${on} SET 'table.exec.mini-batch.allow-latency' = '1 h';${table}SELECT k, COUNT(*) FROM t2 GROUP BY k;`, { inputs: { t2: [] } }))?.message)
      .toBe("Key: 'table.exec.mini-batch.size' , default: -1 (fallback keys: []) must be > 0.");
    const sized = `${on} SET 'table.exec.mini-batch.size' = '5'; SET 'table.exec.mini-batch.allow-latency' = '1 h';\n`;
    const join = diagnosticOf(() => runJob(`${sized}${table}SELECT a.k, b.v FROM t2 a JOIN t2 b ON a.k = b.k;`, { inputs: { t2: [] } }));
    expect(join?.code).toBe('FTS7001');
    expect(join?.message).toMatch(/a Join node[\s\S]*keepChangelog: false/);
    expect(runJob(`${sized}${table}SELECT a.k, b.v FROM t2 a JOIN t2 b ON a.k = b.k;`, { inputs: { t2: [[1, 2]] }, keepChangelog: false }).table().map(String)).toEqual(['1, 2']);
    const ev = "CREATE TABLE ev (k INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');\n";
    // one query under a watermark runs (mini-batch-time.test.ts); with two, Flink's one assigner per source is not reproduced
    const w = diagnosticOf(() => runJob(`${sized}${ev}SELECT k, COUNT(*) FROM ev GROUP BY k;\nSELECT k FROM ev;`, { inputs: { ev: [] }, keepChangelog: false }));
    expect(w?.message).toMatch(/more than one query/);
    expect(w?.span?.start.line).toBe(2);
  });

  it('mini-batch keeps Flink 1.20.1\'s changelog: local and global bundles of 3 records, keys in the order of Flink\'s HashMap of binary keys', () => {
    const sql = `SET 'table.exec.mini-batch.enabled' = 'true'; SET 'table.exec.mini-batch.allow-latency' = '1 h'; SET 'table.exec.mini-batch.size' = '3';
      CREATE TABLE t (k INT, v INT, s STRING) WITH ('connector' = 'values');
      SELECT k, COUNT(*) AS c, SUM(v) AS x FROM t GROUP BY k;`;
    const t = [[1, 1, 'a'], [2, 2, 'b'], [1, 3, 'c'], [3, 4, 'd'], [1, 5, 'e'], [2, 6, 'f'], [1, 7, 'g'], [3, 8, 'h'], [2, 9, 'i'], [1, 10, 'j']];
    // as Flink 1.20.1 printed it (test/differential family 'minibatch' checks such cases on Flink)
    expect(runJob(sql, { inputs: { t } }).changelog()).toEqual([
      '+I[3, 1, 4]', '+I[2, 1, 2]', '+I[1, 2, 4]', '-U[3, 1, 4]', '+U[3, 2, 12]', '-U[2, 1, 2]', '+U[2, 2, 8]', '-U[1, 2, 4]', '+U[1, 3, 9]',
      '-U[2, 2, 8]', '+U[2, 3, 17]', '-U[1, 3, 9]', '+U[1, 5, 26]',
    ]);
  });

  it('mini-batch with keepChangelog: false gives the final table Flink 1.20.1 gave (bundles of 3 rows)', () => {
    const sql = `SET 'table.exec.mini-batch.enabled' = 'true'; SET 'table.exec.mini-batch.allow-latency' = '1 s'; SET 'table.exec.mini-batch.size' = '3';
      CREATE TABLE t (k INT, v INT, x INT) WITH ('connector' = 'values');
      SELECT k, COUNT(DISTINCT v) AS dv, COUNT(*) AS n, SUM(x) AS sx, MAX(x) AS mx FROM t GROUP BY k;`;
    const t = [[1, 1, 10], [1, 2, 20], [1, 1, 30], [2, 5, 1], [1, 1025, 5], [1, 3, 7], [2, 5, 2], [1, null, 4]];
    expect(runJob(sql, { inputs: { t }, keepChangelog: false }).table().map(String).sort()).toEqual(['1, 4, 6, 76, 30', '2, 1, 2, 3, 2']);
  });

  it('mini-batch with STRING keys (inline in the binary key up to 7 bytes, in its variable part beyond, NULL) leaves a bundle in Flink\'s order', () => {
    const sql = `SET 'table.exec.mini-batch.enabled' = 'true'; SET 'table.exec.mini-batch.allow-latency' = '1 h'; SET 'table.exec.mini-batch.size' = '4';
      CREATE TABLE t (k INT, v INT, s STRING) WITH ('connector' = 'values');
      SELECT s, COUNT(*) AS c, MAX(v) AS m FROM t GROUP BY s;`;
    const t = [[1, 1, 'a'], [2, 2, 'eight888'], [1, 3, 'a longer key than eight bytes'], [3, 4, 'seven77'], [1, 5, 'bc'], [2, 6, 'a'], [1, 7, 'eight888'], [3, 8, null], [2, 9, 'bc']];
    // as Flink 1.20.1 printed it
    expect(runJob(sql, { inputs: { t } }).changelog()).toEqual([
      '+I[a longer key than eight bytes, 1, 3]', '+I[seven77, 1, 4]', '+I[a, 1, 1]', '+I[eight888, 1, 2]', '-U[a, 1, 1]', '+U[a, 2, 6]', '+I[null, 1, 8]',
      '-U[eight888, 1, 2]', '+U[eight888, 2, 7]', '+I[bc, 1, 5]', '-U[bc, 1, 5]', '+U[bc, 2, 9]',
    ]);
  });

  it('a NULL written into a NOT NULL sink column fails the job (FTS7006) unless the enforcer drops it', () => {
    const ddl = `CREATE TABLE t (a INT, b STRING) WITH ('connector' = 'values');
      CREATE TABLE out_t (a INT NOT NULL, b STRING) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT a, b FROM t;`;
    const inputs = { t: [[1, 'x'], [null, 'y']] };
    expect(diagnosticOf(() => runJob(ddl, { inputs }))?.code).toBe('FTS7006');
    const dropped = runJob(`SET 'table.exec.sink.not-null-enforcer' = 'DROP';${ddl}`, { inputs });
    assertChangelog(dropped.changelog('out_t'), ['+I[1, x]']);
  });

  it('bad test input is a diagnostic naming the row and column', () => {
    const d = diagnosticOf(() => runJob(`${DDL}INSERT INTO out_t SELECT a, b FROM t;`, { inputs: { t: [{ a: 1, bb: 'x' }] } }));
    expect(d?.code).toBe('FTS7005');
    expect(d?.message).toMatch(/inputs\.t\[0\]: unknown column 'bb'/);
  });
});

describe('INSERT compatibility', () => {
  it('a query column that Flink would not cast implicitly into the sink column is rejected', () => {
    const d = diagnosticOf(() => runJob(`
      CREATE TABLE t (a STRING) WITH ('connector' = 'values');
      CREATE TABLE out_t (a INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT a FROM t;`, { inputs: {} }));
    // the binder's code for the fact (flinkts check reports the same)
    expect(d?.code).toBe('FTS4102');
    expect(d?.message).toMatch(/Incompatible types for sink column 'a' at position 0/);
  });
});

describe('evaluation errors', () => {
  it('a row Flink would fail on fails the test run with FTS7003 naming the row', () => {
    const d = diagnosticOf(() => runJob(`
      CREATE TABLE t (a STRING) WITH ('connector' = 'values');
      CREATE TABLE out_t (a INT) WITH ('connector' = 'values');
      INSERT INTO out_t SELECT CAST(a AS INT) FROM t;`, { inputs: { t: [['12'], ['x']] } }));
    expect(d?.code).toBe('FTS7003');
    expect(d?.message).toMatch(/NumberFormatException.*\["x"\]/);
  });
});
