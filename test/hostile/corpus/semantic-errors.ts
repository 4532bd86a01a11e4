/** Semantic errors Flink's planner rejects: each must be a positioned diagnostic with a code. */
import type { SqlCase } from './case.js';

const T = "CREATE TABLE t (a INT, b INT, s STRING) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT, b INT) WITH ('connector' = 'blackhole');\n";

const W = "CREATE TABLE w (a INT, j STRING, id BIGINT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\n";
const hop = (slide: string, size: string) => `${W}SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE w, DESCRIPTOR(ts), INTERVAL '${slide}' SECOND, INTERVAL '${size}' SECOND)) GROUP BY window_start, window_end;`;

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
  { name: 'SUM of an untyped NULL', sql: `${T}SELECT SUM(NULL) FROM t;`, codes: ['FTS4406'], message: /Illegal use of 'NULL'/ },
  { name: 'MAX of an untyped NULL', sql: `${T}SELECT MAX(NULL) FROM t;`, codes: ['FTS4406'] },
  { name: 'valid: SUM of a typed NULL', sql: `${T}SELECT SUM(CAST(NULL AS INT)) FROM t;`, codes: [] },
  { name: 'a HOP size that is not a multiple of its slide', sql: hop('3', '10'), codes: ['FTS4316'], message: /integral multiple of slide/ },
  { name: 'valid: a HOP size that is a multiple of its slide', sql: hop('5', '10'), codes: [] },
  { name: 'PARTITION BY on the table argument of TUMBLE', sql: `${W}SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE w PARTITION BY a, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY window_start, window_end;`, codes: ['FTS4318'], message: /set semantics/ },
  { name: 'valid: SESSION windows by key (PARTITION BY)', sql: `${W}SELECT a, window_start, COUNT(*) FROM TABLE(SESSION(TABLE w PARTITION BY a, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY a, window_start, window_end;`, codes: [] },
  // Calcite's JSON functions take any operand type: Flink 1.20.1's planner plans these (test/flink/hostile-agreement.test.ts).
  { name: 'valid: JSON_VALUE on a BIGINT', sql: `${W}SELECT JSON_VALUE(id, '$.a') FROM w;`, codes: [] },
  { name: 'valid: JSON_QUERY on an INT', sql: `${W}SELECT JSON_QUERY(a, '$.a') FROM w;`, codes: [] },
  { name: 'JSON_EXISTS on an INT', sql: `${W}SELECT JSON_EXISTS(a, '$.a') FROM w;`, codes: ['FTS4406'], message: /JSON_EXISTS/ },
  { name: 'valid: JSON_VALUE on a STRING', sql: `${W}SELECT JSON_VALUE(j, '$.a') FROM w;`, codes: [] },
  { name: 'TUMBLE_START without GROUP BY TUMBLE', sql: `${W}SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM w GROUP BY a;`, codes: ['FTS4317'], message: /matching call to group function 'TUMBLE'/ },
  { name: 'TUMBLE_END with other arguments than its GROUP BY TUMBLE', sql: `${W}SELECT TUMBLE_END(ts, INTERVAL '2' MINUTE), COUNT(*) FROM w GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);`, codes: ['FTS4317'] },
  { name: 'valid: TUMBLE_START with its GROUP BY TUMBLE', sql: `${W}SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), COUNT(*) FROM w GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE);`, codes: [] },
  // valid inputs the hostile corpus also carries: they must succeed
  { name: 'valid: a leap day', sql: `${T}SELECT DATE '2024-02-29' FROM t;`, codes: [] },
  { name: 'valid: a simple CASE with a value list', sql: `${T}SELECT CASE a WHEN 1, 2 THEN 'x' ELSE 'y' END FROM t;`, codes: [] },
  // Flink 1.20.1's parser rejects a leading U+FEFF as any other (test/flink/hostile-agreement.test.ts).
  { name: 'a byte-order mark as the first character', sql: `\ufeff${T}SELECT a FROM t;`, codes: ['FTS1000'], message: /starts with a byte-order mark/ },
  { name: 'valid: CRLF and CR line ends mixed', sql: `${T.replace('\n', '\r\n')}-- c\rSELECT a\r\nFROM t;`, codes: [] },
];
