/** Diagnostics of the query walk: names (FTS4001–FTS4099) and expression types (FTS4401–FTS4499). */
import type { Span } from '../../ast/node.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { TypeIssue } from '../../typing/type-issue.js';

export interface ReportContext {
  readonly diagnostics: Diagnostic[];
  readonly file?: string;
}

export function issue(ctx: ReportContext, code: string, node: { readonly span?: Span } | undefined, message: string, hint?: string): void {
  ctx.diagnostics.push({
    code,
    severity: 'error',
    message,
    ...(hint === undefined ? {} : { hint }),
    ...(node?.span === undefined ? {} : { span: node.span }),
    ...(ctx.file === undefined ? {} : { file: ctx.file }),
  });
}

/** Type issues collected while typing an expression become error diagnostics. */
export function reportIssues(ctx: ReportContext, issues: readonly TypeIssue[]): void {
  for (const i of issues) issue(ctx, i.code, i.span === undefined ? undefined : { span: i.span }, i.message, i.hint);
}
