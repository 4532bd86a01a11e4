/**
 * LATERAL TABLE with a user table function, local runtime against real Flink 1.20.1: the bridge holds the Java
 * `dev.flinkts.bridge.udf.SplitWords` the script's CREATE FUNCTION names, and the local runtime runs its JS twin
 * (packages/core/test/runtime/table-function-cases.ts) on the same SQL and fixtures. (On Flink the JS function only lets
 * the local planner accept the script, which runJob plans on both engines; Flink runs the Java class.)
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
import { checkSql } from '@flinkts/core';
import type { UserFunctionTypes } from '@flinkts/core';
import { FlinkBridgeClient } from '@flinkts/core/flink';
import { DDL, INPUT, splitWords, TABLE_FUNCTION_CASES } from '../../packages/core/test/runtime/table-function-cases.js';

describe('LATERAL TABLE(split_words(…)): the local runtime with the JS function gives what Flink gives with the Java one', () => {
  for (const c of TABLE_FUNCTION_CASES) {
    test(c.name, () => {
      const sql = `${DDL}${c.sql};`;
      const flink = runJob(sql, { inputs: { docs: INPUT }, engine: 'flink', functions: { split_words: splitWords } }).changelog('words');
      expect(flink).toEqual(c.expected);
      const local = runJob(sql, { inputs: { docs: INPUT }, engine: 'local', functions: { split_words: splitWords } }).changelog('words');
      expect(local).toEqual(flink);
    }, 600_000);
  }
});

describe('what Flink 1.20.1 refuses around LEFT JOIN LATERAL, and check reports with its message', () => {
  const DDL_NN = [
    "CREATE TABLE docs (id INT, body STRING, arr ARRAY<INT>) WITH ('connector' = 'datagen')",
    "CREATE TABLE words (id INT, word STRING, len INT) WITH ('connector' = 'blackhole')",
    "CREATE FUNCTION split_nn AS 'dev.flinkts.bridge.udf.SplitWordsNotNull'",
  ];
  const NOT_NULL: UserFunctionTypes = new Map([['SPLIT_NN', { kind: 'table', columns: [{ name: 'word', type: { kind: 'VARCHAR', length: 2147483647, nullable: false } }, { name: 'len', type: { kind: 'INT', nullable: false } }] }]]);
  const CASES: readonly (readonly [string, string | undefined, string | undefined])[] = [
    // [INSERT, check's code, a fragment of Flink's refusal]; undefined: accepted by both
    ['INSERT INTO words SELECT id, word, len FROM docs LEFT JOIN LATERAL TABLE(split_nn(body)) ON TRUE', 'FTS4533', 'Conversion to relational algebra failed to preserve datatypes'],
    ["INSERT INTO words SELECT id, 'a', 1 FROM docs LEFT JOIN LATERAL TABLE(split_nn(body)) ON TRUE WHERE len IS NULL", undefined, undefined],
    ['INSERT INTO words SELECT id, word, len FROM docs, LATERAL TABLE(split_nn(body))', undefined, undefined],
    ['INSERT INTO words SELECT id, word, len FROM docs LEFT JOIN LATERAL TABLE(split_nn(body)) AS t(word, len) ON t.len > 2', 'FTS4530', 'Left outer joins with a table function do not accept a predicate such as `t`.`len` > 2. Only literal TRUE is accepted.'],
    ['INSERT INTO words SELECT id, CAST(e AS STRING), e FROM docs RIGHT JOIN UNNEST(arr) AS t(e) ON TRUE', 'FTS4531', 'Unknown join type RIGHT'],
    ['INSERT INTO words SELECT id, CAST(e AS STRING), e FROM docs LEFT JOIN UNNEST(arr) AS t(e) ON e > id', 'FTS4532', 'unexpected correlate variable $cor0 in the plan'],
    ['INSERT INTO words SELECT id, CAST(e AS STRING), e FROM docs LEFT JOIN UNNEST(arr) AS t(e) ON e > 1', undefined, undefined],
    ['INSERT INTO words SELECT d.id, t.s AS word, t.i AS len FROM docs d LEFT JOIN LATERAL (SELECT body AS s, id AS i FROM docs d2 WHERE d2.id = d.id) t ON t.i > 1', undefined, undefined],
    ['INSERT INTO words SELECT d.id, t.s, t.i FROM docs d FULL JOIN LATERAL (SELECT body AS s, id AS i FROM docs d2 WHERE d2.id = d.id) t ON TRUE', 'FTS4531', 'Unknown join type FULL'],
  ];
  test.each(CASES)('%s', (sql, code, refusal) => {
    const codes = checkSql([...DDL_NN, sql].map((s) => `${s};`).join('\n'), { functions: NOT_NULL }).filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(code === undefined ? [] : [code]);
    const planned = FlinkBridgeClient.connect().planSync({ statements: [...DDL_NN, sql] });
    if (refusal === undefined) expect(planned.error?.message).toBeUndefined();
    else expect(planned.error?.message ?? '(planned)').toContain(refusal);
  }, 600_000);
});
