/**
 * LATERAL TABLE with a user table function, local runtime against real Flink 1.20.1: the bridge holds the Java
 * `dev.flinkts.bridge.udf.SplitWords` the script's CREATE FUNCTION names, and the local runtime runs its JS twin
 * (packages/core/test/runtime/table-function-cases.ts) on the same SQL and fixtures. (On Flink the JS function only lets
 * the local planner accept the script, which runJob plans on both engines; Flink runs the Java class.)
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '@flinkts/core/testing';
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
