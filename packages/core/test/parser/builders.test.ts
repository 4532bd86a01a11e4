/** Statements made by the real TypeScript builders print to SQL that parses back to exactly the same tree. */
import { describe, expect, test } from 'vitest';
import type { Statement } from '../../src/index.js';
import {
  cast,
  deduplicate,
  fn,
  from,
  genericConnector,
  hop,
  insertInto,
  interval,
  lit,
  parseScript,
  printScript,
  printStatement,
  rangePreceding,
  rowsPreceding,
  statementSet,
  t,
  table,
  tumble,
  view,
} from '../../src/index.js';
import { stripSpans } from '../../src/internal/index.js';

const orders = table('orders', {
  columns: { id: t.bigint(), user_id: t.bigint(), amount: t.decimal(10, 2), status: t.string(), payload: t.string(), ts: t.timestamp(3) },
  computed: () => ({ proc_time: fn.proctime() }),
  watermark: { column: 'ts', delay: interval('5', 'SECOND') },
  primaryKey: ['id'],
  connector: genericConnector('kafka', { topic: 'orders', format: 'json' }),
});
const totals = table('totals', {
  columns: { user_id: t.bigint().notNull(), total: t.decimal(38, 2) },
  primaryKey: ['user_id'],
  connector: genericConnector('print'),
});
const perMinute = table('per_minute', {
  columns: { user_id: t.bigint(), start: t.timestamp(3), n: t.bigint() },
  connector: genericConnector('print'),
});

function statements(): Statement[] {
  const paid = from(orders, 'o')
    .where(({ o }) => o.amount.gt(0).and(o.status.eq('paid')))
    .groupBy(({ o }) => [o.user_id])
    .select(({ o }) => ({ user_id: o.user_id, total: fn.sum(o.amount) }));
  const windows = from(tumble(orders, { timecol: 'ts', size: interval('1', 'MINUTE') }), 'w')
    .groupBy(({ w }) => [w.window_start, w.window_end, w.user_id])
    .select(({ w }) => ({ user_id: w.user_id, start: w.window_start, n: fn.count() }));
  const hopping = from(hop(orders, { timecol: 'ts', slide: interval('1', 'MINUTE'), size: interval('10', 'MINUTE') }), 'h')
    .groupBy(({ h }) => [h.window_start, h.window_end, h.user_id])
    .select(({ h }) => ({ user_id: h.user_id, start: h.window_start, n: fn.count() }));
  const enriched = view('enriched', from(orders, 'o').select(({ o }) => ({
    id: o.id,
    coupon: fn.jsonValue(o.payload, '$.coupon'),
    cents: cast(o.amount, t.bigint()),
    tag: lit('x'),
    running: fn.sum(o.amount).over({ partitionBy: [o.user_id], orderBy: [o.ts], frame: rowsPreceding(10) }),
    hourly: fn.count(o.amount).over({ partitionBy: [o.user_id], orderBy: [o.ts], frame: rangePreceding(interval('1', 'HOUR')) }),
  })));
  const firsts = from(deduplicate(orders, { partitionBy: (c) => [c.id], orderBy: (c) => c.ts, keep: 'first' }), 'd')
    .select(({ d }) => ({ user_id: d.user_id, total: d.amount }));
  return [
    orders.toStatement(),
    totals.toStatement(),
    perMinute.toStatement(),
    enriched.toStatement(),
    insertInto(totals, paid),
    insertInto(totals, firsts),
    statementSet(insertInto(perMinute, windows), insertInto(perMinute, hopping)),
  ];
}

describe('builder-made statements round-trip through SQL text', () => {
  test.each(statements().map((s) => [s.kind, s] as const))('%s', (_kind, statement) => {
    const printed = printStatement(statement);
    const { script, diagnostics } = parseScript(printed);
    expect(diagnostics).toEqual([]);
    expect(stripSpans(script.statements)).toEqual([JSON.parse(JSON.stringify(statement))]);
  });

  test('the whole script', () => {
    const script = { kind: 'Script' as const, statements: statements() };
    const parsed = parseScript(printScript(script));
    expect(parsed.diagnostics).toEqual([]);
    expect(stripSpans(parsed.script)).toEqual(JSON.parse(JSON.stringify(script)));
  });
});
