/**
 * fast-check generator of MATCH_RECOGNIZE (CEP) cases: patterns of 1–4 variables with greedy and reluctant
 * quantifiers (some Flink refuses, so both engines must reject them), every AFTER MATCH SKIP strategy and the
 * default, WITHIN, DEFINE conditions over the current row, FIRST / LAST navigation and aggregates over variables,
 * MEASURES of every kind, PARTITION BY or one partition, a secondary ORDER BY key, a sub-query input; event-time
 * rows that repeat times and arrive out of order (within the watermark delay or late); some order by a PROCTIME()
 * column instead, some feed MATCH_ROWTIME() into a TUMBLE window TVF
 * over a view. Half of the cases send the query as flinkts prints
 * it (fmt), so the printed text is what Flink parses.
 */
import fc from 'fast-check';
import { parseScript, printScript } from '@flinkts/core';
import type { FamilyCase } from './family-case.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const time = (ms: number) => `2024-01-01 00:00:${pad(Math.floor(ms / 1000))}.${pad(ms % 1000, 3)}`;
const maybe = <T>(a: fc.Arbitrary<T>, nulls = 1, values = 5) => fc.oneof({ arbitrary: fc.constant(null), weight: nulls }, { arbitrary: a, weight: values });

/** Rows (k, v, s, ts): times mostly rising (half seconds, some repeated) with a jitter that puts rows out of order. */
const rows = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 2 }), maybe(fc.integer({ min: 0, max: 9 })), maybe(fc.constantFrom('a', 'b')), fc.integer({ min: -3, max: 1 }), fc.boolean()), { minLength: 1, maxLength: 18 })
  .map((rs) => rs.map(([k, v, s, jitter, repeat], i) => [k, v, s, time(Math.max(0, (repeat ? i - 1 : i) + jitter) * 500)]));

const VARS = ['A', 'B', 'C', 'D'];
const QUANTIFIERS = ['', '', '', '*', '+', '?', '{2}', '{1,2}', '{2,}', '{,2}', '{1,3}'];

/** A DEFINE condition for `x`, with `before` the variables before it in the pattern. */
function condition(x: string, before: readonly string[]): fc.Arbitrary<string> {
  const n = fc.integer({ min: 0, max: 9 });
  const simple: fc.Arbitrary<string>[] = [
    n.map((c) => `${x}.v > ${c}`),
    n.map((c) => `${x}.v < ${c}`),
    n.map((c) => `v >= ${c}`),
    fc.constantFrom(`${x}.s = 'a'`, `${x}.s IS NULL`, `${x}.v IS NOT NULL`, `${x}.v > LAST(${x}.v, 1)`, `${x}.v < COALESCE(LAST(${x}.v, 1), 100)`, `${x}.v <> FIRST(${x}.v)`, `LAST(${x}.v, 2) IS NULL`, `FIRST(${x}.v, 1) IS NULL OR ${x}.v > FIRST(${x}.v, 1)`, `CASE WHEN ${x}.s = 'b' THEN ${x}.v > 4 ELSE ${x}.v < 6 END`),
    n.map((c) => `SUM(${x}.v) < ${c * 2}`),
    fc.constantFrom(`COUNT(${x}.v) <= 2`, `AVG(${x}.v) > 3`, `MAX(${x}.v) - MIN(${x}.v) < 5`, `COUNT(*) < 4`),
  ];
  if (before.length > 0) {
    const p = fc.constantFrom(...before);
    simple.push(p.map((y) => `${x}.v > FIRST(${y}.v)`), p.map((y) => `${x}.v < LAST(${y}.v)`), p.map((y) => `${x}.v >= ${y}.v`), p.map((y) => `${x}.s = ${y}.s`), p.map((y) => `${x}.v + SUM(${y}.v) > 8`));
  }
  const one = fc.oneof(...simple);
  return fc.oneof({ arbitrary: one, weight: 4 }, { arbitrary: fc.tuple(one, one, fc.constantFrom('AND', 'OR')).map(([a, b, op]) => `(${a}) ${op} (${b})`), weight: 1 });
}

/** A MEASURES expression over the pattern's variables. */
function measure(vars: readonly string[]): fc.Arbitrary<string> {
  const x = fc.constantFrom(...vars);
  return fc.oneof(
    x.map((y) => `FIRST(${y}.v)`), x.map((y) => `LAST(${y}.v)`), x.map((y) => `${y}.v`), x.map((y) => `${y}.s`),
    x.map((y) => `LAST(${y}.v, 1)`), x.map((y) => `FIRST(${y}.v, 1)`), x.map((y) => `COUNT(${y}.v)`), x.map((y) => `SUM(${y}.v)`),
    x.map((y) => `MIN(${y}.v)`), x.map((y) => `MAX(${y}.s)`), x.map((y) => `AVG(${y}.v)`), x.map((y) => `FIRST(${y}.ts)`), x.map((y) => `LAST(${y}.ts)`),
    fc.constantFrom('MATCH_ROWTIME()', 'COUNT(*)', 'LAST(v)', 'FIRST(ts)', 'v', 's', 'SUM(v)', 'MAX(v) - MIN(v)', 'MATCH_PROCTIME()', 'MATCH_ROWTIME(ts)'),
    x.map((y) => `LAST(${y}.v, 2)`), x.map((y) => `LISTAGG(${y}.s)`), x.map((y) => `FIRST_VALUE(${y}.v)`), x.map((y) => `LAST_VALUE(${y}.s)`), x.map((y) => `CAST(AVG(${y}.v) AS DOUBLE)`), x.map((y) => `SUM(${y}.v) / COUNT(${y}.v)`),
    fc.tuple(x, x).map(([a, b]) => `FIRST(${a}.v) + LAST(${b}.v)`),
  );
}

export const matchCase: fc.Arbitrary<FamilyCase> = fc
  .record({
    delay: fc.constantFrom(0, 1, 2),
    size: fc.integer({ min: 1, max: 4 }),
    quantifiers: fc.array(fc.tuple(fc.constantFrom(...QUANTIFIERS), fc.boolean()), { minLength: 4, maxLength: 4 }),
    /** The last variable matches once (Flink refuses a greedy quantifier there) in most cases. */
    plainLast: fc.constantFrom(true, true, true, false),
    partitioned: fc.boolean(),
    secondary: fc.constantFrom('', '', ', v', ', v DESC', ', s, v'),
    skip: fc.constantFrom('', 'PAST LAST ROW', 'TO NEXT ROW', 'TO FIRST', 'TO LAST'),
    within: fc.constantFrom('', '', "INTERVAL '2' SECOND", "INTERVAL '1.5' SECOND", "INTERVAL '4' SECOND"),
    subquery: fc.constantFrom(false, false, true),
    printed: fc.boolean(),
    /** The rowtime column is a TIMESTAMP_LTZ(3) (MATCH_ROWTIME() is a TIMESTAMP, MATCH_ROWTIME(ts) a TIMESTAMP_LTZ). */
    ltz: fc.constantFrom(false, false, false, true),
    /** `proctime`: ORDER BY a PROCTIME() column (rows matched as they arrive); `window`: a TUMBLE window over MATCH_ROWTIME(). */
    shape: fc.constantFrom('plain', 'plain', 'plain', 'plain', 'proctime', 'window'),
    rows,
  })
  .chain((c) => {
    const vars = VARS.slice(0, c.size);
    return fc.record({
      defines: fc.tuple(...vars.map((v, i) => fc.option(condition(v, vars.slice(0, i)), { nil: undefined, freq: 4 }))),
      measures: fc.array(measure(vars), { minLength: 1, maxLength: 3 }),
      // TO FIRST / TO LAST the first variable fails the job on most matches ("Could not skip to first element of a
      // match") on both engines: mostly a later variable
      skipTo: vars.length === 1 ? fc.constant(vars[0]!) : fc.oneof({ arbitrary: fc.constantFrom(...vars.slice(1)), weight: 4 }, { arbitrary: fc.constant(vars[0]!), weight: 1 }),
    }).map((d) => ({ ...c, vars, ...d }));
  })
  .map((c) => {
    const pattern = c.vars.map((v, i) => {
      const [q, reluctant] = c.quantifiers[i]!;
      if (i === c.vars.length - 1 && c.plainLast) return v;
      return `${v}${q}${q !== '' && reluctant ? '?' : ''}`;
    }).join(' ');
    const defines = c.vars.flatMap((v, i) => (c.defines[i] === undefined ? [] : [`${v} AS ${c.defines[i]}`]));
    // DEFINE needs at least one condition
    if (defines.length === 0) defines.push(`${c.vars[0]} AS ${c.vars[0]}.v IS NOT NULL`);
    const skip = c.skip === '' ? '' : `\n  AFTER MATCH SKIP ${c.skip}${c.skip.startsWith('TO ') && c.skip !== 'TO NEXT ROW' ? ` ${c.skipTo}` : ''}`;
    const proctime = c.shape === 'proctime';
    const measureList = [...c.measures.filter((m) => !(proctime && m.startsWith('MATCH_ROWTIME'))), ...(c.shape === 'window' ? ['MATCH_ROWTIME()'] : [])];
    const measures = (measureList.length === 0 ? ['COUNT(*)'] : measureList).map((m, i) => `${m} AS m${i}`).join(', ');
    const input = c.subquery ? '(SELECT k, v, s, ts, pt FROM ev WHERE k > 0 OR v IS NULL)' : 'ev';
    const order = proctime ? 'pt' : `ts${c.secondary}`;
    let query = `SELECT * FROM ${input} MATCH_RECOGNIZE (\n  ${c.partitioned ? 'PARTITION BY k ' : ''}ORDER BY ${order}\n  MEASURES ${measures}${skip}\n  PATTERN (${pattern})${c.within === '' ? '' : ` WITHIN ${c.within}`}\n  DEFINE ${defines.join(', ')}\n) AS m`;
    if (c.shape === 'window') {
      const mt = `m${measureList.length - 1}`;
      query = `CREATE TEMPORARY VIEW mv AS ${query};\nSELECT ${c.partitioned ? 'k, ' : ''}window_start, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE mv, DESCRIPTOR(${mt}), INTERVAL '2' SECOND)) GROUP BY ${c.partitioned ? 'k, ' : ''}window_start, window_end`;
    }
    query += ';';
    const ddl = `CREATE TABLE ev (k INT, v INT, s STRING, ts ${c.ltz ? 'TIMESTAMP_LTZ(3)' : 'TIMESTAMP(3)'}, pt AS PROCTIME(), WATERMARK FOR ts AS ts - INTERVAL '${c.delay}' SECOND) WITH ('connector' = 'values');`;
    let sql = `${ddl}\n${query}`;
    if (c.printed) {
      const parsed = parseScript(sql);
      // a text that does not parse stays as it is (the local engine reports it); what parses is sent as printed
      if (parsed.diagnostics.length === 0) sql = printScript(parsed.script);
    }
    return { family: 'match', sql, inputs: { ev: c.rows }, compare: c.partitioned ? 'key' as const : 'order' as const };
  });
