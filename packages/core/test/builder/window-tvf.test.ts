/** Window TVF sources: columns they add and time-column checks. */
import { describe, expect, test } from 'vitest';
import { FlinktsError, fn, from, hop, interval, printExpression, rangePreceding, rowsPreceding, sql, t, table, tumble } from '../../src/index.js';

const events = table('events', { columns: { id: t.bigint(), amount: t.int(), ts: t.timestampLtz(3) }, watermark: { column: 'ts' } });

describe('window TVFs', () => {
  test('window_time follows the time column (TIMESTAMP_LTZ(3) here), window_start/end are TIMESTAMP(3) NOT NULL', () => {
    const w = tumble(events, { timecol: 'ts', size: interval('1', 'MINUTE') });
    expect(w.columnTypes.slice(3)).toEqual([
      { name: 'window_start', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
      { name: 'window_end', type: { kind: 'TIMESTAMP', precision: 3, nullable: false } },
      { name: 'window_time', type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false } },
    ]);
    const q = from(w, 'w').groupBy(({ w }) => [w.window_start, w.window_end]).select(({ w }) => ({ s: w.window_start }));
    expect(q.query).toMatchObject({ from: { kind: 'TableFunction', alias: 'w', call: { name: ['TUMBLE'], args: [{ kind: 'TableArg' }, { kind: 'Descriptor', columns: ['ts'] }, { kind: 'IntervalLiteral' }] } } });
  });

  test('a time column that is missing or not a timestamp is refused with a diagnostic', () => {
    const loose = hop as unknown as (s: unknown, o: { timecol: string; slide: unknown; size: unknown }) => unknown;
    const opts = { slide: interval('1', 'MINUTE'), size: interval('5', 'MINUTE') };
    try {
      loose(events, { timecol: 'tss', ...opts });
      expect.unreachable();
    } catch (e) {
      expect((e as FlinktsError).diagnostics[0]).toMatchObject({ code: 'FTS2209', hint: "did you mean 'ts'?" });
    }
    expect(() => loose(events, { timecol: 'amount', ...opts })).toThrowError(/HOP time column 'amount' is INT, not a time attribute/);
  });

  test('the sql tag keeps template text and escapes interpolated literals', () => {
    const e = sql<'INT', number>`MY_UDF(${'it\'s'}, ${42})`;
    expect(e.node).toEqual({ kind: 'RawSql', parts: ['MY_UDF(', ', ', ')'], args: [{ kind: 'StringLiteral', value: "it's" }, { kind: 'NumericLiteral', text: '42' }] });
  });
});

describe('OVER frames', () => {
  test('ROWS and RANGE frames end at the current row', () => {
    const q = from(events, 'e').select(({ e }) => ({
      last10: fn.sum(e.amount).over({ partitionBy: [e.id], orderBy: [e.ts], frame: rowsPreceding(10) }),
      lastHour: fn.count(e.amount).over({ partitionBy: [e.id], orderBy: [e.ts], frame: rangePreceding(interval('1', 'HOUR')) }),
      all: fn.max(e.amount).over({ orderBy: [e.ts], frame: rangePreceding('unbounded') }),
    }));
    const items = q.query.kind === 'Select' ? q.query.items.map((i) => (i.kind === 'SelectExpr' ? printExpression(i.expr) : '')) : [];
    expect(items).toEqual([
      'SUM(`e`.`amount`) OVER (PARTITION BY `e`.`id` ORDER BY `e`.`ts` ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)',
      "COUNT(`e`.`amount`) OVER (PARTITION BY `e`.`id` ORDER BY `e`.`ts` RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)",
      'MAX(`e`.`amount`) OVER (ORDER BY `e`.`ts` RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)',
    ]);
    expect(() => rowsPreceding(-1)).toThrowError(FlinktsError);
  });

  test('TUMBLE and HOP take an optional offset', () => {
    const w = tumble(events, { timecol: 'ts', size: interval('1', 'DAY'), offset: interval('-8', 'HOUR') });
    const rel = w.toRelation('w');
    expect(rel.kind === 'TableFunction' && rel.call.args.length).toBe(4);
  });
});

describe('CROSS JOIN UNNEST', () => {
  const docs = table('docs', { columns: { id: t.bigint(), tags: t.array(t.string()), attrs: t.map(t.string(), t.int()) } });
  test('several columns and WITH ORDINALITY', () => {
    const q = from(docs, 'd')
      .crossJoinUnnest('a', ['k', 'v'], ({ d }) => d.attrs, { ordinality: 'pos' })
      .select(({ d, a }) => ({ id: d.id, k: a.k, v: a.v, pos: a.pos }));
    expect(q.query).toMatchObject({
      from: { kind: 'Join', type: 'CROSS', right: { kind: 'Unnest', withOrdinality: true, alias: 'a', columnAliases: ['k', 'v', 'pos'] } },
    });
  });
  test('a column named twice is refused', () => {
    expect(() => from(docs, 'd').crossJoinUnnest('a', 'x', ({ d }) => d.tags, { ordinality: 'x' })).toThrowError(/UNNEST names column 'x' twice/);
  });
});
