/**
 * The TypeScript value of every Flink type (documented in types/sql-type.ts): exact where `number` would round
 * (BIGINT → bigint, DECIMAL → decimal text, TIMESTAMP(9) → text), `| null` unless NOT NULL.
 */
import { expectTypeOf } from 'vitest';
import { cast, fn, lit, nullOf, t, tryCast } from '../../src/index.js';
import type { Expr, ValueOf } from '../../src/index.js';

expectTypeOf<ValueOf<ReturnType<typeof t.tinyint>>>().toEqualTypeOf<number | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.int>>>().toEqualTypeOf<number | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.bigint>>>().toEqualTypeOf<bigint | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.double>>>().toEqualTypeOf<number | null>();
const dec = t.decimal(38, 18).notNull();
expectTypeOf<ValueOf<typeof dec>>().toEqualTypeOf<string>();
const s = t.varchar(10).notNull();
expectTypeOf<ValueOf<typeof s>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<ReturnType<typeof t.boolean>>>().toEqualTypeOf<boolean | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.bytes>>>().toEqualTypeOf<Uint8Array | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.date>>>().toEqualTypeOf<string | null>();
const ts9 = t.timestamp(9).notNull();
expectTypeOf<ValueOf<typeof ts9>>().toEqualTypeOf<string>();
expectTypeOf<ValueOf<ReturnType<typeof t.timestampLtz>>>().toEqualTypeOf<string | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.intervalYearMonth>>>().toEqualTypeOf<number | null>();
expectTypeOf<ValueOf<ReturnType<typeof t.intervalDayTime>>>().toEqualTypeOf<bigint | null>();

const arr = t.array(t.bigint().notNull()).notNull();
expectTypeOf<ValueOf<typeof arr>>().toEqualTypeOf<readonly bigint[]>();
const map = t.map(t.string().notNull(), t.int());
expectTypeOf<ValueOf<typeof map>>().toEqualTypeOf<ReadonlyMap<string, number | null> | null>();
const bag = t.multiset(t.string().notNull()).notNull();
expectTypeOf<ValueOf<typeof bag>>().toEqualTypeOf<ReadonlyMap<string, number>>();
const row = t.row({ a: t.int().notNull(), b: t.array(t.string()) }).notNull();
expectTypeOf<ValueOf<typeof row>>().toEqualTypeOf<{ readonly a: number; readonly b: readonly (string | null)[] | null }>();

// JSON_VALUE … RETURNING takes the declared type, forced nullable.
expectTypeOf(fn.jsonValue(lit('{}'), '$.a', { returning: t.int().notNull() })).toEqualTypeOf<Expr<'INT', number, true>>();
expectTypeOf(fn.jsonValue(lit('{}'), '$.a')).toEqualTypeOf<Expr<'VARCHAR', string, true>>();
// CAST keeps the operand's nullability; TRY_CAST is always nullable.
expectTypeOf(fn.md5(lit('a'))).toMatchTypeOf<Expr<'CHAR', string, false>>();
// LTRIM / LEFT make a CHAR varying (VARCHAR of its length); LEFT is always nullable; UPPER keeps CHAR.
expectTypeOf(fn.ltrim(lit('a'))).toMatchTypeOf<Expr<'VARCHAR', string, false>>();
expectTypeOf(fn.left(lit('abc'), lit(1))).toMatchTypeOf<Expr<'VARCHAR', string, true>>();
expectTypeOf(fn.upper(lit('a'))).toMatchTypeOf<Expr<'CHAR', string, false>>();
expectTypeOf(cast(lit(1), t.bigint())).toEqualTypeOf<Expr<'BIGINT', bigint, false>>();
expectTypeOf(cast(nullOf(t.string()), t.int())).toEqualTypeOf<Expr<'INT', number, true>>();
expectTypeOf(tryCast(lit('1'), t.int())).toEqualTypeOf<Expr<'INT', number, true>>();

// Number literals: whole numbers are INT, numbers with a fraction DECIMAL (as Flink types `1.5`).
expectTypeOf(lit(42)).toEqualTypeOf<Expr<'INT', number, false>>();
expectTypeOf(lit(1.5)).toEqualTypeOf<Expr<'DECIMAL', string, false>>();
expectTypeOf(lit(7).plus(0.5).__root).toEqualTypeOf<'DECIMAL'>();
expectTypeOf(lit(7).plus(2).__root).toEqualTypeOf<'INT'>();
