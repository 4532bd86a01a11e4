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
    const d = diagnosticOf(() => runJob(`${DDL}INSERT INTO out_t SELECT a, CURRENT_DATABASE() FROM t;`, { inputs: { t: [] } }));
    expect(d?.code).toBe('FTS7001');
    expect(d?.message).toBe('not supported by the local runtime: function CURRENT_DATABASE');
    expect(d?.span?.start.line).toBe(4);
  });

  it('mini-batch (which changes the changelog) is refused', () => {
    const d = diagnosticOf(() => runJob(`SET 'table.exec.mini-batch.enabled' = 'true';${DDL}INSERT INTO out_t SELECT a, b FROM t;`, { inputs: { t: [] } }));
    expect(d?.code).toBe('FTS7001');
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
