/**
 * The runtime's declared result types: Flink's (the reference cases' expectedType), and the analyzer's, so that
 * `flinkts check` and a local run agree. Both shares are printed; floors are committed below (raise them, never
 * lower them).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expressionType } from '../../src/analyzer/expression-type.js';
import type { ScopeColumn } from '../../src/analyzer/expression-type.js';
import type { Expression } from '../../src/ast/expression.js';
import { ExpressionCompiler } from '../../src/runtime/compile-expression.js';
import type { ColumnBinding } from '../../src/runtime/compile-expression.js';
import { declaredType } from '../../src/runtime/declared-type.js';
import { createSession } from '../../src/runtime/session.js';
import { parseDataType, parseExpression } from '../../src/sql/parser/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';
import type { DataType } from '../../src/types/data-type.js';

interface Case {
  readonly id: string;
  readonly sql: string;
  readonly input?: Record<string, { readonly type: string }>;
  readonly config?: Record<string, string>;
  readonly expectedType?: string | null;
  readonly isError: boolean;
  readonly source: string;
}

const EXPECTED_TYPE_FLOOR = 0.963;
const AGREEMENT_FLOOR = 0.991;

const file = fileURLToPath(new URL('../fixtures/flink-semantics/functions.jsonl', import.meta.url));
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Case);

function typed(c: Case): { expr: Expression; columns: ColumnBinding[]; scope: ScopeColumn[] } | undefined {
  const columns: ColumnBinding[] = [];
  for (const [name, input] of Object.entries(c.input ?? {})) {
    const type = parseDataType(input.type).type;
    if (type !== undefined) columns.push({ name, type, index: columns.length });
  }
  const expr = parseExpression(c.sql).expression;
  return expr === undefined ? undefined : { expr, columns, scope: columns.map((col) => ({ relation: '', name: col.name, type: col.type })) };
}

function runtimeType(c: Case): DataType | undefined {
  const t = typed(c);
  if (t === undefined) return undefined;
  try {
    return new ExpressionCompiler({ columns: t.columns }, createSession({ config: c.config ?? {} })).compile(t.expr).type;
  } catch {
    return undefined;
  }
}

describe('runtime result types', () => {
  it("match Flink's expectedType of the reference cases", () => {
    const withType = cases.filter((c) => typeof c.expectedType === 'string');
    const misses: string[] = [];
    for (const c of withType) {
      const t = runtimeType(c);
      // Scala expression tests compare printed values: their expectedType leaves nullability open unless it says NOT NULL
      const open = c.source.split('::')[0]!.includes('.scala') && !c.expectedType!.includes('NOT NULL');
      const got = t === undefined ? '?' : printDataType(open ? ({ ...t, nullable: true } as DataType) : t);
      const want = printDataType(parseDataType(c.expectedType!).type!);
      if (got !== want) misses.push(`${c.id}: ${got} (want ${want})`);
    }
    const share = (withType.length - misses.length) / withType.length;
    console.log(`runtime expectedType: ${withType.length - misses.length}/${withType.length} (${(100 * share).toFixed(1)}%)`);
    expect(withType.length).toBeGreaterThan(300);
    expect(share).toBeGreaterThanOrEqual(EXPECTED_TYPE_FLOOR);
  });

  it("agree with the analyzer's on the reference expressions", () => {
    let both = 0;
    let agree = 0;
    for (const c of cases) {
      if (c.isError) continue;
      const t = typed(c);
      const r = runtimeType(c);
      const a = t && expressionType(t.expr, t.scope);
      if (r === undefined || a === undefined) continue;
      both++;
      if (printDataType(r) === printDataType(a)) agree++;
    }
    console.log(`runtime and analyzer agree: ${agree}/${both}`);
    expect(both).toBeGreaterThan(900);
    expect(agree / both).toBeGreaterThanOrEqual(AGREEMENT_FLOOR);
  });

  it("take the analyzer's type only where no value changes", () => {
    const v = (length: number, nullable = true): DataType => ({ kind: 'VARCHAR', length, nullable });
    const char = (length: number): DataType => ({ kind: 'CHAR', length, nullable: false });
    const dec = (precision: number, scale: number): DataType => ({ kind: 'DECIMAL', precision, scale, nullable: true });
    expect(declaredType(v(2147483647, false), v(8))).toEqual(v(8)); // a length and nullability
    expect(declaredType(char(40), char(56))).toEqual(char(40)); // padding would change
    expect(declaredType(dec(20, 0), dec(38, 19))).toEqual(dec(20, 0)); // the scale is the value's
    expect(declaredType(v(10), char(10))).toEqual(v(10)); // another root
    expect(declaredType(v(10), undefined)).toEqual(v(10));
  });
});
