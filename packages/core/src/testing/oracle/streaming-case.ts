/** Running one case of `streaming.jsonl`: the query over input rows, compared with Flink's changelog or table. */
import type { DataType } from '../../types/data-type.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import type { RowKind } from '../../runtime/changelog.js';
import { formatChange, formatRowFields, LocalJob } from '../../runtime/job.js';
import type { InputEntry, SinkResult } from '../../runtime/job.js';
import { renderValue } from '../../runtime/values/render.js';
import type { CaseOutcome } from './functions-case.js';
import { fixtureValue } from './fixture-values.js';
import { sqlScript } from './sql-front-end.js';
import { RUNTIME_CODES } from '../../runtime/codes.js';

export interface StreamingCase {
  readonly id: string;
  readonly query: string;
  readonly inputs: Readonly<Record<string, { readonly schema: string; readonly rows: readonly (readonly unknown[])[]; readonly changelog?: string; readonly restoreAfterRow?: number }>>;
  readonly sink?: { readonly name: string; readonly schema: string };
  readonly config?: Readonly<Record<string, string>>;
  readonly expected: readonly string[];
  readonly ordered: boolean;
  readonly notes?: string;
}

const q = (name: string): string => '`' + name.replace(/`/g, '``') + '`';

function family(id: string): string {
  const m = /^(docs-window-tvf|window-aggregate|group-aggregate|deduplicate|interval-join|join|rank)/.exec(id);
  return `streaming.${m ? m[1] : id}`;
}

const KINDS = new Set(['+I', '-U', '+U', '-D']);

/** Docs tables show TIMESTAMP(3) values shortened: `2020-04-15 08:05` for `2020-04-15 08:05:00.000`. */
function docsValue(v: unknown, t: DataType, zone: string): string {
  const s = renderValue(v, t, zone);
  if (t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ') return s.replace(/\.0+$/, '').replace(/:00$/, '');
  return s;
}

export function runStreamingCase(c: StreamingCase): CaseOutcome {
  const base = { id: c.id, family: family(c.id), expected: c.expected.join(' ; ') };
  try {
    const ddl: string[] = [];
    for (const [name, input] of Object.entries(c.inputs)) {
      const mode = /changelog-mode '([^']+)'/.exec(input.changelog ?? '')?.[1];
      ddl.push(`CREATE TABLE ${q(name)} (${input.schema}) WITH ('connector' = 'values'${mode ? `, 'changelog-mode' = '${mode}'` : ''});`);
    }
    if (c.sink) ddl.push(`CREATE TABLE ${q(c.sink.name)} (${c.sink.schema}) WITH ('connector' = 'values');`);
    const script = sqlScript(`${ddl.join('\n')}\n${c.query.trim().replace(/;?\s*$/, ';')}`);
    const job = new LocalJob(script, { config: c.config ?? {}, now: () => Date.UTC(2024, 0, 1) });
    const inputs = new Map<string, InputEntry[][]>();
    for (const [name, input] of Object.entries(c.inputs)) {
      const cols = job.inputColumns(name);
      const entries: InputEntry[] = input.rows.map((r0) => {
        const obj = r0 as unknown as { kind?: unknown; row?: unknown };
        const r: readonly unknown[] = !Array.isArray(r0) && obj && typeof obj.kind === 'string' && Array.isArray(obj.row) ? [obj.kind, ...(obj.row as unknown[])] : r0;
        const kind = typeof r[0] === 'string' && KINDS.has(r[0]) && r.length === cols.length + 1 ? (r[0] as RowKind) : undefined;
        const values = (kind ? r.slice(1) : r).map((v, i) => fixtureValue(v, (cols[i] as { type: DataType }).type, job.session.zone));
        return kind ? { kind, row: values } : values;
      });
      const cut = input.restoreAfterRow ?? entries.length;
      inputs.set(name, [entries.slice(0, cut), entries.slice(cut)]);
    }
    const result = job.run(inputs);
    const sink = (c.sink ? result.sinks.get(c.sink.name) : result.sinks.get('result')) as SinkResult;
    const materialized = /MATERIALIZED/.test(c.notes ?? '');
    const docs = c.expected.some((e) => e.includes(' | '));
    let actual: string[];
    if (docs) actual = sink.table.map((r) => r.map((v, i) => docsValue(v, (sink.columns[i] as { type: DataType }).type, job.session.zone)).join(' | '));
    else if (materialized) actual = sink.table.map((r) => formatRowFields(r, sink.columns));
    else actual = sink.changelog.map((ch) => formatChange(ch, sink.columns));
    const exp = [...c.expected];
    const cmpA = c.ordered ? actual : [...actual].sort();
    const cmpE = c.ordered ? exp : [...exp].sort();
    const passed = cmpA.length === cmpE.length && cmpA.every((x, i) => x === cmpE[i]);
    return { ...base, passed, actual: actual.join(' ; '), ...(passed ? {} : { reason: 'different output' }) };
  } catch (e) {
    const d = e instanceof FlinktsError ? e.diagnostics[0] : undefined;
    const msg = d ? `${d.code}: ${d.message}` : e instanceof Error ? `${e.message} ${e.stack?.split('\n')[1] ?? ''}` : String(e);
    return { ...base, passed: false, actual: `error: ${msg}`, reason: d?.code === RUNTIME_CODES.notSupported ? 'not supported' : 'error' };
  }
}
