/**
 * JSON_VALUE on lax key paths reads the scalar straight from the scanner; these cases pin the behaviours
 * around it (NULL on missing keys, ON EMPTY / ON ERROR, RETURNING conversions, escapes, non-scalars, and
 * lax array unwrapping handed to the general reader).
 */
import { describe, expect, it } from 'vitest';
import type { Expression, JsonBehavior } from '../../src/ast/expression.js';
import type { DataType } from '../../src/types/data-type.js';
import { evaluateExpression } from '../../src/runtime/evaluate.js';
import { pathEvaluator } from '../../src/runtime/functions/json.js';
import { JsonNumber, parsePath } from '../../src/runtime/functions/json-text.js';
import { createSession } from '../../src/runtime/session.js';

const session = createSession();
const str = (value: string): Expression => ({ kind: 'StringLiteral', value });
const STRING: DataType = { kind: 'VARCHAR', length: 2147483647, nullable: true };
const INT: DataType = { kind: 'INT', nullable: true };

function jsonValue(doc: string | null, path: string, opts: { returning?: DataType; onEmpty?: JsonBehavior; onError?: JsonBehavior } = {}): unknown {
  const e: Expression = { kind: 'JsonValue', operand: { kind: 'ColumnRef', name: 'doc' }, path: str(path), ...opts };
  return evaluateExpression(e, { columns: [{ name: 'doc', type: STRING }], row: [doc] }, session).value;
}

describe('JSON_VALUE on lax key paths', () => {
  it('reads strings, numbers (exact text), booleans and null', () => {
    expect(jsonValue('{"a": {"b": "x"}}', '$.a.b')).toBe('x');
    expect(jsonValue('{"a": 123456789.987654321}', '$.a')).toBe('123456789.987654321');
    expect(jsonValue('{"a": true}', '$.a')).toBe('true');
    expect(jsonValue('{"a": null}', '$.a')).toBeNull();
    expect(jsonValue('{"s": "q\\"uote \\u00e9"}', '$.s')).toBe('q"uote é');
    expect(jsonValue('{"k\\u0041": 1}', '$.kA')).toBe('1');
    expect(jsonValue(null, '$.a')).toBeNull();
  });

  it('missing keys: NULL, or the ON EMPTY behaviour', () => {
    expect(jsonValue('{"a": 1}', '$.b')).toBeNull();
    expect(jsonValue('{"a": 1}', '$.b', { onEmpty: { kind: 'Default', value: str('d') } })).toBe('d');
    expect(jsonValue('{"a": 1}', '$.b', { onEmpty: { kind: 'Error' }, onError: { kind: 'Default', value: str('e') } })).toBe('e');
  });

  it('objects, arrays and invalid documents: NULL, or the ON ERROR behaviour', () => {
    expect(jsonValue('{"a": {"b": 1}}', '$.a')).toBeNull();
    expect(jsonValue('{"a": [1]}', '$.a')).toBeNull();
    expect(() => jsonValue('{"a": {"b": 1}}', '$.a', { onError: { kind: 'Error' } })).toThrow(/scalar/);
    expect(jsonValue('{"a": 1', '$.a')).toBeNull();
    expect(jsonValue('{"a": 1', '$.a', { onError: { kind: 'Default', value: str('bad') } })).toBe('bad');
    expect(() => jsonValue('{"a": 1', '$.a', { onError: { kind: 'Error' } })).toThrow();
  });

  it('RETURNING converts the text, conversion failures follow ON ERROR', () => {
    expect(jsonValue('{"a": "12"}', '$.a', { returning: INT })).toBe(12);
    expect(jsonValue('{"a": 12}', '$.a', { returning: INT })).toBe(12);
    expect(jsonValue('{"a": "x"}', '$.a', { returning: INT })).toBeNull();
    expect(() => jsonValue('{"a": "x"}', '$.a', { returning: INT, onError: { kind: 'Error' } })).toThrow();
  });

  it('lax array unwrapping gives what the general reader gives', () => {
    const doc = '{"a": [{"b": 1}, {"b": 2}]}';
    const general = pathEvaluator(parsePath('$.a.b') as NonNullable<ReturnType<typeof parsePath>>)(doc);
    const first = general[0];
    const expected = first === undefined || first === null ? null : first instanceof JsonNumber ? first.text : typeof first === 'object' ? null : String(first);
    expect(jsonValue(doc, '$.a.b')).toBe(expected);
  });
});
