/** Inputs that are large or deep: each must be checked and formatted (or refused with a code) in linear time. */
import { MAX_NESTING_DEPTH } from '@flinkts/core';
import type { SqlCase } from './case.js';

const T = "CREATE TABLE t (a INT, b INT, s STRING) WITH ('connector' = 'datagen');\nCREATE TABLE k (a INT, b INT, s STRING) WITH ('connector' = 'blackhole');\n";

function nestedCase(depth: number): string {
  let e = 'a';
  for (let i = 0; i < depth; i++) e = `CASE ${e} WHEN 1, 2 THEN ${i} WHEN 3 THEN 4 ELSE 5 END`;
  return `${T}INSERT INTO k SELECT ${e}, b, s FROM t;\n`;
}
function searchedCase(depth: number): string {
  let e = 'a';
  for (let i = 0; i < depth; i++) e = `CASE WHEN a > ${i} THEN ${e} ELSE 0 END`;
  return `${T}INSERT INTO k SELECT ${e}, b, s FROM t;`;
}
function fromSubqueries(depth: number): string {
  let q = 'SELECT a, b, s FROM t';
  for (let i = 0; i < depth; i++) q = `SELECT a, b, s FROM (${q})`;
  return `${T}INSERT INTO k ${q};`;
}
const D = MAX_NESTING_DEPTH;
const chain = (n: number, term: string, op: string) => Array.from({ length: n }, () => term).join(` ${op} `);

export const sizes: readonly SqlCase[] = [
  { name: 'a CASE with a two-value WHEN list nested 20 deep (was exponential)', sql: nestedCase(20), codes: [] },
  { name: '10,000-term AND chain', sql: `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${Array.from({ length: 10_000 }, (_, i) => `a <> ${i}`).join(' AND ')};`, codes: [] },
  { name: '10,000-term OR chain', sql: `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${Array.from({ length: 10_000 }, (_, i) => `a = ${i}`).join(' OR ')};`, codes: [] },
  { name: '10,000-term + chain', sql: `${T}INSERT INTO k SELECT ${chain(10_000, 'a', '+')}, b, s FROM t;`, codes: [] },
  { name: '10,000-term || chain', sql: `${T}INSERT INTO k SELECT a, b, ${chain(10_000, 's', '||')} FROM t;`, codes: [] },
  { name: '10,000-term + chain in a grouped query', sql: `${T}INSERT INTO k SELECT ${chain(10_000, 'a', '+')}, MAX(b), MAX(s) FROM t GROUP BY a;`, codes: [] },
  { name: '10,000-way UNION ALL', sql: `${T}INSERT INTO k ${Array.from({ length: 10_000 }, () => 'SELECT a, b, s FROM t').join('\nUNION ALL\n')};`, codes: [] },
  {
    name: 'GROUP BY 5,000 columns (was quadratic)',
    sql: (() => {
      const cols = Array.from({ length: 5000 }, (_, i) => `c${i}`);
      const defs = cols.map((c) => `${c} INT`).join(', ');
      return `CREATE TABLE w (${defs}) WITH ('connector' = 'datagen');\nCREATE TABLE x (${defs}) WITH ('connector' = 'blackhole');\nINSERT INTO x SELECT ${cols.join(', ')} FROM w GROUP BY ${cols.join(', ')};`;
    })(),
    codes: [],
  },
  { name: 'a 10 MB string literal', sql: `${T}INSERT INTO k SELECT a, b, '${'x'.repeat(10_000_000)}' FROM t;`, codes: [] },
  // 100,000 rows are in the benchmark (`npm run bench -- hostile`); 20,000 keep this suite fast on a shared CI machine.
  { name: 'VALUES with 20,000 rows', sql: `${T}INSERT INTO k VALUES ${Array.from({ length: 20_000 }, (_, i) => `(${i}, ${i}, 'v')`).join(',\n')};`, codes: [] },
  // MAX_NESTING_DEPTH levels work in every stage (parse, check, fmt); one more is FTS1006. Flink 1.20.1's own
  // parser gives up at 500 levels or fewer (measured on its planner, see cursor.ts).
  { name: `nested parentheses ${D} deep`, sql: `${T}INSERT INTO k SELECT ${'('.repeat(D)}a${')'.repeat(D)}, b, s FROM t;`, codes: [] },
  { name: `nested parentheses ${D + 1} deep`, sql: `${T}INSERT INTO k SELECT ${'('.repeat(D + 1)}a${')'.repeat(D + 1)}, b, s FROM t;`, codes: ['FTS1006'], message: /nests more than 500 levels/ },
  { name: `nested function calls ${D} deep`, sql: `${T}INSERT INTO k SELECT a, b, ${'UPPER('.repeat(D)}s${')'.repeat(D)} FROM t;`, codes: [] },
  { name: `nested function calls ${D + 1} deep`, sql: `${T}INSERT INTO k SELECT a, b, ${'UPPER('.repeat(D + 1)}s${')'.repeat(D + 1)} FROM t;`, codes: ['FTS1006'] },
  { name: `a searched CASE nested ${D} deep`, sql: searchedCase(D), codes: [] },
  { name: `a searched CASE nested ${D + 1} deep`, sql: searchedCase(D + 1), codes: ['FTS1006'] },
  { name: `nested sub-queries in FROM ${D} deep`, sql: fromSubqueries(D), codes: [] },
  { name: `nested sub-queries in FROM ${D + 1} deep`, sql: fromSubqueries(D + 1), codes: ['FTS1006'] },
  { name: `nested scalar sub-queries ${D} deep (formatting them was cubic in depth)`, sql: `${T}INSERT INTO k SELECT ${'(SELECT '.repeat(D)}a${' FROM t)'.repeat(D)}, b, s FROM t;`, codes: [] },
  { name: `nested scalar sub-queries ${D + 1} deep`, sql: `${T}INSERT INTO k SELECT ${'(SELECT '.repeat(D + 1)}a${' FROM t)'.repeat(D + 1)}, b, s FROM t;`, codes: ['FTS1006'] },
  // Via the CLI (sizes-cli.test.ts), 480 levels gave 8 spurious FTS4499 and 490 took minutes: the binder ran out of
  // stack, caught it per level and bound each sub-query again.
  { name: 'nested scalar sub-queries 480 deep', sql: `${T}INSERT INTO k SELECT ${'(SELECT '.repeat(480)}a${' FROM t)'.repeat(480)}, b, s FROM t;`, codes: [] },
  { name: `nested IN sub-queries ${D} deep`, sql: `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${'a IN (SELECT a FROM t WHERE '.repeat(D)}a > 0${')'.repeat(D)};`, codes: [] },
  { name: `nested EXISTS sub-queries ${D} deep`, sql: `${T}INSERT INTO k SELECT a, b, s FROM t WHERE ${'EXISTS (SELECT a FROM t WHERE '.repeat(D)}a > 0${')'.repeat(D)};`, codes: [] },
  { name: `a correlated scalar sub-query in each of ${D} nested levels`, sql: `${T}INSERT INTO k SELECT ${'(SELECT x.a + '.repeat(D)}1${' FROM t AS x)'.repeat(D)}, b, s FROM t;`, codes: [] },
  { name: '10,000 prefix minus signs', sql: `${T}INSERT INTO k SELECT ${'- '.repeat(10_000)}a, b, s FROM t;`, codes: ['FTS1006'] },
  // Chains are flat in the text but as deep as they are long in the plan: each view's changelog mode is derived when
  // it is created, and the catalog is not copied per view (10,000 views took 44 s).
  { name: '3,000 views, each reading the one before, and an INSERT reading the last', sql: `${T}CREATE VIEW v0 AS SELECT a, b, s FROM t;\n${Array.from({ length: 3000 }, (_, i) => `CREATE VIEW v${i + 1} AS SELECT a, b, s FROM v${i};`).join('\n')}\nINSERT INTO k SELECT a, b, s FROM v3000;`, codes: [] },
  { name: '5,000 CTEs, each reading the one before', sql: `${T}INSERT INTO k WITH ${Array.from({ length: 5000 }, (_, i) => `c${i} AS (SELECT a, b, s FROM ${i === 0 ? 't' : `c${i - 1}`})`).join(', ')} SELECT a, b, s FROM c4999;`, codes: [] },
  { name: '200,000 empty statements', sql: `${T}${';\n'.repeat(200_000)}`, codes: [] },
  { name: 'nested sub-queries 300 deep', sql: (() => { let q = 'SELECT a, b, s FROM t'; for (let i = 0; i < 300; i++) q = `SELECT a, b, s FROM (${q})`; return `${T}INSERT INTO k ${q};`; })(), codes: [] },
];
