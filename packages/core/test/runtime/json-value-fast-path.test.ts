/**
 * JSON_VALUE on key paths reads the scalar straight from the scanner; these cases pin the behaviours around it
 * as Flink 1.20.1 answers them (a path without a mode is strict: a missing key goes to ON ERROR; in lax mode a
 * missing key or a JSON null goes to ON EMPTY), RETURNING conversions, escapes, non-scalars, and a key on an
 * array handed to the general reader).
 */
import { describe, expect, it } from 'vitest';
import type { Expression, JsonBehavior } from '../../src/ast/expression.js';
import type { DataType } from '../../src/types/data-type.js';
import { evaluateExpression } from '../../src/runtime/evaluate.js';
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
  it('reads strings, numbers (integers as written, others as a Java double, as Flink 1.20.1), booleans and null', () => {
    expect(jsonValue('{"a": {"b": "x"}}', '$.a.b')).toBe('x');
    expect(jsonValue('{"a": 123456789.987654321}', '$.a')).toBe('1.2345678998765433E8');
    expect(jsonValue('{"a": 1.50}', '$.a')).toBe('1.5');
    expect(jsonValue('{"a": 12345678901234567890}', '$.a')).toBe('12345678901234567890');
    expect(jsonValue('{"a": true}', '$.a')).toBe('true');
    expect(jsonValue('{"a": null}', '$.a')).toBeNull();
    expect(jsonValue('{"s": "q\\"uote \\u00e9"}', '$.s')).toBe('q"uote é');
    expect(jsonValue('{"k\\u0041": 1}', '$.kA')).toBe('1');
    expect(jsonValue(null, '$.a')).toBeNull();
  });

  it('missing keys: NULL, or ON EMPTY in lax mode and ON ERROR in strict mode (the default)', () => {
    expect(jsonValue('{"a": 1}', '$.b')).toBeNull();
    expect(jsonValue('{"a": 1}', 'lax $.b', { onEmpty: { kind: 'Default', value: str('d') } })).toBe('d');
    expect(jsonValue('{"a": null}', 'lax $.a', { onEmpty: { kind: 'Default', value: str('d') } })).toBe('d');
    expect(() => jsonValue('{"a": 1}', 'lax $.b', { onEmpty: { kind: 'Error' }, onError: { kind: 'Default', value: str('e') } })).toThrow(/Empty result of JSON_VALUE/);
    expect(jsonValue('{"a": 1}', '$.b', { onEmpty: { kind: 'Default', value: str('d') } })).toBeNull();
    expect(jsonValue('{"a": 1}', '$.b', { onError: { kind: 'Default', value: str('e') } })).toBe('e');
    expect(() => jsonValue('{"a": 1}', '$.b', { onError: { kind: 'Error' } })).toThrow("No results for path: $['b']");
    expect(jsonValue('{"a": null}', '$.a', { onError: { kind: 'Default', value: str('e') } })).toBe('e');
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

  it('a key on an array is nothing in lax mode (no unwrapping, as Jayway reads it) and an error in strict mode', () => {
    const doc = '{"a": [{"b": 1}, {"b": 2}]}';
    expect(jsonValue(doc, 'lax $.a.b', { onEmpty: { kind: 'Default', value: str('empty') } })).toBe('empty');
    expect(jsonValue(doc, '$.a.b', { onError: { kind: 'Default', value: str('error') } })).toBe('error');
  });
});
