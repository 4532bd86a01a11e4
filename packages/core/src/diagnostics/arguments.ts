/**
 * Validation at the public API boundary. TypeScript's types do not protect JavaScript callers (or `as any`):
 * every public entry checks its arguments here and throws a `FlinktsError` that names the call and the
 * argument, never an internal "Cannot read properties of null".
 *
 *   FTS2305  an argument of the wrong shape or type (`table()`'s spec, a column type, a LIMIT, a literal …)
 *   FTS2306  a plain JavaScript boolean / number / string where an expression is required — usually a JavaScript
 *            operator (`o.amount > 0`) in place of an expression method (`o.amount.gt(0)`)
 *
 * Object-shaped arguments are described with zod schemas; the first issues are reported with their paths. The
 * signatures here are structural (no zod types), so the published declarations do not pull zod's into a user's
 * type check.
 */
import { FlinktsError } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';
import { textFields, type CodeText } from './code-table.js';
import { DEFINITION_CODES, DEFINITION_TEXTS, type ArgumentPayload } from './definition-codes.js';

export const BAD_ARGUMENT = DEFINITION_CODES.badArgument;
export type { ArgumentPayload };

/**
 * The text of a bad argument from its payload: FTS2305's by default; another table's code worded the same way
 * (the pipelines' FTS8005) passes its own `TEXTS.x`.
 */
export type ArgumentText = (payload: ArgumentPayload) => CodeText;

const argumentText = (payload: ArgumentPayload, text: ArgumentText): { code: string; message: string; hint?: string } => textFields(text(payload));

export { describeValue } from './describe-value.js';

/** `FTS2305`: `call`'s `argument` must be `expected`. */
export function argumentError(call: string, argument: string, expected: string, got: unknown, hint?: string, text: ArgumentText = DEFINITION_TEXTS.badArgument): FlinktsError {
  return new FlinktsError([{
    ...argumentText({ kind: 'wrongValue', call, argument, expected, got, ...(hint === undefined ? {} : { hint }) }, text),
    severity: 'error',
    path: `${call}.${argument}`,
  }]);
}

function at(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

function pathText(argument: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : `${s}.${String(k)}`), argument);
}

/** One problem a schema reports (the fields of zod's issues that the messages use). */
export interface ArgumentIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly expected?: string;
  readonly values?: readonly unknown[];
  readonly origin?: string;
  readonly minimum?: unknown;
  readonly keys?: readonly string[];
}

/** A schema that checks an argument: a zod schema, seen structurally. */
export interface ArgumentSchema<T> {
  safeParse(value: unknown): { readonly success: true; readonly data: T } | { readonly success: false; readonly error: { readonly issues: readonly ArgumentIssue[] } };
}

function expectedText(issue: ArgumentIssue): string {
  switch (issue.code) {
    case 'invalid_type': return issue.message.startsWith('Invalid input') && issue.expected !== undefined ? `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}` : issue.message;
    case 'invalid_value': return `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'too_small': return issue.origin === 'string' ? 'a non-empty string' : issue.origin === 'array' ? `a list of at least ${String(issue.minimum)}` : `at least ${String(issue.minimum)}`;
    default: return issue.message;
  }
}

/**
 * Checks `value` against `schema`; throws FTS2305 (or the code of `text`) naming `call`, the argument and the path of each of
 * the first few problems. Returns the value typed as the schema's output.
 */
export function checkArgument<T>(call: string, argument: string, schema: ArgumentSchema<T>, value: unknown, text: ArgumentText = DEFINITION_TEXTS.badArgument): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const diagnostics: Diagnostic[] = result.error.issues.slice(0, 5).map((issue) => {
    const where = pathText(argument, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return { ...argumentText({ kind: 'unknownKeys', call, argument: where, keys: issue.keys ?? [] }, text), severity: 'error', path: `${call}.${where}` };
    }
    const expected = expectedText(issue);
    return {
      ...argumentText({ kind: 'wrongValue', call, argument: where, expected, got: at(value, issue.path), hint: `pass ${expected} as ${where}` }, text),
      severity: 'error',
      path: `${call}.${where}`,
    };
  });
  throw new FlinktsError(diagnostics);
}

/** The shapes most entries check before anything else; each throws FTS2305 (or `text`'s code) naming the call. */
export function checkString(call: string, argument: string, value: unknown, text: ArgumentText = DEFINITION_TEXTS.badArgument): string {
  if (typeof value !== 'string') throw argumentError(call, argument, 'a string', value, undefined, text);
  return value;
}

/** A built node (AST, data type, statement): an object with a string `kind`, one of `kinds` when given. */
export function checkNode<T>(call: string, argument: string, value: unknown, what: string, kinds?: ReadonlySet<string>): T {
  const kind = value !== null && typeof value === 'object' ? (value as { kind?: unknown }).kind : undefined;
  if (typeof kind !== 'string' || (kinds !== undefined && !kinds.has(kind))) throw argumentError(call, argument, what, value);
  return value as T;
}

/** One of a fixed list of words (a time unit, `'NULL' | 'ABSENT'`, a join type …). */
export function checkOneOf<const T extends string>(call: string, argument: string, value: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(value)) throw argumentError(call, argument, `one of ${allowed.map((a) => `'${a}'`).join(', ')}`, value);
  return value as T;
}

/** An array (of anything: each element is checked by the caller). */
export function checkList<T>(call: string, argument: string, value: unknown, what: string, text: ArgumentText = DEFINITION_TEXTS.badArgument): readonly T[] {
  if (!Array.isArray(value)) throw argumentError(call, argument, what, value, undefined, text);
  return value as readonly T[];
}

/** A plain object (an options or spec object): not null, an array or a primitive; `what` names it in the message. */
export function checkObject<T extends object>(call: string, argument: string, value: unknown, what = 'an object', text: ArgumentText = DEFINITION_TEXTS.badArgument): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argumentError(call, argument, what, value, undefined, text);
  return value as T;
}

/** An options object that may be left out: undefined, or a plain object (not null, an array or a primitive). */
export function checkOptions<T extends object>(call: string, argument: string, value: unknown, text: ArgumentText = DEFINITION_TEXTS.badArgument): T | undefined {
  return value === undefined ? undefined : checkObject<T>(call, argument, value, 'an options object (or nothing)', text);
}

/**
 * The text entry points (parse*, checkSql): `text` must be a string — a number once sent the lexer round forever —
 * and `options`, when given, an object whose `file` is a string.
 */
export function checkTextEntry(call: string, text: unknown, options: unknown): void {
  checkString(call, 'text', text);
  const file = checkOptions<{ file?: unknown }>(call, 'options', options)?.file;
  if (file !== undefined && typeof file !== 'string') throw argumentError(call, 'options.file', 'a file name (a string)', file);
}

/** A tagged template's strings, for a tag called as a function (`sql(null)`): an array of strings. */
export function checkTemplate(call: string, parts: unknown): void {
  if (!Array.isArray(parts) || parts.some((p) => typeof p !== 'string')) throw argumentError(call, 'the template', `a tagged template (${call}\`…\`)`, parts, `write ${call}\`…\`, not ${call}(…)`);
}
