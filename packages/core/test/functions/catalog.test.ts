/**
 * The function catalog against the Flink 1.20 function reference (a copy of its names, kinds and result-type
 * descriptions is in flink-1.20-functions.json): every callable built-in is there, with the documented
 * fixed result type and nullability.
 */
import { describe, expect, test } from 'vitest';
import reference from './flink-1.20-functions.json' with { type: 'json' };
import { FUNCTIONS, fn, t } from '../../src/index.js';
import { builtinFunction, inferFunctionType } from '../../src/internal/index.js';

interface ReferenceFunction { readonly name: string; readonly kind: string; readonly returns: string }
const functions = reference as readonly ReferenceFunction[];

/** Built-ins with SQL syntax of their own: an AST node each and a dedicated `fn.*` builder. */
const SPECIAL_FORMS: Record<string, string> = {
  POSITION: 'position', TRIM: 'trim', OVERLAY: 'overlay', SUBSTRING: 'substring', EXTRACT: 'extract',
  JSON_EXISTS: 'jsonExists', JSON_VALUE: 'jsonValue', JSON_QUERY: 'jsonQuery', JSON_OBJECT: 'jsonObject', JSON_ARRAY: 'jsonArray',
};

const callable = functions.filter((f) => ['scalar', 'aggregate', 'window'].includes(f.kind));

describe('function catalog', () => {
  test('every callable Flink 1.20 built-in is in the catalog or is a special form with its own builder', () => {
    const missing = callable.filter((f) => builtinFunction(f.name) === undefined && !(f.name in SPECIAL_FORMS)).map((f) => f.name);
    expect(missing).toEqual([]);
    for (const builder of Object.values(SPECIAL_FORMS)) expect(typeof (fn as unknown as Record<string, unknown>)[builder]).toBe('function');
  });

  test('the catalog has no names the reference does not know', () => {
    const known = new Set(functions.map((f) => f.name.toUpperCase()));
    expect(Object.keys(FUNCTIONS).filter((n) => !known.has(n))).toEqual([]);
  });

  test('fixed result types and nullability match the reference', () => {
    const problems: string[] = [];
    // Described by reference to another entry ('as %', 'as CEIL'), or with a type the text spells differently:
    // ENCODE is Calcite's default BINARY (length 1); SOURCE_WATERMARK's type is the rowtime column's, which a
    // zero-argument call cannot see, so the catalog records TIMESTAMP(3) and the analyzer refines it.
    const described = new Set(['ENCODE', 'SOURCE_WATERMARK']);
    for (const f of callable) {
      const sig = builtinFunction(f.name);
      if (sig === undefined || f.returns.startsWith('as ') || described.has(f.name)) continue;
      const text = f.returns;
      if (/^[A-Z_]+(\(\d+\))?$/.test(sig.returns) && sig.returns !== 'STRING' && sig.returns !== 'BYTES') {
        if (!text.startsWith(sig.returns)) problems.push(`${f.name}: catalog ${sig.returns}, reference '${text}'`);
      }
      if (sig.returns === 'STRING' && !/^STRING|^VARCHAR/.test(text)) problems.push(`${f.name}: catalog STRING, reference '${text}'`);
      if (sig.nullable === 'never' && !/NOT NULL|\*PROCTIME\*|\*ROWTIME\*/.test(text)) problems.push(`${f.name}: catalog NOT NULL, reference '${text}'`);
      if (sig.nullable === 'args' && !/nullable if any argument is nullable|nullable if the array|NULL if any/.test(text) && !/NOT NULL without args/.test(text) && !/same as argument/.test(text)) {
        problems.push(`${f.name}: catalog nullable-if-any-argument, reference '${text}'`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('nullability rules: COALESCE is NOT NULL if any argument is, IFNULL follows its replacement', () => {
    const nullableInt = t.int().node;
    const int = t.int().notNull().node;
    expect(inferFunctionType('COALESCE', [int, nullableInt])).toEqual({ ok: true, type: { kind: 'INT', nullable: false } });
    expect(inferFunctionType('COALESCE', [nullableInt, nullableInt])).toEqual({ ok: true, type: { kind: 'INT', nullable: true } });
    expect(inferFunctionType('IFNULL', [nullableInt, int])).toEqual({ ok: true, type: { kind: 'INT', nullable: false } });
    expect(inferFunctionType('TIMESTAMPADD', [int, int, t.timestamp(3).notNull().node])).toEqual({ ok: true, type: { kind: 'TIMESTAMP', precision: 3, nullable: false } });
    expect(inferFunctionType('TO_TIMESTAMP_LTZ', [t.bigint().notNull().node, int])).toEqual({ ok: true, type: { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: true } });
    expect(inferFunctionType('SUM', [t.decimal(10, 2).node])).toEqual({ ok: true, type: { kind: 'DECIMAL', precision: 38, scale: 2, nullable: true } });
    expect(inferFunctionType('NO_SUCH_FN', [])).toEqual({ ok: false, reason: 'unknown-function' });
    expect(inferFunctionType('UPPER', [])).toEqual({ ok: false, reason: 'arity', expected: '1 argument' });
  });
});
