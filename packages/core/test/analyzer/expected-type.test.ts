/**
 * Every case of the Flink semantics reference (functions.jsonl) that asserts an `expectedType`: the analyzer's
 * inferred type, printed canonically, must match. Prints the share matched; the floor is committed below.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { expressionType } from '../../src/typing/expression-type.js';
import type { ScopeColumn } from '../../src/typing/expression-type.js';
import { parseDataType, parseExpression } from '../../src/sql/parser/index.js';
import { printDataType } from '../../src/sql/printer/data-type.js';

interface Case {
  readonly id: string;
  readonly sql: string;
  readonly input?: Record<string, { readonly type: string }>;
  readonly expectedType?: string | null;
  readonly source: string;
}

const FLOOR = 0.95;
const file = fileURLToPath(new URL('../fixtures/flink-semantics/functions.jsonl', import.meta.url));
const cases = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Case).filter((c) => typeof c.expectedType === 'string');

/** The expected type in the printer's canonical spelling (parse it, print it). */
function canonical(text: string): string {
  const parsed = parseDataType(text);
  return parsed.type === undefined ? text : printDataType(parsed.type);
}

/**
 * Flink's Scala expression tests (`*.scala` sources) compare printed values only: their `expectedType` names the
 * type without nullability unless they spell out NOT NULL, so for the others NOT NULL is dropped from the inferred
 * type. The Java ITCases assert the full data type and are compared exactly.
 */
const nullabilityAsserted = (c: Case): boolean => !c.source.split('::')[0]!.includes('.scala') || c.expectedType!.includes('NOT NULL');

function inferred(c: Case): string | undefined {
  const scope: ScopeColumn[] = [];
  for (const [name, input] of Object.entries(c.input ?? {})) {
    const t = parseDataType(input.type).type;
    if (t !== undefined) scope.push({ relation: '', name, type: t });
  }
  const e = parseExpression(c.sql).expression;
  if (e === undefined) return undefined;
  const t = expressionType(e, scope);
  if (t === undefined) return undefined;
  return printDataType(nullabilityAsserted(c) ? t : ({ ...t, nullable: true } as typeof t));
}

test('inferred types match the expectedType of the Flink reference cases', () => {
  const misses: string[] = [];
  for (const c of cases) {
    const want = canonical(c.expectedType!);
    const got = inferred(c);
    if (got !== want) misses.push(`${c.id}: ${c.sql} → ${got ?? '?'} (want ${want})`);
  }
  const matched = cases.length - misses.length;
  console.log(`expectedType: ${matched}/${cases.length} (${((100 * matched) / cases.length).toFixed(1)}%)`);
  if (process.env.SHOW_MISSES) console.log(misses.join('\n'));
  expect(cases.length).toBeGreaterThan(300);
  expect(matched / cases.length).toBeGreaterThanOrEqual(FLOOR);
});
