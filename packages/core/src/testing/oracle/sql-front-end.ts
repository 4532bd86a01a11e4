/**
 * The oracle reads SQL text through the project's SQL front end (`packages/core/src/sql/parser`).
 * This adapter looks the entry points up by name so the runtime builds while the parser is being written;
 * until they exist it uses a small fallback reader (`mini-sql/`).
 */
import type { Expression } from '../../ast/expression.js';
import type { Script } from '../../ast/statement.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import * as parser from '../../sql/parser/index.js';
import { miniParseExpression, miniParseScript } from './mini-sql/parser.js';

type ParseResult<T> = T | { readonly diagnostics: readonly Diagnostic[] } & Record<string, unknown>;

/** The project parser's entry point, or undefined while it does not exist yet. */
function entry(name: string): ((text: string) => unknown) | undefined {
  const f = (parser as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as (text: string) => unknown) : undefined;
}

function fallback<T>(f: (text: string) => T, text: string): T {
  try {
    return f(text);
  } catch (e) {
    throw new FlinktsError([{ code: 'FTS1000', severity: 'error', message: `SQL syntax error: ${e instanceof Error ? e.message : String(e)}` }]);
  }
}

function unwrap<T>(r: ParseResult<T> | unknown, key: string, isNode: (x: unknown) => boolean): T {
  if (isNode(r)) return r as T;
  const o = r as { diagnostics?: readonly Diagnostic[] } & Record<string, unknown>;
  const errors = (o.diagnostics ?? []).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new FlinktsError(errors);
  const v = o[key] ?? o.value ?? o.expression ?? o.node ?? o.result ?? o.type ?? o.script;
  if (!isNode(v)) throw new FlinktsError([{ code: 'FTS7001', severity: 'error', message: `not supported by the local runtime: unexpected parser result for ${key}` }]);
  return v as T;
}

const hasKind = (x: unknown): boolean => typeof x === 'object' && x !== null && typeof (x as { kind?: unknown }).kind === 'string';

export type FrontEnd = 'project parser' | 'fallback reader';
let forced: FrontEnd | undefined;

/** Force a front end (the oracle's floor test pins each one), or `undefined` for automatic choice. */
export function useFrontEnd(f: FrontEnd | undefined): void {
  forced = f;
}

/** Whether the project's parser exports the entry points the oracle needs. */
export function projectParserAvailable(): boolean {
  return !!(entry('parseExpression') && entry('parseScript'));
}

/** Where SQL text is read: the project's parser when it exports the entry points, else the fallback reader. */
export function sqlFrontEnd(): FrontEnd {
  if (forced) return forced;
  return projectParserAvailable() ? 'project parser' : 'fallback reader';
}

export function sqlExpression(text: string): Expression {
  const f = sqlFrontEnd() === 'project parser' ? entry('parseExpression') : undefined;
  if (!f) return fallback(miniParseExpression, text);
  return unwrap<Expression>(f(text), 'expression', hasKind);
}

export function sqlScript(text: string): Script {
  const f = sqlFrontEnd() === 'project parser' ? entry('parseScript') : undefined;
  if (!f) return fallback(miniParseScript, text);
  return unwrap<Script>(f(text), 'script', (x) => hasKind(x) && (x as { kind: string }).kind === 'Script');
}
