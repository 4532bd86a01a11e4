/** MATCH_RECOGNIZE in the binder: output columns and types, and what Flink's planner refuses as diagnostics. */
import { describe, expect, test } from 'vitest';
import { parseScript } from '../../src/index.js';
import { bindScript } from '../../src/internal/index.js';

const T = `CREATE TABLE t (k INT, v INT NOT NULL, s STRING, ts TIMESTAMP(3), pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'values');\n`;
const mr = (body: string) => `${T}SELECT * FROM t MATCH_RECOGNIZE (${body}) AS m;`;
const codes = (sql: string): string[] => {
  const p = parseScript(sql);
  if (p.script === undefined) throw new Error(p.diagnostics[0]?.message);
  return [...bindScript(p.script.statements).diagnostics].map((d) => d.code);
};

describe('MATCH_RECOGNIZE binding', () => {
  test('a well-formed clause binds without diagnostics', () => {
    expect(codes(mr('PARTITION BY k ORDER BY ts MEASURES FIRST(A.v) AS fa, AVG(B.v) AS ab, MATCH_ROWTIME() AS mt PATTERN (A B+? C) DEFINE B AS B.v < LAST(B.v, 1), C AS v > LAST(B.v, 1)'))).toEqual([]);
    expect(codes(mr('ORDER BY pt MEASURES A.s AS s PATTERN (A) DEFINE A AS A.s IS NOT NULL'))).toEqual([]);
  });

  test('what Flink refuses has its own code', () => {
    expect(codes(mr('ORDER BY v MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE'))).toEqual(['FTS4520']);
    expect(codes(mr('ORDER BY ts DESC MEASURES A.v AS x PATTERN (A) DEFINE A AS TRUE'))).toEqual(['FTS4520']);
    expect(codes(mr('ORDER BY ts MEASURES X.v AS x PATTERN (A) DEFINE A AS TRUE'))).toEqual(['FTS4521']);
    // Flink ignores the definition of a variable the pattern does not have: a warning
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A) DEFINE Z AS TRUE'))).toEqual(['FTS4521']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A | B) DEFINE A AS TRUE'))).toEqual(['FTS4522']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A+ B? C) DEFINE A AS TRUE'))).toEqual(['FTS4522']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A B?) DEFINE A AS TRUE'))).toEqual([]);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN ((A B) C) DEFINE A AS TRUE'))).toEqual([]);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A B+) DEFINE A AS TRUE'))).toEqual(['FTS4522']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN ((A B)+ C) DEFINE A AS TRUE'))).toEqual(['FTS4522']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x ALL ROWS PER MATCH PATTERN (A) DEFINE A AS TRUE'))).toEqual(['FTS4523']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A B) DEFINE A AS NEXT(A.v) > 1'))).toEqual(['FTS4523']);
    expect(codes(mr('ORDER BY ts MEASURES A.v AS x PATTERN (A B) DEFINE B AS B.v < PREV(B.v)'))).toEqual(['FTS4523']);
  });
});
