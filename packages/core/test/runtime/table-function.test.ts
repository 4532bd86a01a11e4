/**
 * User table functions in LATERAL TABLE with a JS implementation the test supplies (`runJob(…, { functions })`):
 * typed by the binder from the declared row, run on the bound plan by a correlate operator (CROSS JOIN LATERAL,
 * the comma form, LEFT JOIN LATERAL … ON TRUE). The same SQL with the bridge's Java `SplitWords` is run on Flink
 * 1.20.1 by test/flink/table-function.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LocalJob } from '../../src/runtime/job.js';
import { runJob, tableFunction } from '../../src/testing/index.js';
import { DDL, INPUT, splitWords, TABLE_FUNCTION_CASES } from './table-function-cases.js';
import { sqlScript } from '../../src/testing/oracle/sql-front-end.js';
import { code } from './error-code.js';

describe('LATERAL TABLE with a JS table function', () => {
  it.each(TABLE_FUNCTION_CASES)('$name', ({ sql, expected }) => {
    const run = runJob(DDL + sql + ';', { inputs: { docs: INPUT }, functions: { split_words: splitWords } });
    expect(run.changelog('words')).toEqual(expected);
  });

  it('is planned from the bound plan', () => {
    expect(() => new LocalJob(sqlScript(DDL + TABLE_FUNCTION_CASES[0]!.sql), { tableFunctions: new Map([['SPLIT_WORDS', { type: splitWords.type, call: () => [] }]]) })).not.toThrow();
  });

  it('keeps the input change kind: a retraction of the input retracts every row the call produced', () => {
    const sql = `CREATE TABLE src (id INT, body STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');
      CREATE TABLE out2 (id INT, word STRING) WITH ('connector' = 'blackhole');
      CREATE FUNCTION split_words AS 'x.Split';
      INSERT INTO out2 SELECT id, word FROM src, LATERAL TABLE(split_words(body));`;
    const run = runJob(sql, { inputs: { src: [{ id: 1, body: 'a b' }, { kind: '-D', row: { id: 1, body: 'a b' } }] }, functions: { split_words: splitWords } });
    expect(run.changelog('out2')).toEqual(['+I[1, a]', '+I[1, b]', '-D[1, a]', '-D[1, b]']);
  });

  it('arguments arrive as plain values, and yielded rows are checked against the declared row', () => {
    const seen: unknown[] = [];
    const echo = tableFunction({ returns: { a: 'DECIMAL(10, 2)', b: 'TIMESTAMP(3)' }, *eval(d: unknown, t: unknown) { seen.push(d, t); yield [d, t]; } });
    const sql = `CREATE TABLE s (d DECIMAL(10, 2), t TIMESTAMP(3)) WITH ('connector' = 'values');
      CREATE TABLE o (a DECIMAL(10, 2), b TIMESTAMP(3)) WITH ('connector' = 'blackhole');
      CREATE FUNCTION echo AS 'x.Echo';
      INSERT INTO o SELECT a, b FROM s, LATERAL TABLE(echo(d, t));`;
    const run = runJob(sql, { inputs: { s: [{ d: '12.50', t: '2024-01-01 10:00:00' }] }, functions: { echo } });
    expect(seen).toEqual(['12.50', '2024-01-01 10:00:00.000']);
    expect(run.changelog('o')).toEqual(['+I[12.50, 2024-01-01T10:00]']);
    const bad = tableFunction({ returns: { n: 'INT NOT NULL' }, *eval() { yield { n: null }; } });
    const badSql = `CREATE TABLE s (d INT) WITH ('connector' = 'values'); CREATE TABLE o (n INT) WITH ('connector' = 'blackhole');
      CREATE FUNCTION bad AS 'x.Bad'; INSERT INTO o SELECT n FROM s, LATERAL TABLE(bad(d));`;
    expect(code(() => runJob(badSql, { inputs: { s: [{ d: 1 }] }, functions: { bad } }))).toBe('FTS7005');
  });

  it('a function that throws fails the job (FTS7003); a CREATE FUNCTION without an implementation is FTS7001', () => {
    const boom = tableFunction({ returns: { n: 'INT' }, *eval() { throw new Error('boom'); } });
    const sql = `CREATE TABLE s (d INT) WITH ('connector' = 'values'); CREATE TABLE o (n INT) WITH ('connector' = 'blackhole');
      CREATE FUNCTION boom AS 'x.Boom'; INSERT INTO o SELECT n FROM s, LATERAL TABLE(boom(d));`;
    expect(code(() => runJob(sql, { inputs: { s: [{ d: 1 }] }, functions: { boom } }))).toBe('FTS7003');
    expect(code(() => runJob(DDL + TABLE_FUNCTION_CASES[0]!.sql, { inputs: { docs: INPUT } }))).toBe('FTS7001');
    expect(code(() => tableFunction({ returns: {}, *eval() {} }))).toBe('FTS2305');
  });
});
