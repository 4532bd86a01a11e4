import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/expression.js';
import { createSession } from '../../src/runtime/session.js';
import { evaluateExpression } from '../../src/runtime/evaluate.js';
import { Decimal } from '../../src/runtime/values/decimal.js';
import { typeToString } from '../../src/runtime/types.js';

const num = (text: string): Expression => ({ kind: 'NumericLiteral', text });
const str = (value: string): Expression => ({ kind: 'StringLiteral', value });
const call = (name: string, ...args: Expression[]): Expression => ({ kind: 'FunctionCall', name: [name], args });
const bin = (op: '+' | '-' | '*' | '/' | '=' | '<', left: Expression, right: Expression): Expression => ({ kind: 'Binary', op, left, right });
const session = createSession();
const ev = (e: Expression, cols: { name: string; type: import('../../src/types/data-type.js').DataType; value: unknown }[] = []) =>
  evaluateExpression(e, { columns: cols, row: cols.map((c) => c.value) }, session).text;

describe('expression evaluation with Flink semantics', () => {
  it('integer division truncates and INT arithmetic wraps around', () => {
    expect(ev(bin('/', num('7'), num('2')))).toBe('3');
    expect(ev(bin('+', num('2147483647'), num('1')))).toBe('-2147483648');
  });
  it('DECIMAL division uses Flink result scale', () => {
    expect(ev(bin('/', num('2.0'), num('3.0')))).toBe('0.666667');
    expect(ev(bin('/', { kind: 'Unary', op: '-', operand: num('7.9') }, num('2')))).toBe('-3.950000000000');
  });
  it('ROUND / TRUNCATE by a digit count that is not a literal keep the operand type and round the value', () => {
    const d = (value: string) => ({ name: 'd', type: { kind: 'DECIMAL', precision: 10, scale: 4, nullable: true } as const, value: Decimal.fromString(value) });
    const n = (value: number | null) => ({ name: 'n', type: { kind: 'INT', nullable: true } as const, value });
    const col = (name: string): Expression => ({ kind: 'ColumnRef', name });
    const run = (f: string, dv: string, nv: number | null) => {
      const cols = [d(dv), n(nv)];
      return evaluateExpression(call(f, col('d'), col('n')), { columns: cols, row: cols.map((c) => c.value) }, session);
    };
    expect(run('TRUNCATE', '-12.3456', 2).text).toBe('-12.34');
    expect(run('ROUND', '12.3456', 2).text).toBe('12.35');
    expect(run('ROUND', '16.3456', -1).text).toBe('20');
    expect(run('TRUNCATE', '16.3456', -1).text).toBe('10');
    expect(run('TRUNCATE', '12.3456', 6).text).toBe('12.3456');
    expect(run('ROUND', '12.3456', null).text).toBe('NULL');
    expect(run('ROUND', '12.3456', 2).type).toEqual({ kind: 'DECIMAL', precision: 10, scale: 4, nullable: true });
  });
  it("INTERVAL literals have Flink's planner types (INTERVAL SECOND(3) / INTERVAL MONTH) and keep their values", () => {
    const lit = (value: string, start: 'DAY' | 'YEAR', end?: 'MONTH'): Expression => ({ kind: 'IntervalLiteral', value, negative: false, qualifier: { start, ...(end ? { end } : {}) } });
    const day = evaluateExpression(lit('12', 'DAY'), { columns: [], row: [] }, session);
    expect([day.text, typeToString(day.type)]).toEqual(['+12 00:00:00.000', 'INTERVAL SECOND(3) NOT NULL']);
    const ym = evaluateExpression(lit('2-10', 'YEAR', 'MONTH'), { columns: [], row: [] }, session);
    expect([ym.text, typeToString(ym.type)]).toEqual(['+2-10', 'INTERVAL MONTH NOT NULL']);
  });
  it("CAST of a FLOAT to DECIMAL takes the widened double's digits, as Flink's BigDecimal.valueOf((double) f)", () => {
    const toDec = (f: number) => {
      const cols = [{ name: 'f', type: { kind: 'FLOAT', nullable: true } as const, value: Math.fround(f) }];
      const e: Expression = { kind: 'Cast', operand: { kind: 'ColumnRef', name: 'f' }, type: { kind: 'DECIMAL', precision: 20, scale: 12, nullable: true }, try: false };
      return evaluateExpression(e, { columns: cols, row: cols.map((c) => c.value) }, session).text;
    };
    // expected values printed by OpenJDK 17: BigDecimal.valueOf((double) f).setScale(12, HALF_UP)
    expect(toDec(0.1)).toBe('0.100000001490');
    expect(toDec(1.1)).toBe('1.100000023842');
    expect(toDec(123.456)).toBe('123.456001281738');
  });
  it('ROUND / TRUNCATE of a FLOAT work on the widened double, as Flink (BigDecimal.valueOf((double) f))', () => {
    const run = (f: string, x: number, n: number) => {
      const cols = [{ name: 'x', type: { kind: 'FLOAT', nullable: true } as const, value: Math.fround(x) }];
      return evaluateExpression(call(f, { kind: 'ColumnRef', name: 'x' }, num(String(n))), { columns: cols, row: cols.map((c) => c.value) }, session).text;
    };
    // expected values printed by OpenJDK 17
    expect(run('ROUND', 1.005, 2)).toBe('1.0');
    expect(run('ROUND', 2.675, 2)).toBe('2.67');
    expect(run('ROUND', 0.125, 2)).toBe('0.13');
    expect(run('TRUNCATE', 0.125, 2)).toBe('0.12');
  });
  it('division by zero is a runtime error', () => {
    expect(() => ev(bin('/', num('1'), num('0')))).toThrow(/Division by zero/);
  });
  it('CAST narrowing wraps, float to int saturates, bad text fails and TRY_CAST gives NULL', () => {
    const cast = (operand: Expression, type: import('../../src/types/data-type.js').DataType, tryCast = false): Expression => ({ kind: 'Cast', operand, type, try: tryCast });
    expect(ev(cast(num('12345'), { kind: 'TINYINT', nullable: true }))).toBe('57');
    expect(ev(cast(num('9234567891.12E0'), { kind: 'INT', nullable: true }))).toBe('2147483647');
    expect(() => ev(cast(str('foo'), { kind: 'INT', nullable: true }))).toThrow(/NumberFormatException/);
    expect(ev(cast(str('foo'), { kind: 'INT', nullable: true }, true))).toBe('NULL');
    expect(ev(cast(num('12345.678912'), { kind: 'DECIMAL', precision: 8, scale: 4, nullable: true }))).toBe('NULL');
  });
  it('renders doubles like Java and decimals with full scale', () => {
    expect(ev(call('POWER', num('44'), num('4.5E0')))).toBe('2.4862056220463827E7');
    expect(evaluateExpression({ kind: 'ColumnRef', name: 'd' }, { columns: [{ name: 'd', type: { kind: 'DECIMAL', precision: 4, scale: 3, nullable: true } }], row: [Decimal.fromString('9.870')] }, session).text).toBe('9.870');
  });
  it('string functions', () => {
    expect(ev(call('HASH_CODE', str('abc')))).toBe('96354');
    expect(ev(call('LPAD', str('hi'), num('5'), str('??')))).toBe('???hi');
    expect(ev({ kind: 'Overlay', operand: str('123456789'), placing: str('abc'), start: num('2'), length: num('100') })).toBe('1abc');
  });
  it('JSON_VALUE gives an integer as written and another number as a Java double (as Flink 1.20.1 does)', () => {
    expect(ev({ kind: 'JsonValue', operand: str('{"a": 123456789.987654321}'), path: str('$.a') })).toBe('1.2345678998765433E8');
    expect(ev({ kind: 'JsonValue', operand: str('{"a": 12345678901234567890}'), path: str('$.a') })).toBe('12345678901234567890');
  });
  it('a function Flink 1.20 does not have is rejected with the code check gives it (FTS4404); a built-in without a local implementation is FTS7001', () => {
    expect(() => ev(call('NO_SUCH_FN', num('1')))).toThrow(/FTS4404.*No match found for function signature NO_SUCH_FN/);
    expect(() => ev(call('SOURCE_WATERMARK'))).toThrow(/FTS7001.*not supported by the local runtime: function SOURCE_WATERMARK/);
  });
});
