import { describe, expect, expectTypeOf, test } from 'vitest';
import { BIND_TEXTS } from '../../src/internal/index.js';
import { codeTable, template } from '../../src/internal/index.js';
import type { CodeText } from '../../src/index.js';

describe('code tables', () => {
  test('a code declared with a template gives its message and hint from a typed payload', () => {
    const table = codeTable({
      plain: ['FTS9990', 'A code without a template.'],
      tooBig: ['FTS9991', 'A value over its limit.', template((p: { readonly n: number; readonly max: number }) => `${p.n} is over ${p.max}`, (p) => (p.max > 0 ? `use at most ${p.max}` : undefined))],
    });
    expect(table.codes).toEqual({ plain: 'FTS9990', tooBig: 'FTS9991' });
    expect(table.entries.map((e) => e.code)).toEqual(['FTS9990', 'FTS9991']);
    expect(table.texts.tooBig({ n: 5, max: 3 })).toEqual({ code: 'FTS9991', message: '5 is over 3', hint: 'use at most 3' });
    expect(table.texts.tooBig({ n: 5, max: 0 })).toEqual({ code: 'FTS9991', message: '5 is over 0' });
    expectTypeOf(table.texts.tooBig).parameter(0).toEqualTypeOf<{ readonly n: number; readonly max: number }>();
    expectTypeOf(table.texts).not.toHaveProperty('plain');
  });

  test("the binder's name codes carry their wording, with the did-you-mean hint", () => {
    const text: CodeText = BIND_TEXTS.columnNotFound({ name: 'amout', candidates: ['id', 'amount'] });
    expect(text).toEqual({ code: 'FTS4001', message: "Column 'amout' not found in any table of the FROM clause", hint: "did you mean 'amount'?" });
    expect(BIND_TEXTS.tableNotDeclared({ path: 'db.ordrs', insert: true, declaredAs: [], known: ['orders'] }).hint).toBe("did you mean 'orders'?");
  });
});
