/**
 * The oracle reads SQL text through the project's SQL front end (`packages/core/src/sql/parser`).
 * This adapter looks the entry points up by name so the runtime builds while the parser is being written,
 * and reports clearly when they are missing.
 */
import type { Expression } from '../../ast/expression.js';
import type { Script } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import * as parser from '../../sql/parser/index.js';

type ParseResult<T> = T | { readonly diagnostics: readonly Diagnostic[] } & Record<string, unknown>;

function entry(name: string): (text: string) => unknown {
  const f = (parser as Record<string, unknown>)[name];
  if (typeof f !== 'function') {
    throw new FlinktsError([{ code: 'FTS7001', severity: 'error', message: `not supported by the local runtime: the SQL parser does not export ${name} yet` }]);
  }
  return f as (text: string) => unknown;
}

function unwrap<T>(r: ParseResult<T> | unknown, key: string, isNode: (x: unknown) => boolean): T {
  if (isNode(r)) return r as T;
  const o = r as { diagnostics?: readonly Diagnostic[] } & Record<string, unknown>;
  const errors = (o.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlinktsError(errors);
  const v = o[key] ?? o.expression ?? o.node ?? o.result ?? o.type ?? o.script;
  if (!isNode(v)) throw new FlinktsError([{ code: 'FTS7001', severity: 'error', message: `not supported by the local runtime: unexpected parser result for ${key}` }]);
  return v as T;
}

const hasKind = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string';

export function sqlExpression(text: string): Expression {
  return unwrap<Expression>(entry('parseExpression')(text), 'expression', hasKind);
}

export function sqlScript(text: string): Script {
  return unwrap<Script>(entry('parseScript')(text), 'script', (x) => hasKind(x) && (x as { kind: string }).kind === 'Script');
}
