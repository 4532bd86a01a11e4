/**
 * Tier 2: the project's Flink reference fixtures (flink-semantics functions.jsonl and streaming.jsonl, copied
 * from Flink's own tests, some from versions newer than 1.20) run on real Flink 1.20.1 through the bridge.
 * Function cases are batched (one job per few dozen expressions, see ExpressionEvaluator.java); each answer is
 * rendered exactly as the local oracle renders the local runtime's (`renderResult`), so a case is reproduced
 * when Flink's value prints as the fixture expects, or Flink fails the same way (validation vs runtime).
 */
import type { DataType } from '../../types/data-type.js';
import { FlinkBridgeClient } from '../../engine/flink/client.js';
import type { EvaluateGroup, EvaluateResult } from '../../engine/flink/protocol.js';
import { fromWire, toWire } from '../../engine/flink/wire.js';
import type { WireValue } from '../../engine/flink/wire.js';
import { renderResult } from '../../runtime/values/render.js';
import { formatRowFields } from '../../runtime/job.js';
import { renderValue } from '../../runtime/values/render.js';
import { createSession } from '../../runtime/session.js';
import type { CaseOutcome, FunctionCase } from './functions-case.js';
import { fixtureValue } from './fixture-values.js';
import { sqlScript } from './sql-front-end.js';
import type { StreamingCase } from './streaming-case.js';
import { parseTypeText } from './type-text.js';
import { printDataType } from '../../sql/printer/data-type.js';

/** The session config a function case runs with (the same rule as the local oracle). */
export function functionCaseConfig(c: FunctionCase): Readonly<Record<string, string>> {
  return c.config ?? (c.source?.includes('CastFunctionITCase') ? { 'table.local-time-zone': 'Asia/Shanghai' } : {});
}

function judge(c: FunctionCase, r: EvaluateResult, zone: string): CaseOutcome {
  const base = { id: c.id, family: c.family, expected: c.expected };
  if (r.error === undefined) {
    const t = parseTypeText(r.type as string);
    const text = renderResult(fromWire((r.value ?? null) as WireValue, t), t, zone);
    if (c.isError) return { ...base, passed: false, actual: text, reason: 'expected an error, got a value' };
    const passed = text === c.expected;
    return { ...base, passed, actual: text, ...(passed ? {} : { reason: 'different value' }) };
  }
  const actual = `${r.error.stage} error: ${(r.error.rootMessage || r.error.message).split('\n')[0] ?? ''}`;
  if (!c.isError) return { ...base, passed: false, actual, reason: `unexpected ${r.error.stage} error` };
  const wantsValidation = /validation|ValidationException/i.test(c.expected);
  const passed = wantsValidation === (r.error.stage === 'validation');
  return { ...base, passed, actual, ...(passed ? {} : { reason: `expected a ${wantsValidation ? 'validation' : 'runtime'} error, got a ${r.error.stage} error` }) };
}

/** Runs function cases on real Flink, grouped by input row and config. */
export async function runFunctionCasesOnFlink(cases: readonly FunctionCase[], client: FlinkBridgeClient): Promise<CaseOutcome[]> {
  const groups = new Map<string, { group: EvaluateGroup; zone: string; cases: FunctionCase[] }>();
  const outcomes = new Map<string, CaseOutcome>();
  for (const c of cases) {
    const config = functionCaseConfig(c);
    const zone = createSession({ config }).zone;
    const entries = Object.entries(c.input ?? {});
    let row: WireValue[];
    try {
      row = entries.map(([, v]) => {
        const t = parseTypeText(v.type);
        return toWire(fixtureValue(v.value, t, zone), t);
      });
    } catch (e) {
      outcomes.set(c.id, { id: c.id, family: c.family, expected: c.expected, passed: false, actual: `fixture error: ${e instanceof Error ? e.message : String(e)}`, reason: 'fixture not readable' });
      continue;
    }
    const columns = entries.map(([name, v]) => ({ name, type: printDataType(parseTypeText(v.type)) }));
    const key = JSON.stringify([config, columns, row]);
    const g = groups.get(key) ?? { group: { config, columns, row, cases: [] }, zone, cases: [] };
    g.cases.push(c);
    groups.set(key, g);
  }
  const list = [...groups.values()];
  const res = await client.evaluate({ groups: list.map((g) => ({ ...g.group, cases: g.cases.map((c) => ({ id: c.id, sql: c.sql })) })) });
  const byId = new Map(res.results.map((r) => [r.id, r]));
  for (const g of list) {
    for (const c of g.cases) {
      try {
        outcomes.set(c.id, judge(c, byId.get(c.id) as EvaluateResult, g.zone));
      } catch (e) {
        outcomes.set(c.id, { id: c.id, family: c.family, expected: c.expected, passed: false, actual: `unreadable answer: ${e instanceof Error ? e.message : String(e)}`, reason: 'answer not readable' });
      }
    }
  }
  return cases.map((c) => outcomes.get(c.id) as CaseOutcome);
}

const KINDS = new Set(['+I', '-U', '+U', '-D']);
const q = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

/** Docs tables show TIMESTAMP(3) values shortened: `2020-04-15 08:05` for `2020-04-15 08:05:00.000`. */
function docsValue(v: unknown, t: DataType, zone: string): string {
  const s = renderValue(v, t, zone);
  if (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') return s.replace(/\.0+$/, '').replace(/:00$/, '');
  return s;
}

/** Runs one streaming case on real Flink (the inputs as one bounded stream; a restore point changes nothing). */
export async function runStreamingCaseOnFlink(c: StreamingCase, client: FlinkBridgeClient): Promise<CaseOutcome> {
  const m = /^(docs-window-tvf|window-aggregate|group-aggregate|deduplicate|interval-join|join|rank)/.exec(c.id);
  const base = { id: c.id, family: `streaming.${m ? m[1] : c.id}`, expected: c.expected.join(' ; ') };
  try {
    const zone = createSession({ config: c.config ?? {} }).zone;
    const ddl: string[] = [];
    const sources: Record<string, { changelogMode: string; rows: { kind: '+I' | '-U' | '+U' | '-D'; values: WireValue[] }[] }> = {};
    for (const [name, input] of Object.entries(c.inputs)) {
      const mode = /changelog-mode '([^']+)'/.exec(input.changelog ?? '')?.[1] ?? 'I';
      const create = `CREATE TABLE ${q(name)} (${input.schema}) WITH ('connector' = 'values')`;
      ddl.push(create);
      const table = sqlScript(`${create};`).statements[0];
      const cols = table?.kind === 'CreateTable' ? table.columns.filter((col) => col.kind !== 'ComputedColumn').map((col) => ({ name: col.name, type: (col as { type: DataType }).type })) : [];
      sources[name] = {
        changelogMode: mode,
        rows: input.rows.map((r0) => {
          const obj = r0 as unknown as { kind?: unknown; row?: unknown };
          const r: readonly unknown[] = !Array.isArray(r0) && obj && typeof obj.kind === 'string' && Array.isArray(obj.row) ? [obj.kind, ...(obj.row as unknown[])] : r0;
          const kind = typeof r[0] === 'string' && KINDS.has(r[0]) && r.length === cols.length + 1 ? (r[0] as '+I' | '-U' | '+U' | '-D') : '+I';
          const values = (r.length === cols.length + 1 ? r.slice(1) : r).map((v, i) => toWire(fixtureValue(v, (cols[i] as { type: DataType }).type, zone), (cols[i] as { type: DataType }).type));
          return { kind, values };
        }),
      };
    }
    if (c.sink) ddl.push(`CREATE TABLE ${q(c.sink.name)} (${c.sink.schema}) WITH ('connector' = 'values')`);
    const res = await client.run({ statements: [...ddl, c.query.trim().replace(/;\s*$/, '')], config: c.config ?? {}, sources, processingTime: Date.UTC(2024, 0, 1) });
    const sink = res.sinks[c.sink ? c.sink.name : 'result'] ?? Object.values(res.sinks)[0];
    if (sink === undefined) throw new Error('no sink output');
    const columns = sink.columns.map((col) => ({ name: col.name, type: parseTypeText(col.type) }));
    const rows = sink.table.map((r) => columns.map((col, i) => fromWire((r[i] ?? null) as WireValue, col.type)));
    const docs = c.expected.some((e) => e.includes(' | '));
    const materialized = /MATERIALIZED/.test(c.notes ?? '');
    const actual = docs ? rows.map((r) => r.map((v, i) => docsValue(v, (columns[i] as { type: DataType }).type, zone)).join(' | '))
      : materialized ? rows.map((r) => formatRowFields(r, columns)) : [...sink.changelog];
    const cmpA = c.ordered ? actual : [...actual].sort();
    const cmpE = c.ordered ? [...c.expected] : [...c.expected].sort();
    const passed = cmpA.length === cmpE.length && cmpA.every((x, i) => x === cmpE[i]);
    return { ...base, passed, actual: actual.join(' ; '), ...(passed ? {} : { reason: 'different output' }) };
  } catch (e) {
    const report = (e as { report?: { message: string; rootMessage: string } }).report;
    return { ...base, passed: false, actual: `error: ${report ? report.rootMessage || report.message : e instanceof Error ? e.message : String(e)}`, reason: 'error' };
  }
}
