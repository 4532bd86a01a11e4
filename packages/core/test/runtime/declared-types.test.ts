/**
 * The runtime's declared result types: Flink's (the reference cases' expectedType; the share is printed and its
 * floor committed below — raise it, never lower it), and the one typer's, which the runtime takes for every
 * built-in call and special form, so `flinkts check` and a local run declare the same types.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expressionType } from '../../src/typing/expression-type.js';
import type { ScopeColumn } from '../../src/typing/expression-type.js';
import type { Expression } from '../../src/ast/expression.js';
import { ExpressionCompiler } from '../../src/runtime/compile-expression.js';
import type { ColumnBinding } from '../../src/runtime/compile-expression.js';
import { createSession } from '../../src/runtime/session.js';
import { parseDataType, parseExpression } from '../../src/sql/parser/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';
import type { DataType } from '../../src/types/data-type.js';
import { isFlinkAnswer, readAnswers } from '../../src/testing/oracle/recorded-answers.js';

interface Case {
  readonly id: string;
  readonly sql: string;
  readonly input?: Record<string, { readonly type: string }>;
  readonly config?: Record<string, string>;
  readonly expectedType?: string | null;
  readonly isError: boolean;
  readonly source: string;
}

// counted without the cases Flink 1.20.1 answers differently (their expectedType is a newer Flink's): the same 12 misses
const EXPECTED_TYPE_FLOOR = 0.961;

const file = fileURLToPath(new URL('../fixtures/flink-semantics/functions.jsonl', import.meta.url));
/** Cases Flink 1.20.1 answers differently from the fixture: its expectedType is a newer Flink's, not 1.20.1's. */
const answered = new Set([...readAnswers(fileURLToPath(new URL('../fixtures/flink-semantics/', import.meta.url))).values()].filter(isFlinkAnswer).map((a) => a.id));
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
    const withType = cases.filter((c) => typeof c.expectedType === 'string' && !answered.has(c.id));
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

  // the runtime types no expression itself (operators included: `'a' || 'b'` is CHAR(n), DECIMAL division's nullability)
  it("are the typer's for every reference expression", () => {
    let both = 0;
    const disagree: string[] = [];
    for (const c of cases) {
      if (c.isError) continue;
      const t = typed(c);
      const r = runtimeType(c);
      const a = t && expressionType(t.expr, t.scope);
      if (r === undefined || a === undefined) continue;
      both++;
      if (printDataType(r) !== printDataType(a)) disagree.push(c.id);
    }
    console.log(`runtime and typer agree: ${both - disagree.length}/${both}`);
    expect(both).toBeGreaterThan(900);
    expect(disagree.sort()).toEqual([]);
  });
});
