/**
 * COLLECT, ARRAY_AGG, JSON_ARRAYAGG and JSON_OBJECTAGG: each expected changelog below is what real Flink 1.20.1
 * printed for the same job and rows (tier 3's `collect` family generates many more, test/differential).
 */
import { describe, expect, test } from 'vitest';
import { FlinktsError } from '@flinkts/core';
import { runJob } from '@flinkts/core/testing';
import { binaryStringHash, javaStringHash } from '../../src/runtime/values/java-hash-order.js';

const CHANGES = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'values', 'changelog-mode' = 'I,UB,UA,D');\n`;
const TABLE = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING) WITH ('connector' = 'values');\n`;
const run = (sql: string, rows: readonly unknown[]) => runJob(sql, { inputs: { t: rows as never } }).changelog();
const failure = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return `${e.diagnostics[0]?.code}: ${e.diagnostics[0]?.message}`;
    throw e;
  }
  return 'ok';
};

const UPDATES = [
  { kind: '+I', row: [1, 1, 5, 'x'] }, { kind: '+I', row: [2, 1, null, 'y'] }, { kind: '+I', row: [3, 1, 5, 'x'] },
  { kind: '-U', row: [1, 1, 5, 'x'] }, { kind: '+U', row: [1, 1, 7, 'z'] }, { kind: '-D', row: [2, 1, null, 'y'] },
];

describe('collecting aggregates with retraction', () => {
  test('ARRAY_AGG keeps NULLs and arrival order, a retraction removes the first equal value; COLLECT counts', () => {
    expect(run(`${CHANGES}SELECT k, ARRAY_AGG(v) AS a, ARRAY_AGG(s) AS b, COLLECT(s) AS c FROM t GROUP BY k;`, UPDATES)).toEqual([
      '+I[1, [5], [x], {x=1}]', '-U[1, [5], [x], {x=1}]', '+U[1, [5, null], [x, y], {x=1, y=1}]', '-U[1, [5, null], [x, y], {x=1, y=1}]',
      '+U[1, [5, null, 5], [x, y, x], {x=2, y=1}]', '-U[1, [5, null, 5], [x, y, x], {x=2, y=1}]', '+U[1, [null, 5], [y, x], {x=1, y=1}]',
      '-U[1, [null, 5], [y, x], {x=1, y=1}]', '+U[1, [null, 5, 7], [y, x, z], {x=1, y=1, z=1}]', '-U[1, [null, 5, 7], [y, x, z], {x=1, y=1, z=1}]',
      '+U[1, [5, 7], [x, z], {x=1, z=1}]',
    ]);
  });

  test('JSON_ARRAYAGG skips NULLs by default, JSON_OBJECTAGG writes NULLs and sorts its keys; both retract', () => {
    const rows = [
      { kind: '+I', row: [1, 1, 5, 'x'] }, { kind: '+I', row: [2, 1, null, 'y'] }, { kind: '+I', row: [3, 1, 5, 'b'] }, { kind: '+I', row: [4, 1, 6, 'c'] },
      { kind: '-U', row: [1, 1, 5, 'x'] }, { kind: '+U', row: [1, 1, 7, 'a'] }, { kind: '-D', row: [2, 1, null, 'y'] }, { kind: '+I', row: [9, 1, 5, 'd'] }, { kind: '-D', row: [3, 1, 5, 'b'] },
    ];
    expect(run(`${CHANGES}SELECT k, JSON_ARRAYAGG(v) AS a, JSON_OBJECTAGG(KEY s VALUE v) AS b, JSON_ARRAYAGG(s NULL ON NULL) AS c FROM t GROUP BY k;`, rows)).toEqual([
      '+I[1, [5], {"x":5}, ["x"]]', '-U[1, [5], {"x":5}, ["x"]]', '+U[1, [5], {"x":5,"y":null}, ["x","y"]]', '-U[1, [5], {"x":5,"y":null}, ["x","y"]]',
      '+U[1, [5,5], {"b":5,"x":5,"y":null}, ["x","y","b"]]', '-U[1, [5,5], {"b":5,"x":5,"y":null}, ["x","y","b"]]', '+U[1, [5,5,6], {"b":5,"c":6,"x":5,"y":null}, ["x","y","b","c"]]',
      '-U[1, [5,5,6], {"b":5,"c":6,"x":5,"y":null}, ["x","y","b","c"]]', '+U[1, [5,6], {"b":5,"c":6,"y":null}, ["y","b","c"]]', '-U[1, [5,6], {"b":5,"c":6,"y":null}, ["y","b","c"]]',
      '+U[1, [5,6,7], {"a":7,"b":5,"c":6,"y":null}, ["y","b","c","a"]]', '-U[1, [5,6,7], {"a":7,"b":5,"c":6,"y":null}, ["y","b","c","a"]]', '+U[1, [5,6,7], {"a":7,"b":5,"c":6}, ["b","c","a"]]',
      '-U[1, [5,6,7], {"a":7,"b":5,"c":6}, ["b","c","a"]]', '+U[1, [5,6,7,5], {"a":7,"b":5,"c":6,"d":5}, ["b","c","a","d"]]', '-U[1, [5,6,7,5], {"a":7,"b":5,"c":6,"d":5}, ["b","c","a","d"]]',
      '+U[1, [6,7,5], {"a":7,"c":6,"d":5}, ["c","a","d"]]',
    ]);
  });

  test('IGNORE / RESPECT NULLS, ABSENT ON NULL, DISTINCT', () => {
    expect(run(`${TABLE}SELECT k, ARRAY_AGG(v IGNORE NULLS) AS b, ARRAY_AGG(s RESPECT NULLS) AS c FROM t GROUP BY k;`, [[1, 1, 5, null], [1, 1, null, 'q']]))
      .toEqual(['+I[1, [5], [null]]', '-U[1, [5], [null]]', '+U[1, [5], [null, q]]']);
    expect(run(`${TABLE}SELECT k, JSON_ARRAYAGG(v NULL ON NULL) AS a, JSON_OBJECTAGG(KEY s VALUE v ABSENT ON NULL) AS b, ARRAY_AGG(DISTINCT v) AS c, COLLECT(DISTINCT v) AS d FROM t GROUP BY k;`,
      [[1, 1, 5, 'x'], [2, 1, null, 'y'], [3, 1, 5, 'w'], [4, 2, 1, 'a']])).toEqual([
      '+I[1, [5], {"x":5}, [5], {5=1}]', '-U[1, [5], {"x":5}, [5], {5=1}]', '+U[1, [5,null], {"x":5}, [5, null], {5=1}]', '-U[1, [5,null], {"x":5}, [5, null], {5=1}]',
      '+U[1, [5,null,5], {"w":5,"x":5}, [5, null], {5=1}]', '+I[2, [1], {"a":1}, [1], {1=1}]',
    ]);
  });

  test('an unchanged result is not emitted again, except an ARRAY_AGG result holding a NULL (Flink compares those unequal)', () => {
    const rows = [[1, 1, 5, 'a'], [2, 1, null, null], [3, 1, 5, 'a']];
    expect(run(`${TABLE}SELECT k, COLLECT(v) AS x FROM t GROUP BY k;`, rows)).toEqual(['+I[1, {5=1}]', '-U[1, {5=1}]', '+U[1, {5=2}]']);
    expect(run(`${TABLE}SELECT k, JSON_ARRAYAGG(v) AS x FROM t GROUP BY k;`, rows)).toEqual(['+I[1, [5]]', '-U[1, [5]]', '+U[1, [5,5]]']);
    expect(run(`${TABLE}SELECT k, COLLECT(DISTINCT v) AS x FROM t GROUP BY k;`, rows)).toEqual(['+I[1, {5=1}]']);
    expect(run(`${TABLE}SELECT k, ARRAY_AGG(DISTINCT v) AS x FROM t GROUP BY k;`, rows)).toEqual(['+I[1, [5]]', '-U[1, [5]]', '+U[1, [5, null]]', '-U[1, [5, null]]', '+U[1, [5, null]]']);
    expect(run(`${TABLE}SELECT k, ARRAY_AGG(DISTINCT v) AS x FROM t GROUP BY k;`, [[1, 1, 5, 'a'], [2, 1, 6, null], [3, 1, 5, 'a']])).toEqual(['+I[1, [5]]', '-U[1, [5]]', '+U[1, [5, 6]]']);
  });

  test('JSON values as Flink writes them; a MULTISET prints in Java HashMap order', () => {
    const sql = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, d DOUBLE, m DECIMAL(5, 2), b BOOLEAN, ts TIMESTAMP(3)) WITH ('connector' = 'values');
SELECT k, JSON_ARRAYAGG(d) AS a, JSON_ARRAYAGG(m) AS b, JSON_ARRAYAGG(b) AS c, JSON_ARRAYAGG(ts) AS e, JSON_OBJECTAGG(s VALUE d) AS f, COLLECT(s) AS g, COLLECT(v) AS h, ARRAY_AGG(ts) AS i FROM t GROUP BY k;`;
    const out = runJob(sql, { inputs: { t: [[1, 1, 5, 'q"é', 1.5, '2.50', true, '2024-01-01 00:00:01.5'], [1, 1, 17, 'aa', 1e22, '-0.01', false, '2024-01-01 00:00:00'], [1, 1, -3, 'Ab', null, null, null, null], [1, 1, 100, 'BB', 0.1, null, null, null]] } }).changelog();
    expect(out.at(-1)).toBe('+U[1, [1.5,1.0E22,0.1], [2.5,-0.01], [true,false], ["2024-01-01T00:00:01.5","2024-01-01T00:00:00"], {"Ab":null,"BB":0.1,"aa":1.0E22,"q\\"é":1.5}, {aa=1, BB=1, Ab=1, q"é=1}, {17=1, -3=1, 100=1, 5=1}, [2024-01-01T00:00:01.500, 2024-01-01T00:00, null, null]]');
  });

  test("COLLECT's elements whose Java hashes collide come out in Flink's internal (binary string) hash order", () => {
    expect(javaStringHash('Aa')).toBe(javaStringHash('BB'));
    // BinaryStringData's Murmur3 (seed 42) puts BB before Aa in Flink's internal map
    expect(binaryStringHash('Aa')).not.toBe(binaryStringHash('BB'));
    const rows = [[1, 2, 1, 'Aa'], [2, 2, 1, 'BB']];
    expect(run(`${TABLE}SELECT k, COLLECT(s) AS a FROM t GROUP BY k;`, rows)).toEqual(['+I[2, {Aa=1}]', '-U[2, {Aa=1}]', '+U[2, {BB=1, Aa=1}]']);
  });

  test('in a window TVF aggregation', () => {
    const sql = `CREATE TABLE t (id INT NOT NULL, k INT, v INT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'values');
SELECT k, window_start, ARRAY_AGG(v) AS a, COLLECT(s) AS c, JSON_ARRAYAGG(v) AS d, JSON_OBJECTAGG(KEY s VALUE v) AS e FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end;`;
    expect(runJob(sql, { inputs: { t: [[1, 1, 5, 'x', '2024-01-01 00:00:00'], [2, 1, null, 'y', '2024-01-01 00:00:01'], [3, 1, 6, 'z', '2024-01-01 00:00:03']] } }).changelog())
      .toEqual(['+I[1, 2024-01-01T00:00, [5, null], {x=1, y=1}, [5], {"x":5,"y":null}]', '+I[1, 2024-01-01T00:00:02, [6], {z=1}, [6], {"z":6}]']);
  });

  test('JSON_OBJECTAGG fails the job on a repeated or NULL key, as Flink does', () => {
    expect(failure(() => run(`${TABLE}SELECT k, JSON_OBJECTAGG(KEY s VALUE v) AS b FROM t GROUP BY k;`, [[1, 1, 5, 'x'], [2, 1, null, 'x']])))
      .toMatch(/^FTS7003: .*Key 'x' is already present\. Duplicate keys are not allowed in JSON_OBJECTAGG/);
    expect(failure(() => run(`${TABLE}SELECT k, JSON_OBJECTAGG(KEY s VALUE v) AS b FROM t GROUP BY k;`, [[1, 1, 5, null]]))).toMatch(/^FTS7003: NullPointerException/);
  });

  test('what Flink 1.20.1 does not parse is refused: JSON_ARRAYAGG(DISTINCT …), FILTER or OVER after a JSON aggregate', () => {
    expect(failure(() => run(`${TABLE}SELECT k, JSON_ARRAYAGG(DISTINCT v) FROM t GROUP BY k;`, []))).toMatch(/^FTS1/);
    expect(failure(() => run(`${TABLE}SELECT k, JSON_ARRAYAGG(v) FILTER (WHERE v > 1) FROM t GROUP BY k;`, []))).toMatch(/^FTS1/);
    expect(failure(() => run(`${TABLE}SELECT k, JSON_OBJECTAGG(KEY s VALUE v) FILTER (WHERE v > 1) FROM t GROUP BY k;`, []))).toMatch(/^FTS1/);
  });
});
