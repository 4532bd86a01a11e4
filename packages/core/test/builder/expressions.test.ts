/** Expression builders: sub-queries, truth tests, literals and their definition-time errors. */
import { describe, expect, test } from 'vitest';
import {
  FlinktsError,
  createView,
  exists,
  fn,
  from,
  interval,
  lit,
  printExpression,
  scalarSubquery,
  t,
  table,
} from '../../src/index.js';
import { inferFunctionType } from '../../src/internal/index.js';

const orders = table('orders', { columns: { id: t.bigint(), user_id: t.int(), ok: t.boolean(), note: t.string(), ts: t.timestampLtz(3) } });
const users = table('users', { columns: { uid: t.int(), name: t.string() } });

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics[0]?.code;
    throw e;
  }
  return undefined;
}

describe('sub-queries', () => {
  const uids = from(users, 'u').selectList(({ u }) => [u.uid]);
  test('IN, NOT IN, EXISTS and scalar sub-queries hold the query node', () => {
    const q = from(orders, 'o').where(({ o }) => o.user_id.inQuery(uids).and(exists(uids)));
    const where = q.select(({ o }) => ({ id: o.id })).query;
    expect(where).toMatchObject({
      where: { kind: 'Binary', op: 'AND', left: { kind: 'In', query: uids.query, negated: false }, right: { kind: 'Exists', query: uids.query } },
    });
    expect(from(orders, 'o').select(({ o }) => ({ x: o.user_id.notInQuery(uids) })).query).toMatchObject({ items: [{ expr: { kind: 'In', negated: true } }] });
    expect(scalarSubquery(uids).node).toEqual({ kind: 'ScalarSubquery', query: uids.query });
  });
});

describe('operators', () => {
  test('IS [NOT] TRUE / FALSE and SIMILAR TO', () => {
    const q = from(orders, 'o').select(({ o }) => ({ a: o.ok.isTrue(), b: o.ok.isNotFalse(), c: o.note.similarTo('a%') }));
    expect(q.query).toMatchObject({
      items: [
        { expr: { kind: 'IsTruth', value: 'TRUE', negated: false } },
        { expr: { kind: 'IsTruth', value: 'FALSE', negated: true } },
        { expr: { kind: 'Like', op: 'SIMILAR TO', pattern: { kind: 'StringLiteral', value: 'a%' } } },
      ],
    });
  });

  test('TIMESTAMP_LTZ literals print as Flink reads them', () => {
    expect(printExpression(lit.timestampLtz('2024-01-01 00:00:00').node)).toBe("TIMESTAMP_LTZ '2024-01-01 00:00:00'");
  });
});

describe('definition-time errors are diagnostics', () => {
  test('literals', () => {
    expect(codeOf(() => lit(Number.NaN))).toBe('FTS2301');
    expect(codeOf(() => lit.decimal('1e5'))).toBe('FTS2302');
    expect(codeOf(() => lit.binary('ABC'))).toBe('FTS2303');
    expect(codeOf(() => interval('ten', 'SECOND'))).toBe('FTS2304');
    expect(interval('1 02:00:00', 'DAY TO SECOND').node).toMatchObject({ value: '1 02:00:00', qualifier: { start: 'DAY', end: 'SECOND' } });
  });
});

describe('function catalog', () => {
  test('legacy group-window auxiliaries follow the time column', () => {
    const ltz = t.timestampLtz(3).node;
    const ts = t.timestamp(3).node;
    const size = t.intervalDayTime().node;
    expect(inferFunctionType('TUMBLE_ROWTIME', [ltz, size])).toEqual({ ok: true, type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false } });
    expect(inferFunctionType('TUMBLE_START', [ts, size])).toEqual({ ok: true, type: { kind: 'TIMESTAMP', precision: 3, nullable: false } });
    expect(inferFunctionType('HOP_END', [ts, size])).toMatchObject({ ok: false, reason: 'arity' });
    expect(fn.tumbleEnd(lit.timestamp('2024-01-01 00:00:00'), interval('1', 'MINUTE')).node)
      .toEqual({ kind: 'FunctionCall', name: ['TUMBLE_END'], args: [{ kind: 'TemporalLiteral', type: 'TIMESTAMP', value: '2024-01-01 00:00:00' }, { kind: 'IntervalLiteral', negative: false, value: '1', qualifier: { start: 'MINUTE' } }] });
  });
});

describe('views', () => {
  test('createView gives the CREATE VIEW node', () => {
    const q = from(orders, 'o').select(({ o }) => ({ id: o.id }));
    expect(createView('v', q, { temporary: false })).toEqual({ kind: 'CreateView', path: ['v'], temporary: false, ifNotExists: false, query: q.query });
  });
});
