/**
 * User table functions in tests: `LATERAL TABLE(fn(…))` runs a JavaScript implementation the test gives, in place of
 * the Java class its CREATE FUNCTION names.
 *
 * ```ts
 * const splitWords = tableFunction({
 *   returns: { word: 'STRING', len: 'INT NOT NULL' },
 *   *eval(text: string | null) { for (const w of text?.split(' ') ?? []) yield { word: w, len: w.length }; },
 * });
 * runJob(sql, { inputs, functions: { split_words: splitWords } });
 * ```
 * Arguments arrive as plain values (as test rows are written: numbers, strings, DECIMAL and temporal values as
 * strings); each yielded row is an object by column name or an array in column order, checked against `returns`.
 */
import { z } from 'zod';
import { checkArgument } from '../diagnostics/arguments.js';
import type { UserTableFunctionType } from '../functions/user-functions.js';
import { badInput } from '../runtime/errors.js';
import type { RuntimeTableFunction, RuntimeTableFunctions } from '../runtime/table-functions.js';
import { parseTypeText } from './oracle/type-text.js';
import { toPlainValue, toRuntimeValue } from './values.js';

/** A row a table function yields: by column name, or the values in column order. */
export type TableFunctionRow = Readonly<Record<string, unknown>> | readonly unknown[];

export interface TableFunctionSpec {
  /** The row each call produces: column name → Flink SQL type (`'STRING'`, `'INT NOT NULL'`, `'DECIMAL(10, 2)'`). */
  readonly returns: Readonly<Record<string, string>>;
  /** One call (Flink's `eval`): the SQL arguments as plain values; the rows it produces. */
  readonly eval: (...args: never[]) => Iterable<TableFunctionRow>;
}

export interface TableFunction {
  readonly kind: 'TableFunction';
  readonly type: UserTableFunctionType;
  readonly eval: (...args: unknown[]) => Iterable<TableFunctionRow>;
}

const SPEC = z.object({
  returns: z.record(z.string(), z.string()).refine((r) => Object.keys(r).length > 0, { message: 'at least one column' }),
  eval: z.custom<unknown>((f) => typeof f === 'function', { message: 'a function (a generator, or one returning an array of rows)' }),
});

/** A table function for `runJob(…, { functions: { name: fn } })`. */
export function tableFunction(spec: TableFunctionSpec): TableFunction {
  checkArgument('tableFunction()', 'spec', SPEC, spec);
  const columns = Object.entries(spec.returns).map(([name, text]) => ({ name, type: parseTypeText(text) }));
  return Object.freeze({ kind: 'TableFunction', type: Object.freeze({ kind: 'table', columns }), eval: spec.eval as (...args: unknown[]) => Iterable<TableFunctionRow> });
}

/** The runtime's form of the test's functions: values converted at the boundary, in the session's zone. */
export function runtimeTableFunctions(functions: Readonly<Record<string, TableFunction>>, zone: () => string): RuntimeTableFunctions {
  const out = new Map<string, RuntimeTableFunction>();
  for (const [name, fn] of Object.entries(functions)) {
    const key = name.toUpperCase();
    if (out.has(key)) throw badInput({ kind: 'option', option: 'options.functions', problem: `names '${name}' twice (function names are case-insensitive)` });
    const columns = fn.type.columns;
    out.set(key, {
      type: fn.type,
      *call(args, types) {
        const z = zone();
        const plain = args.map((a, i) => toPlainValue(a, types[i]!, z));
        let n = 0;
        for (const row of fn.eval(...plain)) {
          const at = { table: name, function: true, row: n++ } as const;
          if (row === null || typeof row !== 'object') throw badInput({ kind: 'notARow', at, value: row });
          const value = (c: (typeof columns)[number], v: unknown): unknown => {
            const x = toRuntimeValue(v, c.type, z, { ...at, column: c.name });
            if (x === null && !c.type.nullable) throw badInput({ kind: 'nullInNotNull', at: { ...at, column: c.name } });
            return x;
          };
          if (Array.isArray(row)) {
            if (row.length !== columns.length) throw badInput({ kind: 'arity', at, columns: columns.map((c) => c.name), got: row.length });
            yield columns.map((c, i) => value(c, row[i]));
          } else {
            const o = row as Readonly<Record<string, unknown>>;
            const unknown = Object.keys(o).find((k) => !columns.some((c) => c.name === k));
            if (unknown !== undefined) throw badInput({ kind: 'unknownColumn', at, column: unknown, columns: columns.map((c) => c.name) });
            yield columns.map((c) => value(c, o[c.name]));
          }
        }
      },
    });
  }
  return out;
}
