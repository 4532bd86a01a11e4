/** Running one case of `functions.jsonl`: `SELECT <sql> FROM <one-row input>` compared with Flink's answer. */
import type { Expression } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';
import type { Session } from '../../runtime/compiled.js';
import type { ColumnBinding } from '../../runtime/compile-expression.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { EvaluationError } from '../../runtime/errors.js';
import { ExpressionCompiler } from '../../runtime/compile-expression.js';
import { createSession } from '../../runtime/session.js';
import { renderResult } from '../../runtime/values/render.js';
import { fixtureValue } from './fixture-values.js';
import { sqlExpression } from './sql-front-end.js';
import { parseTypeText } from './type-text.js';
import { RUNTIME_CODES } from '../../runtime/codes.js';

export interface FunctionCase {
  readonly id: string;
  readonly family: string;
  readonly sql: string;
  readonly input?: Readonly<Record<string, { readonly type: string; readonly value: unknown }>>;
  readonly config?: Readonly<Record<string, string>>;
  readonly expected: string;
  readonly expectedType?: string | null;
  readonly isError: boolean;
  readonly source?: string;
}

export interface CaseOutcome {
  readonly id: string;
  readonly family: string;
  readonly passed: boolean;
  /** What flinkts produced (value text, or `error: …`). */
  readonly actual: string;
  readonly expected: string;
  /** Why it failed, in a few words, when it did. */
  readonly reason?: string;
}

type Attempt = { ok: true; text: string; type: DataType } | { ok: false; stage: 'parse' | 'validation' | 'unsupported' | 'runtime'; message: string };

function attempt(c: FunctionCase): Attempt {
  let session: Session;
  let expr: Expression;
  let columns: ColumnBinding[];
  let row: unknown[];
  try {
    // README: cases from CastFunctionITCase run with session time zone Asia/Shanghai.
    const config = c.config ?? (c.source?.includes('CastFunctionITCase') ? { 'table.local-time-zone': 'Asia/Shanghai' } : {});
    session = createSession({ config, now: () => Date.UTC(2024, 0, 1, 12, 0, 0) });
    expr = sqlExpression(c.sql);
    const entries = Object.entries(c.input ?? {});
    columns = entries.map(([name, v], index) => ({ name, type: parseTypeText(v.type), index }));
    const zone = session.zone;
    const cols = columns;
    row = entries.map(([, v], i) => fixtureValue(v.value, (cols[i] as ColumnBinding).type, zone));
  } catch (e) {
    const d = e instanceof FlinktsError ? e.diagnostics[0] : undefined;
    if (d?.code === RUNTIME_CODES.notSupported) return { ok: false, stage: 'unsupported', message: d.message };
    return { ok: false, stage: 'parse', message: e instanceof Error ? e.message : String(e) };
  }
  let compiled;
  try {
    compiled = new ExpressionCompiler({ columns }, session).compile(expr);
  } catch (e) {
    const d = e instanceof FlinktsError ? e.diagnostics[0] : undefined;
    if (d?.code === RUNTIME_CODES.notSupported) return { ok: false, stage: 'unsupported', message: d.message };
    return { ok: false, stage: 'validation', message: e instanceof Error ? e.message : String(e) };
  }
  try {
    const v = compiled.eval(row);
    return { ok: true, text: renderResult(v, compiled.type, session.zone), type: compiled.type };
  } catch (e) {
    if (e instanceof EvaluationError) return { ok: false, stage: 'runtime', message: e.message };
    const d = e instanceof FlinktsError ? e.diagnostics[0] : undefined;
    if (d?.code === RUNTIME_CODES.notSupported) return { ok: false, stage: 'unsupported', message: d.message };
    return { ok: false, stage: 'runtime', message: `internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function runFunctionCase(c: FunctionCase): CaseOutcome {
  const a = attempt(c);
  const base = { id: c.id, family: c.family, expected: c.expected };
  if (a.ok) {
    if (c.isError) return { ...base, passed: false, actual: a.text, reason: 'expected an error, got a value' };
    const passed = a.text === c.expected;
    return { ...base, passed, actual: a.text, ...(passed ? {} : { reason: 'different value' }) };
  }
  const actual = `${a.stage} error: ${a.message.split('\n')[0] ?? ''}`;
  if (!c.isError) return { ...base, passed: false, actual, reason: a.stage === 'unsupported' ? 'not supported' : `unexpected ${a.stage} error` };
  if (a.stage === 'unsupported') return { ...base, passed: false, actual, reason: 'not supported' };
  const wantsValidation = /validation|ValidationException/i.test(c.expected);
  const gotValidation = a.stage === 'validation' || a.stage === 'parse';
  const passed = wantsValidation === gotValidation;
  return { ...base, passed, actual, ...(passed ? {} : { reason: `expected a ${wantsValidation ? 'validation' : 'runtime'} error, got a ${a.stage} error` }) };
}
