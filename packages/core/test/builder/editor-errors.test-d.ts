/**
 * Type-level tests: what the editor must reject (each `@ts-expect-error` fails the type check if the error
 * disappears) and accept. Checked by `tsc` as part of `npm test`.
 */
import { expectTypeOf } from 'vitest';
import { coalesce, deduplicate, fn, from, iff, insertInto, interval, lit, nullOf, t, table, tumble } from '../../src/index.js';
import type { Expr, RowOf } from '../../src/index.js';

const orders = table('orders', {
  columns: { id: t.bigint().notNull(), user_id: t.int(), amount: t.decimal(10, 2), note: t.string(), ts: t.timestamp(3), created: t.timestampLtz(3) },
  watermark: { column: 'ts', delay: interval('5', 'SECOND') },
});
const users = table('users', { columns: { uid: t.int().notNull(), name: t.string() } });
const sink = table('sink', {
  columns: { id: t.bigint().notNull(), user_id: t.bigint(), total: t.decimal(38, 2), name: t.string(), at: t.timestamp(3) },
  primaryKey: ['id'],
});

// Row types are inferred from the declaration, with exact TypeScript value types.
type OrderRow = RowOf<typeof orders>;
expectTypeOf<OrderRow['id']>().toEqualTypeOf<bigint>();
expectTypeOf<OrderRow['user_id']>().toEqualTypeOf<number | null>();
expectTypeOf<OrderRow['amount']>().toEqualTypeOf<string | null>();
expectTypeOf<OrderRow['ts']>().toEqualTypeOf<string | null>();
expectTypeOf<keyof OrderRow>().toEqualTypeOf<'id' | 'user_id' | 'amount' | 'note' | 'ts' | 'created'>();

// A misspelt column is an error.
// @ts-expect-error — 'amout' is not a column of orders
from(orders, 'o').select(({ o }) => ({ x: o.amout }));

// A column of another table (not in scope) is an error.
// @ts-expect-error — 'u' is not in scope: users was never joined
from(orders, 'o').select(({ o, u }) => ({ x: o.id, y: u.name }));
// @ts-expect-error — 'name' belongs to users, not orders
from(orders, 'o').join(users, 'u', ({ o, u }) => o.user_id.eq(u.uid)).select(({ o }) => ({ y: o.name }));

// Flink refuses implicit coercion in comparisons: INT = '1' is an error.
// @ts-expect-error — comparing an INT column with a string
from(orders, 'o').where(({ o }) => o.user_id.eq('1'));
// … while INT = BIGINT and INT = 1 are fine.
from(orders, 'o').where(({ o }) => o.user_id.eq(1).and(o.user_id.lt(o.id)));

// INSERT whose value types do not fit the sink's columns: STRING into BIGINT.
const wrongType = from(orders, 'o').select(({ o }) => ({ id: o.id, user_id: o.note }));
// @ts-expect-error — a VARCHAR value cannot go into BIGINT column 'user_id'
insertInto(sink, wrongType);

// BIGINT into INT needs an explicit CAST.
const narrow = table('narrow', { columns: { v: t.int() } });
// @ts-expect-error — BIGINT does not convert implicitly to INT
insertInto(narrow, from(orders, 'o').select(({ o }) => ({ v: o.id })));

// A name in the column list that is not a sink column.
// @ts-expect-error — 'idd' is not a writable column of 'sink'
insertInto(sink, from(orders, 'o').select(({ o }) => ({ idd: o.id })));

// A NOT NULL sink column missing from the explicit column list.
// @ts-expect-error — NOT NULL column 'id' is missing
insertInto(sink, from(orders, 'o').select(({ o }) => ({ user_id: o.user_id })));

// Accepted: INT → BIGINT, DECIMAL → DECIMAL, TIMESTAMP_LTZ → TIMESTAMP, STRING → STRING.
insertInto(
  sink,
  from(orders, 'o')
    .join(users, 'u', ({ o, u }) => o.user_id.eq(u.uid))
    .select(({ o, u }) => ({ id: o.id, user_id: o.user_id, total: o.amount, name: u.name, at: o.created })),
);
// PROCTIME() (TIMESTAMP_LTZ(3)) into TIMESTAMP(3) is implicit too.
insertInto(sink, from(orders, 'o').select(({ o }) => ({ id: o.id, at: fn.proctime() })));

// Result types come from the function catalog.
expectTypeOf(fn.hashCode(lit('x'))).toEqualTypeOf<import('../../src/index.js').CallExpr<'INT', number, false>>();
expectTypeOf(fn.dateFormat(lit('2024-01-01'), 'yyyy')).toMatchTypeOf<Expr<'VARCHAR', string, true>>();
expectTypeOf(fn.toTimestampLtz(lit(1n), 3)).toMatchTypeOf<Expr<'TIMESTAMP_LTZ', string, true>>();
expectTypeOf(fn.proctime()).toMatchTypeOf<Expr<'TIMESTAMP_LTZ', string, false>>();
expectTypeOf(fn.upper(lit('a'))).toMatchTypeOf<Expr<'CHAR', string, false>>();
expectTypeOf(fn.sum(lit(1)).filter(lit(true))).toMatchTypeOf<Expr<'INT', number, true>>();

// Window TVFs add window_start / window_end / window_time; the time column must exist.
from(tumble(orders, { timecol: 'ts', size: interval('1', 'MINUTE') }), 'w').select(({ w }) => ({ s: w.window_start, e: w.window_end }));
// @ts-expect-error — 'tss' is not a column of orders
tumble(orders, { timecol: 'tss', size: interval('1', 'MINUTE') });

// LEFT JOIN makes the right side nullable.
const left = from(orders, 'o').leftJoin(users, 'u', ({ o, u }) => o.user_id.eq(u.uid)).select(({ u }) => ({ uid: u.uid }));
expectTypeOf(left.__columns.uid.__nullable).toEqualTypeOf<true>();

// PRIMARY KEY columns are NOT NULL in the row type, as Flink makes them.
const keyed = table('keyed', { columns: { k: t.string(), v: t.int() }, primaryKey: ['k'] });
expectTypeOf<RowOf<typeof keyed>['k']>().toEqualTypeOf<string>();
expectTypeOf<RowOf<typeof keyed>['v']>().toEqualTypeOf<number | null>();
// @ts-expect-error — 'kk' is not a column of keyed
table('bad_pk', { columns: { k: t.string() }, primaryKey: ['kk'] });

// Explicit column lists: matched by position against a selectList query.
const listed = from(orders, 'o').selectList(({ o }) => [o.id, o.user_id, o.note.as('n')]);
expectTypeOf(listed.__columns.n.__root).toEqualTypeOf<'VARCHAR'>();
insertInto(sink, { columns: ['id', 'user_id', 'name'] }, listed); // BIGINT→BIGINT, INT→BIGINT, STRING→STRING
insertInto(sink, { columns: ['id', 'at'] }, from(orders, 'o').selectList(({ o }) => [o.id, o.created])); // TIMESTAMP_LTZ → TIMESTAMP
// @ts-expect-error — position 3 is a STRING value listed for BIGINT column 'user_id'
insertInto(sink, { columns: ['id', 'name', 'user_id'] }, listed);
// @ts-expect-error — 'nam' is not a column of sink
insertInto(sink, { columns: ['id', 'user_id', 'nam'] }, listed);
// @ts-expect-error — three values for two listed columns
insertInto(sink, { columns: ['id', 'user_id'] }, listed);
// @ts-expect-error — NOT NULL 'id' is missing from the list
insertInto(sink, { columns: ['user_id', 'name'] }, from(orders, 'o').selectList(({ o }) => [o.user_id, o.note]));
// @ts-expect-error — an explicit list needs an ordered (selectList) query
insertInto(sink, { columns: ['id'] }, from(orders, 'o').select(({ o }) => ({ id: o.id })));
// @ts-expect-error — a computed expression in a list needs a name
from(orders, 'o').selectList(({ o }) => [o.id.plus(1)]);
expectTypeOf(listed.__ordered).toEqualTypeOf<readonly [
  import('../../src/index.js').SqlType<'BIGINT', bigint, false>,
  import('../../src/index.js').SqlType<'INT', number, true>,
  import('../../src/index.js').SqlType<'VARCHAR', string, true>,
]>();

// Time attributes: watermarks, window TVFs, temporal joins and deduplication need TIMESTAMP / TIMESTAMP_LTZ.
// (a watermark column's type is checked when the table is declared: FTS2103)
const okWm = table('ok_wm', { columns: { id: t.bigint() }, computed: (c) => ({ ts: fn.toTimestampLtz(c.id, 3) }), watermark: { column: 'ts' } });
expectTypeOf(okWm.__columns.ts.__root).toEqualTypeOf<'TIMESTAMP_LTZ'>();
// @ts-expect-error — 'note' is a STRING, not a time column
tumble(orders, { timecol: 'note', size: interval('1', 'MINUTE') });
from(orders, 'o').temporalJoin(users, 'u', { asOf: ({ o }) => o.ts, on: ({ o, u }) => o.user_id.eq(u.uid) });
// @ts-expect-error — FOR SYSTEM_TIME AS OF needs a time attribute, not an INT
from(orders, 'o').temporalJoin(users, 'u', { asOf: ({ o }) => o.user_id, on: ({ o, u }) => o.user_id.eq(u.uid) });
deduplicate(orders, { partitionBy: (c) => [c.id], orderBy: (c) => c.created, keep: 'first' });
// @ts-expect-error — deduplication orders by a time attribute
deduplicate(orders, { partitionBy: (c) => [c.id], orderBy: (c) => c.amount, keep: 'first' });

// Nullability follows Flink: COALESCE is NOT NULL if any argument is; IF is nullable if any argument is.
expectTypeOf(coalesce(lit(1).plus(nullOf(t.int())), lit(0)).__nullable).toEqualTypeOf<false>();
expectTypeOf(coalesce(nullOf(t.int()), nullOf(t.int())).__nullable).toEqualTypeOf<true>();
expectTypeOf(iff(lit(true), lit(1), lit(2)).__nullable).toEqualTypeOf<false>();
expectTypeOf(iff(nullOf(t.boolean()), lit(1), lit(2)).__nullable).toEqualTypeOf<true>();
expectTypeOf(fn.timestampAdd('DAY', 1, lit.timestamp('2024-01-01 00:00:00')).__root).toEqualTypeOf<'TIMESTAMP'>();
// @ts-expect-error — TIMESTAMPADD takes a unit keyword; only fn.timestampAdd(unit, n, ts) is offered
fn.timestampadd(lit('DAY'), lit(1), lit.timestamp('2024-01-01 00:00:00'));
// @ts-expect-error — window sizes are DAY TO SECOND intervals; month windows do not exist in Flink
tumble(orders, { timecol: 'ts', size: interval('1', 'MONTH') });
tumble(orders, { timecol: 'ts', size: interval('1', 'DAY'), offset: interval('-8', 'HOUR') });

// UNNEST columns: one column typed by the element, ordinality INT NOT NULL, unknown names are errors.
const docs = table('docs', { columns: { id: t.bigint(), tags: t.array(t.string()) } });
const unnested = from(docs, 'd').crossJoinUnnest('x', 'tag', ({ d }) => d.tags, { ordinality: 'pos' }).select(({ x }) => ({ tag: x.tag, pos: x.pos }));
expectTypeOf<RowOf<typeof unnested>>().toEqualTypeOf<{ tag: string | null; pos: number }>();
// @ts-expect-error — 'tags' is not an unnested column
from(docs, 'd').crossJoinUnnest('x', 'tag', ({ d }) => d.tags).select(({ x }) => ({ t: x.tags }));

// Misspelt columns are errors in every clause.
// @ts-expect-error — 'userid' is not a column of orders (WHERE)
from(orders, 'o').where(({ o }) => o.userid.eq(1));
// @ts-expect-error — 'userid' is not a column of orders (GROUP BY)
from(orders, 'o').groupBy(({ o }) => [o.userid]);
// @ts-expect-error — 'ammount' is not a column of orders (HAVING)
from(orders, 'o').groupBy(({ o }) => [o.user_id]).having(({ o }) => fn.sum(o.ammount).gt(1));
// @ts-expect-error — ORDER BY sees the result columns only: 'note' was not selected
from(orders, 'o').select(({ o }) => ({ id: o.id })).orderBy((c) => [c.note]);
// @ts-expect-error — a JOIN condition cannot use a table joined later
from(orders, 'o').join(users, 'u', ({ o, s }) => o.id.eq(s.id)).join(sink, 's', ({ o, s }) => o.id.eq(s.id));
