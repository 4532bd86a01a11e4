/**
 * CURRENT_DATABASE() names the database the script's USE statements made current where the query is planned, as
 * Flink 1.20.1 answers (`default_database` without a USE — the type probe's CURRENT_DATABASE-001; `db1` after
 * `USE db1`, run on Flink through the bridge).
 */
import { describe, expect, test } from 'vitest';
import { runJob } from '../../src/testing/index.js';

describe('CURRENT_DATABASE()', () => {
  test('default_database, then the database of the last USE before the query', () => {
    const run = runJob(`CREATE TABLE t (a INT) WITH ('connector' = 'datagen');
SELECT a, CURRENT_DATABASE() AS d FROM t;
CREATE DATABASE db1;
USE db1;
CREATE TABLE t2 (a INT) WITH ('connector' = 'datagen');
SELECT a, CURRENT_DATABASE() AS d FROM t2;`, { inputs: { t: [{ a: 1 }], 'db1.t2': [{ a: 2 }] } });
    expect([...run.sinks.values()].map((s) => s.changelog)).toEqual([['+I[1, default_database]'], ['+I[2, db1]']]);
  });
});
