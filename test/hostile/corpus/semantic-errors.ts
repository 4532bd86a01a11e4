/** Semantic errors Flink's planner rejects: each must be a positioned diagnostic with a code. */
import type { SqlCase } from './case.js';

const T = "CREATE TABLE t (a INT, b INT, s STRING) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT, b INT) WITH ('connector' = 'blackhole');\n";

export const semanticErrors: readonly SqlCase[] = [
  { name: 'duplicate column names', sql: "CREATE TABLE x (a INT, a STRING) WITH ('connector' = 'datagen');", codes: ['FTS4013'] },
  { name: 'PRIMARY KEY on a missing column', sql: "CREATE TABLE x (a INT, PRIMARY KEY (b) NOT ENFORCED) WITH ('connector' = 'datagen');", codes: ['FTS4014'] },
  { name: 'PRIMARY KEY listing a column twice', sql: "CREATE TABLE x (a INT, PRIMARY KEY (a, a) NOT ENFORCED) WITH ('connector' = 'datagen');", codes: ['FTS4013'] },
  { name: 'duplicate column in an INSERT column list', sql: `${T}INSERT INTO k (a, a) SELECT a, b FROM t;`, codes: ['FTS4015'] },
  { name: 'unknown column', sql: `${T}SELECT c FROM t;`, codes: ['FTS4001'] },
  { name: 'unknown table', sql: 'SELECT a FROM nowhere;', codes: ['FTS4002'] },
  { name: 'column not grouped', sql: `${T}SELECT a, b FROM t GROUP BY a;`, codes: ['FTS4411'] },
  { name: 'INSERT with too few columns', sql: `${T}INSERT INTO k SELECT a FROM t;`, codes: ['FTS4101'] },
  { name: 'AND on an INT', sql: `${T}SELECT a FROM t WHERE a AND b;`, codes: ['FTS4412'] },
  { name: 'a CASE WHEN condition that is not BOOLEAN', sql: `${T}SELECT CASE WHEN a THEN 1 END FROM t;`, codes: ['FTS4403'] },
  // valid inputs the hostile corpus also carries: they must succeed
  { name: 'valid: a leap day', sql: `${T}SELECT DATE '2024-02-29' FROM t;`, codes: [] },
  { name: 'valid: a simple CASE with a value list', sql: `${T}SELECT CASE a WHEN 1, 2 THEN 'x' ELSE 'y' END FROM t;`, codes: [] },
  { name: 'valid: a byte-order mark as the first character', sql: `\ufeff${T}SELECT a FROM t;`, codes: [] },
  { name: 'valid: CRLF and CR line ends mixed', sql: `${T.replace('\n', '\r\n')}-- c\rSELECT a\r\nFROM t;`, codes: [] },
];
