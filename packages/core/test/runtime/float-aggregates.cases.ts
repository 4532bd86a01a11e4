/**
 * Aggregates over FLOAT / DOUBLE values with NaN and -0.0, over an insert-only input (Flink's MinAggFunction,
 * FirstValueAggFunction… compare with `<`) and over an updating one (MinWithRetractAggFunction… keep their values
 * in MapViews keyed and ordered by Java's `equals` / `compareTo`). -0.0 reaches the job as `-x` of a 0.0 marked
 * `neg` (a fixture's -0 would cross to Flink as JSON's 0). Run on both engines by test/flink/float-aggregates.test.ts;
 * Flink 1.20.1's changelogs are recorded in float-aggregates.test.ts.
 */
import type { TestEntry } from '@flinkts/core/testing';

/** Per key, its values in arrival order (-0 is -0.0). */
const SEQUENCES: readonly (readonly [number, readonly number[]])[] = [
  [1, [NaN, 1, 2]], [2, [1, NaN, 0.5]], [3, [-0, 0]], [4, [0, -0]], [5, [3, NaN]], [6, [-0, NaN, 0]],
];

const value = (v: number): { x: number; neg: boolean } => ({ x: Object.is(v, -0) ? 0 : v, neg: Object.is(v, -0) });

const APPEND = "CREATE TABLE t (k INT, x DOUBLE, neg BOOLEAN) WITH ('connector' = 'datagen');";
const CDC = `CREATE TABLE u (id INT, k INT, x DOUBLE, neg BOOLEAN, PRIMARY KEY (id) NOT ENFORCED)
  WITH ('connector' = 'kafka', 'topic' = 'u', 'format' = 'debezium-json', 'properties.bootstrap.servers' = 'k:9092');`;
const V = 'CASE WHEN neg THEN -x ELSE x END';
const values = (from: string): string => `(SELECT k, ${V} AS v, CAST(${V} AS FLOAT) AS f FROM ${from})`;

const appendRows: TestEntry[] = SEQUENCES.flatMap(([k, vs]) => vs.map((v) => ({ k, ...value(v) })));

/** Every row inserted; then the second row of every key deleted, then the first. */
function cdcRows(): TestEntry[] {
  const rows: { id: number; k: number; x: number; neg: boolean }[] = [];
  for (const [k, vs] of SEQUENCES) for (const v of vs) rows.push({ id: rows.length + 1, k, ...value(v) });
  const out: TestEntry[] = [...rows];
  for (const nth of [1, 0]) {
    for (const [k] of SEQUENCES) {
      const row = rows.filter((r) => r.k === k)[nth];
      if (row !== undefined) out.push({ kind: '-D', row });
    }
  }
  return out;
}

export interface FloatAggregateCase {
  readonly name: string;
  readonly sql: string;
  readonly inputs: Readonly<Record<string, TestEntry[]>>;
}

export const FLOAT_AGGREGATE_CASES: readonly FloatAggregateCase[] = [
  {
    name: 'insert-only: MIN / MAX / FIRST_VALUE / LAST_VALUE / SUM / SUM0-like AVG keep Flink\'s NaN and -0.0',
    sql: `${APPEND}\nSELECT k, MIN(v) AS mn, MAX(v) AS mx, MIN(f) AS mnf, MAX(f) AS mxf, FIRST_VALUE(v) AS fv, LAST_VALUE(v) AS lv, SUM(v) AS s, SUM(f) AS sf, AVG(v) AS a FROM ${values('t')} GROUP BY k;`,
    inputs: { t: appendRows },
  },
  {
    name: 'insert-only: COUNT(DISTINCT) tells -0.0 from 0.0',
    sql: `${APPEND}\nSELECT k, COUNT(DISTINCT v) AS c, COUNT(DISTINCT f) AS cf FROM ${values('t')} GROUP BY k;`,
    inputs: { t: appendRows },
  },
  {
    name: 'updating: MIN / MAX order as Java\'s compareTo (NaN largest, -0.0 below 0.0), FIRST_VALUE / LAST_VALUE retract by equals',
    sql: `${CDC}\nSELECT k, MIN(v) AS mn, MAX(v) AS mx, MIN(f) AS mnf, MAX(f) AS mxf, FIRST_VALUE(v) AS fv, LAST_VALUE(v) AS lv, COUNT(v) AS c FROM ${values('u')} GROUP BY k;`,
    inputs: { u: cdcRows() },
  },
];
