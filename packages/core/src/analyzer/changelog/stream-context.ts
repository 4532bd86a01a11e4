/**
 * What the analyzer's rules over the plan need while they check a statement: the script's catalog (for the sink
 * checks), the connectors' capabilities, and where diagnostics go.
 */
import type { Span } from '../../ast/node.js';
import type { CreateTable } from '../../ast/statement.js';
import type { ChangelogCapabilities } from '../../connector/connector.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { ScriptCatalog } from '../script-catalog.js';

/** Resolves a table's changelog capabilities; `undefined` when its connector is unknown. */
export type CapabilitiesResolver = (statement: CreateTable, context: { readonly catalogType?: string }) => ChangelogCapabilities | undefined;

export interface StreamContext {
  readonly catalog: ScriptCatalog;
  readonly capabilities?: CapabilitiesResolver;
  readonly diagnostics: Diagnostic[];
  readonly path: string;
  readonly file?: string;
  /** Tables already reported as of unknown changelog mode (reported once per script). */
  readonly reportedUnknown: Set<string>;
}

export function report(ctx: StreamContext, code: string, severity: Severity, message: string, hint: string, span: Span | undefined): void {
  ctx.diagnostics.push({
    code,
    severity,
    message,
    hint,
    path: ctx.path,
    ...(span === undefined ? {} : { span }),
    ...(ctx.file === undefined ? {} : { file: ctx.file }),
  });
}
