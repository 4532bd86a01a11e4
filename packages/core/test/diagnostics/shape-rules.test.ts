/**
 * One rule, two readings (diagnostics/shape-rules.ts): the plain predicate never accepts what the zod schema
 * refuses, accepts the common specs itself, and what it refuses is explained by zod with the element's path — as
 * `table()` reports a bad spec.
 */
import { describe, expect, test } from 'vitest';
import { arrayRule, booleanRule, customRule, enumRule, nameRule, optionalRule, recordRule, strictObjectRule, stringRule } from '../../src/diagnostics/shape-rules.js';
import type { ShapeRule } from '../../src/diagnostics/shape-rules.js';
import { BAD_ARGUMENT } from '../../src/diagnostics/arguments.js';
import type { FlinktsError } from '../../src/diagnostics/diagnostic.js';
import { t, table } from '../../src/index.js';

const isFunction = (v: unknown): boolean => typeof v === 'function';
const RULES: readonly (readonly [string, ShapeRule])[] = [
  ['name', nameRule],
  ['string', stringRule],
  ['boolean', booleanRule],
  ['enum', enumRule(['a', 'b'])],
  ['custom', customRule(isFunction, 'a function')],
  ['optional name', optionalRule(nameRule)],
  ['array of names', arrayRule(nameRule)],
  ['record of booleans', recordRule(nameRule, booleanRule)],
  ['strict object', strictObjectRule({ column: nameRule, expr: optionalRule(customRule(isFunction, 'a function')), keys: optionalRule(arrayRule(nameRule)) })],
];

// eslint-disable-next-line no-sparse-arrays
const sparse = ['a', , 'b'];
class Box {
  column = 'a';
}
const VALUES: readonly unknown[] = [
  undefined, null, 0, 1, true, false, '', ' ', 'a', 'b', 'c', () => 1, [], ['a'], ['a', ''], ['a', 1], sparse,
  {}, { a: true }, { a: 'x' }, { '': true }, { ' ': true }, { [Symbol('s')]: true }, Object.create(null), new Box(),
  { column: 'a' }, { column: '' }, { column: 'a', expr: () => 1 }, { column: 'a', expr: 1 }, { column: 'a', other: 1 },
  { column: 'a', expr: undefined }, { column: 'a', keys: ['x', 'y'] }, { column: 'a', keys: ['x', ' '] }, { expr: () => 1 },
];

describe('argument rules', () => {
  test.each(RULES)('%s: the predicate accepts only what the schema accepts', (_, rule) => {
    for (const v of VALUES) if (rule.accepts(v)) expect(rule.schema.safeParse(v).success, String(v)).toBe(true);
  });

  test('the predicate accepts the common cases itself', () => {
    expect(nameRule.accepts('a')).toBe(true);
    expect(arrayRule(nameRule).accepts(['a', 'b'])).toBe(true);
    expect(recordRule(nameRule, booleanRule).accepts({ a: true })).toBe(true);
    expect(strictObjectRule({ column: nameRule, expr: optionalRule(customRule(isFunction, 'a function')) }).accepts({ column: 'a', expr: () => 1 })).toBe(true);
    expect(arrayRule(nameRule).accepts(sparse)).toBe(false);
    expect(strictObjectRule({ column: nameRule }).accepts({ column: 'a', other: 1 })).toBe(false);
  });
});

describe('table() spec errors name the element', () => {
  const loose = table as unknown as (n: string, s: object) => unknown;
  const diagnostics = (spec: object): readonly { code: string; path?: string; message: string }[] => {
    try {
      loose('x', spec);
    } catch (e) {
      return (e as FlinktsError).diagnostics;
    }
    return expect.unreachable() as never;
  };

  test('a blank primary-key element', () => {
    const [d] = diagnostics({ columns: { id: t.bigint() }, primaryKey: ['id', ' '] });
    expect(d).toMatchObject({ code: BAD_ARGUMENT, path: "table('x').spec.primaryKey[1]" });
  });

  test('a column that is not a type', () => {
    const [d] = diagnostics({ columns: { id: t.bigint(), bad: 'INT' } });
    expect(d?.path).toBe("table('x').spec.columns.bad");
    expect(d?.message).toContain('a column type such as t.int()');
  });

  test('a watermark without its column, and an unknown key', () => {
    expect(diagnostics({ columns: { ts: t.timestamp(3) }, watermark: { delay: 5 } }).map((d) => d.path)).toEqual(["table('x').spec.watermark.column", "table('x').spec.watermark.delay"]);
    expect(diagnostics({ columns: { id: t.bigint() }, primarykey: ['id'] })[0]?.message).toContain('primarykey');
  });
});
