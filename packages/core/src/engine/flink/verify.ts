/**
 * `flinkts verify` / `flinkts check --planner flink`: a script planned by real Flink 1.20.1 with the real
 * connector factories (Kafka, upsert-kafka, JDBC, Paimon, StarRocks, MySQL CDC) — DDL executed, every INSERT
 * validated against its sink and the statement set planned — with `${NAME}` placeholders filled by dummies and
 * external catalogs replaced by in-memory ones. The planner's first error comes back as a diagnostic at the
 * script's line and column.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { BridgeRequestError, FlinkBridgeClient } from './client.js';
import { textFields } from '../../diagnostics/code-table.js';
import { FLINK_TEXTS } from './codes.js';
import { fillPlaceholders } from './placeholders.js';
import type { PlanResponse } from './protocol.js';
import { offsetOf, positionAt, splitStatements } from './split-statements.js';

export interface VerifyResult {
  readonly ok: boolean;
  readonly statements: number;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Causes that mean an external system could not be reached while planning. "Incomplete HDFS URI, no host" is a
 * `hdfs:///…` path (the cluster's default file system), which this machine has no HDFS configuration for: a
 * standalone Paimon table reading a lake table's files on HDFS cannot have its schema read here.
 */
const UNREACHABLE = /Communications link failure|UnknownHostException|Connection refused|connect timed out|No route to host|Incomplete HDFS URI, no host/;

function firstLine(message: string): string {
  return (message.split('\n').find((l) => l.trim() !== '') ?? message).trim();
}

function plannerDiagnostic(script: string, file: string | undefined, statements: readonly { text: string; offset: number }[], res: PlanResponse): Diagnostic {
  const e = res.error as NonNullable<PlanResponse['error']>;
  const st = statements[e.index] as { text: string; offset: number };
  const from = st.offset + e.leadingCut;
  const start = e.line !== undefined && e.column !== undefined ? offsetOf(script, from, e.line, e.column) : from;
  const end = e.endLine !== undefined && e.endColumn !== undefined ? offsetOf(script, from, e.endLine, e.endColumn) + 1 : st.offset + st.text.trimEnd().length;
  const message = firstLine(e.message).replace(/^SQL (validation|parse) failed\.\s*/, '').replace(/^From line \d+, column \d+ to line \d+, column \d+:\s*/, '').replace(/^Encountered/, 'encountered');
  const root = firstLine(e.rootMessage);
  const detail = root && !message.includes(root) ? ` — ${root}` : '';
  if (UNREACHABLE.test([e.message, e.rootMessage, ...e.causes].join('\n'))) {
    return {
      ...textFields(FLINK_TEXTS.unreachable({ message, detail })),
      severity: 'warning',
      ...(file === undefined ? {} : { file }),
      span: { start: positionAt(script, start), end: positionAt(script, Math.max(start, end)) },
    };
  }
  return {
    ...textFields(FLINK_TEXTS.plannerRejected({ kind: e.planning ? 'job' : 'statement', message, detail })),
    severity: 'error',
    ...(file === undefined ? {} : { file }),
    span: { start: positionAt(script, start), end: positionAt(script, Math.max(start, end)) },
  };
}

/** Plans one script on the bridge (started on demand). */
export async function verifyScript(script: string, opts: { readonly file?: string; readonly client?: FlinkBridgeClient } = {}): Promise<VerifyResult> {
  const filled = fillPlaceholders(script).text;
  const statements = splitStatements(filled);
  const client = opts.client ?? FlinkBridgeClient.connect();
  let res: PlanResponse;
  try {
    res = await client.plan({ statements: statements.map((s) => s.text) });
  } catch (e) {
    if (!(e instanceof BridgeRequestError)) throw e;
    return { ok: false, statements: statements.length, diagnostics: [{ ...textFields(FLINK_TEXTS.plannerRejected({ kind: 'bridge', message: firstLine(e.report.message) })), severity: 'error', ...(opts.file === undefined ? {} : { file: opts.file }) }] };
  }
  if (res.ok) return { ok: true, statements: statements.length, diagnostics: [] };
  return { ok: false, statements: statements.length, diagnostics: [plannerDiagnostic(script, opts.file, statements, res)] };
}
