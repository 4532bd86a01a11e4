/**
 * Replaying one answer of Flink 1.20.1 to the type-rule probe (type-probe.ts) against flinkts: the analyzer's
 * acceptance and result type (the bound plan of `SELECT <call> AS r FROM t`), and the local runtime's value.
 */
import { bindScript } from '../../plan/bind.js';
import { parseScript } from '../../sql/parser/index.js';
import { printDataType } from '../../sql/printer/data-type.js';
import { runFunctionCase } from './functions-case.js';
import { parseTypeText } from './type-text.js';
import type { ProbeAnswer } from './type-probe.js';
import { PROBE_COLUMNS } from './type-probe.js';

const ddl = parseScript(`CREATE TABLE t (${PROBE_COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')}) WITH ('connector' = 'datagen');`).script.statements;
const input = Object.fromEntries(PROBE_COLUMNS.map((c) => [c.name, { type: c.type as string, value: c.value }]));

/**
 * A job Flink plans but whose generated code does not compile (Janino's `Line 57, Column 11: …`): it can never
 * run, so the analyzer must reject the call as it rejects what the planner refuses.
 */
const JANINO = /^Line \d+, Column \d+: /;

/** What the analyzer says of the call: its error codes, or the result type. */
export function analyze(sql: string): { codes: string[]; type?: string } {
  const parsed = parseScript(`SELECT ${sql} AS r FROM t;`);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  if (errors.length > 0) return { codes: errors };
  const last = parsed.script.statements[0];
  if (last === undefined) return { codes: ['(no statement)'] };
  const bound = bindScript([...ddl, last]);
  const codes = bound.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
  const col = bound.statements.find((b) => b.statement === last)?.query?.columns[0];
  return { codes, ...(col?.type !== undefined ? { type: printDataType(col.type) } : {}) };
}

/** Every way flinkts disagrees with Flink's answer, as `id kind: detail` lines. */
export function disagreements(a: ProbeAnswer): string[] {
  const out: string[] = [];
  const flinkRejects = a.error !== undefined && (a.error.stage === 'validation' || JANINO.test(a.error.message));
  const local = analyze(a.sql);
  if (flinkRejects && local.codes.length === 0) out.push(`${a.id} analyzer accepts: ${a.sql} (Flink: ${a.error?.message.slice(0, 160)})`);
  if (!flinkRejects && local.codes.length > 0) out.push(`${a.id} analyzer rejects: ${a.sql} with ${local.codes.join(', ')} (Flink: ${a.type})`);
  if (!flinkRejects && local.codes.length === 0 && a.type !== undefined) {
    const want = printDataType(parseTypeText(a.type));
    if (local.type !== want) out.push(`${a.id} type: ${a.sql} is ${local.type ?? '?'} (Flink: ${want})`);
  }
  if (!flinkRejects && a.nondeterministic === undefined) {
    const isError = a.error !== undefined;
    const o = runFunctionCase({ id: a.id, family: a.fn, sql: a.sql, input, expected: isError ? `runtime error: ${a.error?.message}` : (a.value as string), isError });
    if (!o.passed) out.push(`${a.id} value: ${a.sql} = ${o.actual.slice(0, 160)} (Flink: ${o.expected.slice(0, 160)})`);
  }
  return out;
}
