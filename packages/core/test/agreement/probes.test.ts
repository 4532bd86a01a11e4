/**
 * The probes of issue 13: `flinkts check` (the analyzer) and the local runtime agree on each, as Flink 1.20
 * does. The Flink column is what the Flink 1.20.1 planner answered for the same SQL (TableEnvironment.sqlQuery
 * and the resolved schema of the result): `rejected` where it raised a validation error, else the result type.
 */
import { describe, expect, it } from 'vitest';
import { checkSql } from '../../src/analyzer/check-script.js';
import { expressionType } from '../../src/typing/expression-type.js';
import type { ScopeColumn } from '../../src/typing/expression-type.js';
import { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { parseExpression } from '../../src/sql/parser/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';
import { runJob } from '../../src/testing/index.js';
import type { DataType } from '../../src/types/data-type.js';

const DDL = `CREATE TABLE t (a STRING, i INT NOT NULL, \`user\` STRING) WITH ('connector' = 'datagen');\n`;
const ROW = ['Flink', 7, 'ann'];
const SCOPE: ScopeColumn[] = [
  { relation: 't', name: 'a', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } },
  { relation: 't', name: 'i', type: { kind: 'INT', nullable: false } },
  { relation: 't', name: 'user', type: { kind: 'VARCHAR', length: 2147483647, nullable: true } },
];

type Outcome = { readonly rejected: true; readonly code?: string } | { readonly rejected: false; readonly type: string };

function viaCheck(expr: string): Outcome {
  const errors = checkSql(`${DDL}SELECT ${expr} FROM t;`).filter((d) => d.severity === 'error');
  if (errors.length > 0) return { rejected: true, code: errors[0]!.code };
  const type = expressionType(parseExpression(expr).expression!, SCOPE);
  return { rejected: false, type: type === undefined ? '?' : printDataType(type) };
}

function viaRuntime(expr: string): Outcome {
  try {
    const run = runJob(`${DDL}SELECT ${expr} FROM t;`, { inputs: { t: [ROW] } });
    return { rejected: false, type: printDataType(run.sink('result').columns[0]!.type as DataType) };
  } catch (e) {
    if (e instanceof FlinktsError) return { rejected: true, code: e.diagnostics[0]!.code };
    throw e;
  }
}

/** [expression, Flink 1.20.1's answer: 'rejected' or the result type]. */
const PROBES: readonly (readonly [string, string])[] = [
  // aliases: only those Flink 1.20 registers are functions
  ['UCASE(a)', 'rejected'], ['LCASE(a)', 'rejected'], ['LENGTH(a)', 'rejected'], ['POW(2, 3)', 'rejected'],
  ['BTRIM(a)', 'rejected'], ['JSON_QUOTE(a)', 'rejected'], ['JSON_UNQUOTE(a)', 'rejected'],
  ['UPPER(a)', 'STRING'], ['POWER(2, 3)', 'DOUBLE NOT NULL'], ['CHARACTER_LENGTH(a)', 'INT'], ['CHAR_LENGTH(a)', 'INT'],
  // functions written without parentheses
  ['CURRENT_ROW_TIMESTAMP', 'rejected'], ['CURRENT_ROW_TIMESTAMP()', 'TIMESTAMP_LTZ(3) NOT NULL'],
  ['NOW', 'rejected'], ['PROCTIME', 'rejected'], ['PI', 'DOUBLE NOT NULL'], ['PI()', 'DOUBLE NOT NULL'],
  ['LOCALTIME', 'TIME(0) NOT NULL'], ['CURRENT_DATE', 'DATE NOT NULL'],
  // names resolve case-sensitively; USER & co. are column references spelled as written
  ['A', 'rejected'], ['I + 1', 'rejected'], ['i + 1', 'INT NOT NULL'], ['user', 'STRING'], ['USER', 'rejected'], ['session_user', 'rejected'],
  // casts: TRY_CAST is always nullable, CAST keeps the operand's nullability
  ['TRY_CAST(i AS BIGINT)', 'BIGINT'], ['TRY_CAST(i AS STRING)', 'STRING'], ['TRY_CAST(i AS INT)', 'INT'],
  ['CAST(i AS DECIMAL(3, 1))', 'DECIMAL(3, 1) NOT NULL'], ['CAST(i AS DECIMAL(12, 1))', 'DECIMAL(12, 1) NOT NULL'],
];

describe('check and the local runtime agree with Flink 1.20 on the probes', () => {
  for (const [expr, flink] of PROBES) {
    it(`${expr} → ${flink}`, () => {
      const want: Outcome = flink === 'rejected' ? { rejected: true } : { rejected: false, type: flink };
      const strip = (o: Outcome): Outcome => (o.rejected ? { rejected: true } : o);
      const check = viaCheck(expr);
      const runtime = viaRuntime(expr);
      expect(strip(check), 'check').toEqual(want);
      expect(strip(runtime), 'runtime').toEqual(want);
      // a rejection is the planner's (a name or type error), never "not supported by the local runtime"
      if (runtime.rejected) expect(runtime.code).not.toBe('FTS7001');
    });
  }

  it('tables a.t and b.t are two tables in check and in the runtime (qualified names kept whole)', () => {
    const sql = `CREATE DATABASE a; CREATE DATABASE b;
      CREATE TABLE a.t (x INT) WITH ('connector' = 'datagen');
      CREATE TABLE b.t (y STRING) WITH ('connector' = 'datagen');
      SELECT x FROM a.t;
      SELECT y FROM b.t;
      SELECT y FROM a.t;`;
    const errors = checkSql(sql).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['FTS4001']); // a.t has no column y
    const ok = sql.slice(0, sql.lastIndexOf('SELECT y FROM a.t'));
    expect(checkSql(ok).filter((d) => d.severity === 'error')).toEqual([]);
    const run = runJob(ok, { inputs: { 'a.t': [[1], [2]], 'b.t': [['s']] } });
    expect(run.table('result')).toEqual(['1', '2']);
    expect(run.table('result1')).toEqual(['s']);
    expect(() => runJob(sql, { inputs: { 'a.t': [], 'b.t': [] } })).toThrow(/FTS4001.*Column 'y' not found/);
    // an input keyed by the bare name is ambiguous between the two
    expect(() => runJob(ok, { inputs: { t: [[1]] } })).toThrow(/FTS7005.*names 2 tables/);
  });

  it('USE switches the namespace for both', () => {
    const sql = `CREATE DATABASE a; CREATE TABLE a.t (x INT) WITH ('connector' = 'datagen');
      CREATE TABLE t (z BOOLEAN) WITH ('connector' = 'datagen');
      USE a;
      SELECT x FROM t;
      SELECT z FROM default_database.t;`;
    expect(checkSql(sql).filter((d) => d.severity === 'error')).toEqual([]);
    const run = runJob(sql, { inputs: { 'a.t': [[5]], 'default_database.t': [[true]] } });
    expect(run.table('result')).toEqual(['5']);
    expect(run.table('result1')).toEqual(['true']);
  });
});
