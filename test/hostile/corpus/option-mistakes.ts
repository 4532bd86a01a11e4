/** Option mistakes in WITH clauses: each must be a positioned diagnostic with a code. */
import type { SqlCase } from './case.js';

export const optionMistakes: readonly SqlCase[] = [
  { name: 'unknown connector (info: its options cannot be checked)', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'kafak');", codes: ['FTS3008'] },
  { name: 'unknown option of a known connector', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', 'rows-per-sec0nd' = '1');", codes: ['FTS3001'] },
  { name: 'an option value of the wrong type', sql: "CREATE TABLE x (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = 'fast');", codes: ['FTS3002'] },
  { name: "missing 'connector'", sql: "CREATE TABLE x (a INT) WITH ('format' = 'json');", codes: ['FTS3011'] },
  { name: "mis-cased 'Connector'", sql: "CREATE TABLE x (a INT) WITH ('Connector' = 'datagen');", codes: ['FTS3011'] },
  { name: "space-padded ' connector'", sql: "CREATE TABLE x (a INT) WITH (' connector' = 'datagen');", codes: ['FTS3011'] },
];
