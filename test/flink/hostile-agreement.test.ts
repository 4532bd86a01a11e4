/**
 * The hostile-input suite's semantic cases (issue 21) against real Flink 1.20.1's planner (`flinkts verify`):
 * every case `flinkts check` rejects, Flink rejects, and every case it accepts, Flink accepts — plus probes for
 * the limits flinkts enforces on Flink's behalf (HOP size against slide, in both window syntaxes; the
 * 256-character identifier limit, quoted and unquoted; JSON functions on non-string operands; a byte-order mark as
 * the first character, which both reject). Disagreements
 * that are not flinkts's to fix are listed with their reason, and a listed one that no longer disagrees fails.
 */
import { describe, expect, test } from 'vitest';
import { checkSql } from '@flinkts/core';
import { connectorValidators } from '@flinkts/connectors';
import { verifyScript } from '@flinkts/core/flink';
import type { SqlCase } from '../hostile/corpus/case.js';
import { semanticErrors } from '../hostile/corpus/semantic-errors.js';

const W = "CREATE TABLE w (a INT, b BIGINT, s STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen');\n";
const SINK = "CREATE TABLE k (w TIMESTAMP(3), n BIGINT) WITH ('connector' = 'blackhole');\n";
const groupHop = (slide: number, size: number) =>
  `${W}${SINK}INSERT INTO k SELECT HOP_START(ts, INTERVAL '${slide}' MINUTE, INTERVAL '${size}' MINUTE), COUNT(*) FROM w GROUP BY HOP(ts, INTERVAL '${slide}' MINUTE, INTERVAL '${size}' MINUTE);`;
const tvfHop = (slide: number, size: number) =>
  `${W}${SINK}INSERT INTO k SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE w, DESCRIPTOR(ts), INTERVAL '${slide}' MINUTE, INTERVAL '${size}' MINUTE)) GROUP BY window_start, window_end;`;
const longName = (length: number, quoted: boolean) => {
  const name = quoted ? `\`${'c'.repeat(length)}\`` : 'c'.repeat(length);
  return `CREATE TABLE t (${name} INT) WITH ('connector' = 'datagen');\nCREATE TABLE o (x INT) WITH ('connector' = 'blackhole');\nINSERT INTO o SELECT ${name} AS x FROM t;`;
};

const PROBES: readonly SqlCase[] = [
  { name: 'probe: HOP TVF, size a multiple of the slide', sql: tvfHop(1, 5), codes: [] },
  { name: 'probe: HOP TVF, size not a multiple of the slide', sql: tvfHop(2, 5), codes: ['FTS4316'] },
  // The legacy GROUP BY HOP(…) window has no such rule: Flink plans it (and so does flinkts).
  { name: 'probe: GROUP BY HOP, size a multiple of the slide', sql: groupHop(1, 5), codes: [] },
  { name: 'probe: GROUP BY HOP, size not a multiple of the slide', sql: groupHop(2, 5), codes: [] },
  { name: 'probe: a 256-character quoted identifier', sql: longName(256, true), codes: [] },
  { name: 'probe: a 256-character unquoted identifier', sql: longName(256, false), codes: [] },
  { name: 'probe: a 257-character quoted identifier', sql: longName(257, true), codes: ['FTS1009'] },
  { name: 'probe: a 257-character unquoted identifier', sql: longName(257, false), codes: ['FTS1009'] },
  { name: 'probe: JSON_EXISTS on an INT', sql: `${W}SELECT JSON_EXISTS(a, '$.x') FROM w;`, codes: ['FTS4406'] },
  { name: 'probe: JSON_EXISTS on a STRING', sql: `${W}SELECT JSON_EXISTS(s, '$.x') FROM w;`, codes: [] },
  // String literals continued on the next line, and Unicode literals (U&'…' with UESCAPE).
  { name: 'probe: a string literal continued on the next line', sql: `${W}SELECT 'ab'\n  'cde' FROM w;`, codes: [] },
  { name: 'probe: a string literal continued after a -- comment', sql: `${W}SELECT 'ab' -- c\n  'cde' FROM w;`, codes: [] },
  { name: 'probe: a string literal continued on the same line', sql: `${W}SELECT 'ab' 'cde' FROM w;`, codes: ['FTS1001'] },
  { name: 'probe: a Unicode literal', sql: `${W}SELECT U&'\\0041\\+01F600', u&'a\\\\b' FROM w;`, codes: [] },
  { name: 'probe: a Unicode literal with UESCAPE, continued', sql: `${W}SELECT U&'!0041'\n  'b' UESCAPE '!' FROM w;`, codes: [] },
  { name: 'probe: a Unicode escape of two digits', sql: `${W}SELECT U&'\\00' FROM w;`, codes: ['FTS1008'] },
  { name: 'probe: UESCAPE of two characters', sql: `${W}SELECT U&'\\0041' UESCAPE 'ab' FROM w;`, codes: ['FTS1008'] },
  { name: "probe: UESCAPE '+'", sql: `${W}SELECT U&'\\0041' UESCAPE '+' FROM w;`, codes: ['FTS1008'] },
];

/** Case name pattern → why Flink and flinkts disagree on it. */
const KNOWN_QUIRKS: readonly (readonly [RegExp, string])[] = [];

describe("the hostile semantic cases and flinkts's limits agree with the real planner", () => {
  test('accept / reject agreement', async () => {
    const disagree: string[] = [];
    for (const c of [...semanticErrors, ...PROBES]) {
      const ours = checkSql(c.sql, { validators: connectorValidators }).filter((d) => d.severity === 'error');
      expect(ours.length === 0, `${c.name}: the case's own expectation`).toBe(c.codes.length === 0);
      const real = await verifyScript(c.sql);
      expect(real.diagnostics.some((d) => d.code === 'FTS7609'), `${c.name}: plannable here`).toBe(false);
      if ((ours.length === 0) !== real.ok) {
        disagree.push(`${c.name} | flinkts: ${ours.map((d) => d.code).join(', ') || 'accept'} | flink: ${real.diagnostics.map((d) => d.message).join('; ').slice(0, 300) || 'accept'}`);
      }
    }
    const unexplained = disagree.filter((d) => !KNOWN_QUIRKS.some(([re]) => re.test(d)));
    expect(unexplained).toEqual([]);
    for (const [re, reason] of KNOWN_QUIRKS) expect(disagree.some((d) => re.test(d)), `quirk ${re} (${reason}) no longer disagrees`).toBe(true);
  }, 600_000);
});
