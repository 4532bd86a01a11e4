/**
 * FTS7005's payload and text: test input the declared tables (or the test API) cannot take — a fixture row Flink
 * could never produce (a wrong type, an overflow, NULL in a NOT NULL or key column, a missing key, an unknown
 * column), an input entry that is no entry, or a test option that is not one. `kind` names the situation; the
 * message names the row and the column where there is one (`inputs.orders[3].amount`).
 */
import { describeValue } from '../diagnostics/describe-value.js';

/**
 * Where a fixture value is: the table the input is for (or the table function that returned the row), the entry's
 * index, and the column with the path inside a nested value (`address.city`, `tags[2]`).
 */
export interface FixturePlace {
  readonly table?: string;
  /** The row was returned by the table function `table` (not an input of a table). */
  readonly function?: true;
  readonly row?: number;
  readonly column?: string;
}

/** The place as messages write it: `inputs.t[3].c`, `table function f, row 0.c`, or the column alone. */
export function placeText(p: FixturePlace): string {
  const source = p.table === undefined ? undefined
    : p.function === true ? `table function ${p.table}, row ${p.row ?? 0}`
      : p.row === undefined ? `inputs.${p.table}` : `inputs.${p.table}[${p.row}]`;
  if (p.column === undefined) return source ?? 'input';
  return source === undefined ? p.column : `${source}.${p.column}`;
}

/** The place one level down in a nested value: a ROW field (`.f`) or an ARRAY element (`[i]`). */
export function nestedPlace(p: FixturePlace, step: string): FixturePlace {
  return { ...p, column: step.startsWith('[') ? `${p.column ?? ''}${step}` : p.column === undefined ? step : `${p.column}.${step}` };
}

export type BadInput =
  /** A value that cannot be one of its column's declared type; `why` says what is wrong with it. */
  | { readonly kind: 'value'; readonly at: FixturePlace; readonly value: unknown; readonly type: string; readonly why: string; readonly hint?: string }
  /** NULL (or an absent value) in a NOT NULL column of a table function's row. */
  | { readonly kind: 'nullInNotNull'; readonly at: FixturePlace }
  /** NULL or no value in a PRIMARY KEY column (Flink makes them NOT NULL). */
  | { readonly kind: 'nullKey'; readonly at: FixturePlace & { readonly table: string; readonly column: string }; readonly missing: boolean }
  /** An entry that is neither an object keyed by column name nor an array of values. */
  | { readonly kind: 'notARow'; readonly at: FixturePlace; readonly value: unknown }
  /** An array row with another number of values than the columns. */
  | { readonly kind: 'arity'; readonly at: FixturePlace; readonly columns: readonly string[]; readonly got: number }
  /** A key of an object row that is no column. */
  | { readonly kind: 'unknownColumn'; readonly at: FixturePlace; readonly column: string; readonly columns: readonly string[] }
  /** A watermark or processing-time entry that is no instant. */
  | { readonly kind: 'badTime'; readonly at: FixturePlace; readonly entry: 'watermark' | 'processing time'; readonly value: unknown }
  /** A hole in a sparse input array. */
  | { readonly kind: 'hole'; readonly index: number }
  /** A -U / +U / -D entry for a source that emits inserts only. */
  | { readonly kind: 'changeInInsertOnly'; readonly table: string; readonly change: string }
  /** An input keyed by a short name that ends more than one table's name. */
  | { readonly kind: 'ambiguousInput'; readonly input: string; readonly tables: readonly string[] }
  /** Processing time that is no instant, or moves back. */
  | { readonly kind: 'processingTime'; readonly to: number; readonly from?: number }
  /** `columnar()` columns of different lengths. */
  | { readonly kind: 'columnLengths'; readonly column: string; readonly length: number; readonly before: number }
  /** A type written as text (a table function's `returns`, an oracle case) that cannot be read; `problem` says where. */
  | { readonly kind: 'typeText'; readonly text: string; readonly problem: string }
  /** An oracle case's fixture value that cannot be read as its type. */
  | { readonly kind: 'caseValue'; readonly type: string; readonly value: unknown }
  /** A test option or setting that is not one (`FLINKTS_ENGINE`, `options.now()`, `table.local-time-zone`, `options.functions`): `option problem`. */
  | { readonly kind: 'option'; readonly option: string; readonly problem: string; readonly hint?: string }
  /** A sink asked of a job's result that it does not have, or whose changelog was not kept. */
  | { readonly kind: 'sink'; readonly problem: 'name one' | 'no such sink' | 'changelog not kept'; readonly sink?: string; readonly sinks: readonly string[] };

const CHANGELOG_SOURCE_HINT = "declare a changelog source: a connector that emits one (upsert-kafka, a CDC connector or format, known from the connectors' capabilities: pass capabilities: resolveCapabilities of @flinkts/connectors), or 'connector' = 'values' with 'changelog-mode' = 'I,UB,UA,D'";
const KEY_HINT = 'Flink makes PRIMARY KEY columns NOT NULL; give every row its key';

const iso = (ms: number): string => new Date(ms).toISOString();

export function badInputMessage(p: BadInput): string {
  switch (p.kind) {
    case 'value': return `${placeText(p.at)}: ${describeValue(p.value)} is not ${/^[AEIOU]/.test(p.type) ? 'an' : 'a'} ${p.type} value (${p.why})`;
    case 'nullInNotNull': return `${placeText(p.at)}: NULL in a NOT NULL column`;
    case 'nullKey': return `${placeText(p.at)}: primary key column '${p.at.column}' of table '${p.at.table}' is ${p.missing ? 'missing' : 'NULL'}`;
    case 'notARow': return `${placeText(p.at)}: a row must be an object keyed by column name or an array of values, got ${describeValue(p.value)}`;
    case 'arity': return `${placeText(p.at)}: expected ${p.columns.length} values (${p.columns.join(', ')}), got ${p.got}`;
    case 'unknownColumn': return `${placeText(p.at)}: unknown column '${p.column}'${p.at.function === true || p.at.table === undefined ? '' : ` of table '${p.at.table}'`}`;
    case 'badTime': return `${placeText(p.at)}: bad ${p.entry} ${describeValue(p.value)}`;
    case 'hole': return `Input entry ${p.index} is missing (a hole in the list)`;
    case 'changeInInsertOnly': return `Table '${p.table}' is an insert-only source but its input contains a ${p.change} row`;
    case 'ambiguousInput': return `Input '${p.input}' names ${p.tables.length} tables: ${p.tables.map((t) => `'${t}'`).join(', ')}`;
    case 'processingTime':
      return p.from === undefined || !Number.isFinite(p.to) ? `processing time ${String(p.to)} is not an instant` : `processing time cannot go back: it is ${iso(p.from)}, the entry asks for ${iso(p.to)}`;
    case 'columnLengths': return `columnar(): column '${p.column}' has ${p.length} values, the columns before it ${p.before}`;
    case 'typeText': return `Cannot read the type '${p.text}': ${p.problem}`;
    case 'caseValue': return `Bad ${p.type} fixture ${JSON.stringify(p.value)}`;
    case 'option': return `${p.option} ${p.problem}`;
    case 'sink':
      return p.problem === 'name one' ? `This job has ${p.sinks.length} sinks; name one of: ${p.sinks.join(', ')}`
        : p.problem === 'no such sink' ? `No sink '${p.sink ?? ''}' in this job`
          : `The changelog of sink '${p.sink ?? ''}' was not kept (keepChangelog: false)`;
  }
}

export function badInputHint(p: BadInput): string | undefined {
  switch (p.kind) {
    case 'value': case 'option': return p.hint;
    case 'nullKey': return KEY_HINT;
    case 'unknownColumn': return p.at.function === true ? `the function returns ${p.columns.join(', ')}` : `columns are ${p.columns.join(', ')}`;
    case 'badTime': return "give a time such as '2024-05-01 10:05:00' (in the session zone), a Date or epoch millis";
    case 'changeInInsertOnly': return CHANGELOG_SOURCE_HINT;
    case 'ambiguousInput': return 'key the input by the qualified table name';
    case 'processingTime': return p.from === undefined || !Number.isFinite(p.to) ? undefined : 'order the processingTime entries by time';
    case 'columnLengths': return 'give every column one value per row';
    case 'sink': return p.problem === 'changelog not kept' ? 'run with keepChangelog: true (the default) to assert on changes, or assert on table / rows' : `sinks are ${p.sinks.join(', ')}`;
    default: return undefined;
  }
}
