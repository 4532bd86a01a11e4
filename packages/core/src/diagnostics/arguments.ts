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
import { DEFINITION_CODES } from './definition-codes.js';

export const BAD_ARGUMENT = DEFINITION_CODES.badArgument;
export const NOT_AN_EXPRESSION = DEFINITION_CODES.plainValue;

/** A short description of a JavaScript value for messages: `null`, `a number (42)`, `a function`, … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  switch (typeof value) {
    case 'string': return value === '' ? 'an empty string' : `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
    case 'number': return `a number (${value})`;
    case 'bigint': return `a bigint (${value}n)`;
    case 'boolean': return `a boolean (${value})`;
    case 'symbol': return 'a Symbol';
    case 'function': return 'a function';
    default: {
      if (Array.isArray(value)) return `an array of ${value.length}`;
      const name = (value as object).constructor?.name;
      return name && name !== 'Object' ? `a ${name}` : 'an object';
    }
  }
}

/** `FTS2305`: `call`'s `argument` must be `expected`. */
export function argumentError(call: string, argument: string, expected: string, got: unknown, hint?: string, code: string = BAD_ARGUMENT): FlinktsError {
  return new FlinktsError([{
    code,
    severity: 'error',
    message: `${call}: ${argument} must be ${expected}, got ${describeValue(got)}`,
    hint: hint ?? `pass ${expected}`,
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
 * Checks `value` against `schema`; throws FTS2305 (or `code`) naming `call`, the argument and the path of each of
 * the first few problems. Returns the value typed as the schema's output.
 */
export function checkArgument<T>(call: string, argument: string, schema: ArgumentSchema<T>, value: unknown, code: string = BAD_ARGUMENT): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const diagnostics: Diagnostic[] = result.error.issues.slice(0, 5).map((issue) => {
    const where = pathText(argument, issue.path);
    if (issue.code === 'unrecognized_keys') {
      return { code, severity: 'error', message: `${call}: ${where} has no key ${(issue.keys ?? []).map((k) => `'${k}'`).join(', ')}`, hint: 'remove it, or check its spelling against the documented keys', path: `${call}.${where}` };
    }
    const expected = expectedText(issue);
    return {
      code,
      severity: 'error',
      message: `${call}: ${where} must be ${expected}, got ${describeValue(at(value, issue.path))}`,
      hint: `pass ${expected} as ${where}`,
      path: `${call}.${where}`,
    };
  });
  throw new FlinktsError(diagnostics);
}
