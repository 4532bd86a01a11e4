/** Window TVF sources: columns they add and time-column checks. */
import { describe, expect, test } from 'vitest';
import { FlinktsError, from, hop, interval, sql, t, table, tumble } from '../../src/index.js';

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
