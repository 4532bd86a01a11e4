/**
 * One declaration per diagnostic code: each stage declares its codes once, in a table of `name: [code, meaning]`
 * (e.g. `analyzer/time/codes.ts`). Code reads the codes by name (`TIME_CODES.timeAttributeLost`); the code
 * reference (registry.ts, docs/diagnostics.md) is made from the tables' entries.
 *
 * A declaration may carry its text as well, `name: [code, meaning, template(p => message, p => hint)]`, with a typed
 * payload: `TABLE.texts.name(payload)` gives the code, message and hint, so a code's wording lives in one place.
 */

/**
 * How a command that reports the code exits (the CLI's exit code comes from here, one place): `usage` — a usage or
 * configuration error (exit 2: an unknown environment, a missing credential); `problem` — a problem found in the
 * input (exit 1).
 */
export type ExitClass = 'usage' | 'problem';

export interface DiagnosticCodeInfo {
  /** `FTS` + 4 digits. */
  readonly code: string;
  /** What the code means, in one line. */
  readonly title: string;
  /** How a command reporting it exits. */
  readonly exit: ExitClass;
  /** Whether the code declares its message and hint builders (a template); the others are raised with free-form texts. */
  readonly templated: boolean;
}

/** The message and hint of a code, from a typed payload. */
export interface CodeTemplate<P> {
  readonly message: (payload: P) => string;
  readonly hint?: (payload: P) => string | undefined;
}

export function template<P>(message: (payload: P) => string, hint?: (payload: P) => string | undefined): CodeTemplate<P> {
  return Object.freeze({ message, ...(hint === undefined ? {} : { hint }) });
}

/** What a template gives: ready for a Diagnostic. */
export interface CodeText {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
}

type Declaration = readonly [code: string, title: string] | readonly [code: string, title: string, template: CodeTemplate<never>];
type Declarations = Readonly<Record<string, Declaration>>;
type PayloadOf<D> = D extends readonly [string, string, CodeTemplate<infer P>] ? P : never;

export interface CodeTable<T extends Declarations> {
  /** The codes by name. */
  readonly codes: { readonly [K in keyof T]: T[K][0] };
  /** Every code with what it means, in declaration order. */
  readonly entries: readonly DiagnosticCodeInfo[];
  /** The text of each code declared with a template, from its payload. */
  readonly texts: { readonly [K in keyof T as T[K] extends readonly [string, string, CodeTemplate<never>] ? K : never]: (payload: PayloadOf<T[K]>) => CodeText };
}

/** A table's exit classes: `problem` for every code but those named in `usage`. */
export interface CodeTableOptions<T> {
  readonly usage?: readonly (keyof T & string)[];
}

/** A template's text as a Diagnostic's code, message and hint (no `hint` key when it has none). */
export function textFields(t: CodeText): { code: string; message: string; hint?: string } {
  return t.hint === undefined ? { code: t.code, message: t.message } : { code: t.code, message: t.message, hint: t.hint };
}

export function codeTable<const T extends Declarations>(declarations: T, options: CodeTableOptions<T> = {}): CodeTable<T> {
  const codes = Object.freeze(Object.fromEntries(Object.entries(declarations).map(([name, [code]]) => [name, code]))) as CodeTable<T>['codes'];
  const usage = new Set<string>(options.usage ?? []);
  const entries = Object.freeze(Object.entries(declarations).map(([name, d]) => Object.freeze({ code: d[0], title: d[1], exit: usage.has(name) ? 'usage' as const : 'problem' as const, templated: d.length === 3 })));
  const texts = Object.freeze(Object.fromEntries(Object.entries(declarations).flatMap(([name, d]) => {
    if (d.length !== 3) return [];
    const t = d[2] as CodeTemplate<unknown>;
    const render = (payload: unknown): CodeText => {
      const hint = t.hint?.(payload);
      return Object.freeze({ code: d[0], message: t.message(payload), ...(hint === undefined ? {} : { hint }) });
    };
    return [[name, render]];
  }))) as CodeTable<T>['texts'];
  return Object.freeze({ codes, entries, texts });
}
