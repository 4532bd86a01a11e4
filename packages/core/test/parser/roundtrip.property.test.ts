/** Property: for every AST the builders can produce, parse(print(ast)) equals ast. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseDataType, parseExpression, parseStatement, printDataType, printExpression, printStatement } from '../../src/index.js';
import { stripSpans } from '../../src/internal/index.js';
import { dataType, expression, statement } from './arbitraries.js';

const RUNS = { numRuns: 300, seed: 20261122 };

test('data types round-trip', () => {
  fc.assert(fc.property(dataType, (t) => {
    expect(stripSpans(parseDataType(printDataType(t)).type)).toEqual(t);
  }), RUNS);
});

test('expressions round-trip', () => {
  fc.assert(fc.property(expression, (e) => {
    const printed = printExpression(e);
    const { expression: parsed, diagnostics } = parseExpression(printed);
    expect({ printed, diagnostics }).toEqual({ printed, diagnostics: [] });
    expect(stripSpans(parsed)).toEqual(e);
  }), RUNS);
});

test('statements round-trip', () => {
  fc.assert(fc.property(statement, (s) => {
    const printed = printStatement(s);
    const { statement: parsed, diagnostics } = parseStatement(printed);
    expect({ printed, diagnostics }).toEqual({ printed, diagnostics: [] });
    expect(stripSpans(parsed)).toEqual(s);
  }), { ...RUNS, numRuns: 200 });
});
