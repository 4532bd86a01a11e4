/**
 * What the changelog and time-attribute inference needs while it walks a statement: the script's catalog, the
 * streams of views and CTEs, the connectors' capabilities, and where diagnostics go.
 */
import type { Span } from '../../ast/node.js';
import type { Select } from '../../ast/query.js';
import type { Deduplicate, Rank } from '../../plan/rank.js';
import type { CreateTable } from '../../ast/statement.js';
import type { ChangelogCapabilities } from '../../connector/connector.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { ScriptCatalog } from '../script-catalog.js';
import type { Stream } from './changelog-mode.js';

/** Resolves a table's changelog capabilities; `undefined` when its connector is unknown. */
export type CapabilitiesResolver = (statement: CreateTable, context: { readonly catalogType?: string }) => ChangelogCapabilities | undefined;

export interface StreamContext {
  readonly catalog: ScriptCatalog;
  /** Streams of the views declared so far, by their qualified path joined with '.'. */
  readonly views: ReadonlyMap<string, Stream>;
  /** Streams of the CTEs in scope (innermost last). */
  readonly ctes: ReadonlyMap<string, Stream>;
  readonly capabilities?: CapabilitiesResolver;
  readonly diagnostics: Diagnostic[];
  readonly path: string;
  readonly file?: string;
  /** Tables already reported as of unknown changelog mode (reported once per script). */
  readonly reportedUnknown: Set<string>;
  /** The ROW_NUMBER patterns the binder recognised, by the SELECT that filters the row number. */
  readonly ranks?: ReadonlyMap<Select, Rank | Deduplicate>;
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

export function withCtes(ctx: StreamContext, ctes: ReadonlyMap<string, Stream>): StreamContext {
  return { ...ctx, ctes };
}
