/**
 * What the analyzer's rules over the plan need while they check a statement: the script's catalog (for the sink
 * checks), the connectors' capabilities, and where diagnostics go.
 */
import type { CodeText } from '../../diagnostics/code-table.js';
import type { Span } from '../../ast/node.js';
import type { TableCapabilities } from '../../plan/properties/source-modes.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { ObjectCatalog } from '../../catalog/catalog.js';

/** Resolves a table's changelog capabilities; `undefined` when its connector is unknown. */
export type CapabilitiesResolver = TableCapabilities;

export interface StreamContext {
  readonly catalog: ObjectCatalog;
  readonly capabilities?: CapabilitiesResolver;
  readonly diagnostics: Diagnostic[];
  readonly path: string;
  readonly file?: string;
  /** Tables already reported as of unknown changelog mode (reported once per script). */
  readonly reportedUnknown: Set<string>;
}

/** A diagnostic from a code's template (its code, message and hint). */
export function reportText(ctx: StreamContext, text: CodeText, severity: Severity, span: Span | undefined): void {
  report(ctx, text.code, severity, text.message, text.hint ?? '', span);
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
