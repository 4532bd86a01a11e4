/**
 * `engine: 'flink'`: the same job and fixtures as the local runtime, run on real Flink 1.20.1 through the bridge
 * (packages/core/src/engine/flink). Fixture rows are typed and converted exactly as for the local engine (the
 * local planner names each source's input columns and changelog); Flink's answer comes back as each sink's
 * changelog as Flink prints it and its final table.
 */
import type { Script, Statement } from '../ast/statement.js';
import { FlinktsError } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Change } from '../runtime/changelog.js';
import { badInput } from '../runtime/errors.js';
import type { InputEntry } from '../runtime/job.js';
import type { LocalJob } from '../runtime/job.js';
import { printStatementBody } from '../sql/printer/statement.js';
import type { DataType } from '../types/data-type.js';
import { BridgeRequestError, FlinkBridgeClient } from '../engine/flink/client.js';
import { textFields } from '../diagnostics/code-table.js';
import { FLINK_TEXTS } from '../engine/flink/codes.js';
import type { RunRequest, RunResponse, WireRow, WireSink } from '../engine/flink/protocol.js';
import { fromWire, toWire } from '../engine/flink/wire.js';
import { parseTypeText } from './oracle/type-text.js';

export interface FlinkSinkResult {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: DataType }[];
  readonly changelog: readonly string[];
  readonly changes: readonly Change[];
  readonly tableText: readonly string[];
  readonly table: readonly (readonly unknown[])[];
}

/** The job's statements as SQL text, one per statement (statement sets flattened into their INSERTs). */
export function statementTexts(script: Script): string[] {
  const out: string[] = [];
  const add = (s: Statement): void => {
    if (s.kind === 'StatementSet') s.inserts.forEach(add);
    else out.push(printStatementBody(s));
  };
  script.statements.forEach(add);
  return out;
}

/** The values connector's `changelog-mode` for a source: insert-only, upsert (`I,UA,D`) or a full changelog. */
function changelogMode(local: LocalJob, table: string, entries: readonly InputEntry[]): string {
  if (local.tableMode(table) === 'insert-only') {
    const bad = entries.find((e): e is Change => !Array.isArray(e) && 'kind' in e && e.kind !== '+I');
    if (bad) throw badInput({ kind: 'changeInInsertOnly', table, change: bad.kind });
    return 'I';
  }
  return local.tableUpsert(table) ? 'I,UA,D' : 'I,UB,UA,D';
}

export function flinkRequest(script: Script, local: LocalJob, inputs: ReadonlyMap<string, readonly InputEntry[]>, config: Readonly<Record<string, string>>, now: () => number): RunRequest {
  const sources: Record<string, { changelogMode: string; rows: WireRow[] }> = {};
  for (const [table, entries] of inputs) {
    const cols = local.inputColumns(table);
    const rows: WireRow[] = [];
    for (const [i, e] of entries.entries()) {
      if (!Array.isArray(e) && 'watermark' in e) {
        throw new FlinktsError([{ ...textFields(FLINK_TEXTS.unsupportedFixture({ kind: 'watermark' })), severity: 'error', path: `inputs.${table}[${i}]` }]);
      }
      if (!Array.isArray(e) && 'processingTime' in e) {
        throw new FlinktsError([{ ...textFields(FLINK_TEXTS.unsupportedFixture({ kind: 'processingTime' })), severity: 'error', path: `inputs.${table}[${i}]` }]);
      }
      const change: Change = Array.isArray(e) ? { kind: '+I', row: e as readonly unknown[] } : (e as Change);
      rows.push({ kind: change.kind, values: cols.map((c, j) => toWire(change.row[j], c.type)) });
    }
    sources[table] = { changelogMode: changelogMode(local, table, entries), rows };
  }
  return { statements: statementTexts(script), config: { 'table.local-time-zone': local.session.zone, ...config }, sources, processingTime: now() };
}

function sinkResult(name: string, s: WireSink): FlinkSinkResult {
  const columns = s.columns.map((c) => ({ name: c.name, type: parseTypeText(c.type) }));
  const row = (values: readonly unknown[]): unknown[] => columns.map((c, i) => fromWire((values[i] ?? null) as never, c.type));
  return {
    name,
    columns,
    changelog: s.changelog,
    changes: s.changes.map((c) => ({ kind: c.kind, row: row(c.values) })),
    tableText: s.tableText,
    table: s.table.map(row),
  };
}

/** A Flink failure as a diagnostic: the job failed (FTS7606) or the planner rejected it (FTS7607). */
export function flinkFailure(e: unknown): never {
  if (!(e instanceof BridgeRequestError)) throw e;
  const r = e.report;
  const planner = /ValidationException|SqlParserException|TableException|SqlValidatorException|CalciteContextException/.test(r.exception) && !/JobExecutionException/.test(r.exception);
  const message = r.message.split('\n')[0] ?? '';
  const cause = r.rootMessage && r.rootMessage !== r.message ? r.rootMessage : undefined;
  const d: Diagnostic = { ...textFields(planner ? FLINK_TEXTS.plannerRejected({ kind: 'testJob', message, cause }) : FLINK_TEXTS.jobFailed({ message, cause })), severity: 'error' };
  throw new FlinktsError([d]);
}

function results(res: RunResponse): Map<string, FlinkSinkResult> {
  const out = new Map<string, FlinkSinkResult>();
  for (const [name, s] of Object.entries(res.sinks)) out.set(name, sinkResult(name, s));
  return out;
}

/** Runs the request on the bridge (started on demand), synchronously. */
export function runOnFlinkSync(req: RunRequest): Map<string, FlinkSinkResult> {
  const client = FlinkBridgeClient.connect();
  try {
    return results(client.runSync(req));
  } catch (e) {
    return flinkFailure(e);
  }
}

export async function runOnFlink(req: RunRequest): Promise<Map<string, FlinkSinkResult>> {
  const client = FlinkBridgeClient.connect();
  try {
    return results(await client.run(req));
  } catch (e) {
    return flinkFailure(e);
  }
}
