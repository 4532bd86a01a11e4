/** MATCH_RECOGNIZE: parsing every clause, printing it back, and reading the printed text to the same tree. */
import { describe, expect, test } from 'vitest';
import type { MatchRecognize, Query, Select } from '../../src/index.js';
import { parseQuery as parse, printQuery } from '../../src/index.js';
import { stripSpans } from '../../src/internal/index.js';

/** The query, or an error with the first diagnostic's message. */
function parseQuery(sql: string): Query {
  const r = parse(sql);
  if (r.query === undefined) throw new Error(r.diagnostics[0]?.message ?? 'no query');
  return r.query;
}

const Q = `SELECT * FROM Ticker MATCH_RECOGNIZE (
  PARTITION BY symbol ORDER BY rowtime
  MEASURES FIRST(A.price) AS first_a, LAST(B.price, 1) AS lb, AVG(B.price) AS avg_b, MATCH_ROWTIME() AS mt
  ONE ROW PER MATCH
  AFTER MATCH SKIP TO LAST B
  PATTERN (A B+? C* D{2} E{2,} F{1,3}? G{,4} H?) WITHIN INTERVAL '1' HOUR
  DEFINE B AS B.price < PREV(B.price), C AS price > 2 AND LAST(B.price, 1) IS NULL
) AS T`;

const mr = (sql: string): MatchRecognize => (parseQuery(sql) as Select).from as MatchRecognize;

describe('MATCH_RECOGNIZE parsing', () => {
  test('every clause is read', () => {
    const m = stripSpans(mr(Q));
    expect(m.kind).toBe('MatchRecognize');
    expect(m.input).toMatchObject({ kind: 'TableRef', path: ['Ticker'] });
    expect(m.alias).toBe('T');
    expect(m.measures.map((x) => x.alias)).toEqual(['first_a', 'lb', 'avg_b', 'mt']);
    expect(m.rowsPerMatch).toBe('ONE');
    expect(m.after).toEqual({ kind: 'ToLast', variable: 'B' });
    expect(m.pattern).toEqual({
      kind: 'PatternSequence',
      terms: [
        { kind: 'PatternVariable', name: 'A' },
        { kind: 'PatternVariable', name: 'B', quantifier: { min: 1, symbol: '+', reluctant: true } },
        { kind: 'PatternVariable', name: 'C', quantifier: { min: 0, symbol: '*', reluctant: false } },
        { kind: 'PatternVariable', name: 'D', quantifier: { min: 2, max: 2, reluctant: false } },
        { kind: 'PatternVariable', name: 'E', quantifier: { min: 2, reluctant: false } },
        { kind: 'PatternVariable', name: 'F', quantifier: { min: 1, max: 3, reluctant: true } },
        { kind: 'PatternVariable', name: 'G', quantifier: { min: 0, max: 4, reluctant: false } },
        { kind: 'PatternVariable', name: 'H', quantifier: { min: 0, max: 1, symbol: '?', reluctant: false } },
      ],
    });
    expect(m.within).toMatchObject({ kind: 'IntervalLiteral' });
    expect(m.define.map((d) => d.variable)).toEqual(['B', 'C']);
  });

  test('the printed text reads back to the same tree', () => {
    const printed = printQuery(parseQuery(Q));
    expect(printed).toContain('MATCH_RECOGNIZE (');
    expect(printed).toContain('PATTERN (`A` `B`+? `C`* `D`{2} `E`{2,} `F`{1,3}? `G`{0,4} `H`?) WITHIN INTERVAL');
    expect(stripSpans(parseQuery(printed))).toEqual(stripSpans(parseQuery(Q)));
    for (const skip of ['PAST LAST ROW', 'TO NEXT ROW', 'TO FIRST A']) {
      const sql = `SELECT * FROM (SELECT * FROM t) MATCH_RECOGNIZE (ORDER BY ts MEASURES A.v AS v AFTER MATCH SKIP ${skip} PATTERN ((A B)+ C) DEFINE A AS v > 1) m`;
      expect(stripSpans(parseQuery(printQuery(parseQuery(sql))))).toEqual(stripSpans(parseQuery(sql)));
    }
  });

  test('alternatives parse and print (the binder refuses them, as Flink does)', () => {
    const sql = 'SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.v AS v PATTERN (A | B C | (D | E) F) DEFINE A AS v > 1) AS m';
    const m = stripSpans(mr(sql));
    expect(m.pattern).toMatchObject({ kind: 'PatternAlternation', terms: [{ kind: 'PatternVariable', name: 'A' }, { kind: 'PatternSequence' }, { kind: 'PatternSequence' }] });
    const printed = printQuery(parseQuery(sql));
    expect(printed).toContain('PATTERN (`A` | `B` `C` | (`D` | `E`) `F`)');
    expect(stripSpans(parseQuery(printed))).toEqual(stripSpans(parseQuery(sql)));
    expect(() => parseQuery('SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN (A |) DEFINE A AS TRUE)')).toThrow(/pattern variable/);
  });

  test('malformed clauses are parse errors with a position', () => {
    expect(() => parseQuery('SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN () DEFINE A AS TRUE)')).toThrow(/pattern variable/);
    expect(() => parseQuery('SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN (A{3,1}) DEFINE A AS TRUE)')).toThrow(/maximum below its minimum/);
    expect(() => parseQuery('SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN (A))')).toThrow(/DEFINE/);
    expect(() => parseQuery('SELECT * FROM t WHERE x MATCH_RECOGNIZE (ORDER BY ts PATTERN (A) DEFINE A AS TRUE)')).toThrow(/must follow the table/);
  });
});
