/**
 * One declaration per diagnostic code: each stage declares its codes once, in a table of `name: [code, meaning]`
 * (e.g. `analyzer/time/codes.ts`). Code reads the codes by name (`TIME_CODES.timeAttributeLost`); the code
 * reference (registry.ts, docs/diagnostics.md) is made from the tables' entries.
 */

export interface DiagnosticCodeInfo {
  /** `FTS` + 4 digits. */
  readonly code: string;
  /** What the code means, in one line. */
  readonly title: string;
}

export interface CodeTable<T extends Readonly<Record<string, readonly [code: string, title: string]>>> {
  /** The codes by name. */
  readonly codes: { readonly [K in keyof T]: T[K][0] };
  /** Every code with what it means, in declaration order. */
  readonly entries: readonly DiagnosticCodeInfo[];
}

export function codeTable<const T extends Readonly<Record<string, readonly [code: string, title: string]>>>(declarations: T): CodeTable<T> {
  const codes = Object.freeze(Object.fromEntries(Object.entries(declarations).map(([name, [code]]) => [name, code]))) as CodeTable<T>['codes'];
  const entries = Object.freeze(Object.values(declarations).map(([code, title]) => Object.freeze({ code, title })));
  return Object.freeze({ codes, entries });
}
