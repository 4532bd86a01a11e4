/**
 * The type-rule probe of #16: every scalar built-in of the function registry called over a small lattice of
 * argument types (one sample value per type, NOT NULL columns, one nullable NULL column, an untyped NULL,
 * literals, every time unit where a function takes one). `npm run type-probe` runs the calls on Flink 1.20.1 and
 * records its answers (accepted with the result type and value, or the error's stage and message) in
 * test/fixtures/flink-semantics/type-probe-1.20.1.jsonl; test/runtime/type-probe.test.ts replays them against the
 * analyzer's typing and the local runtime. One call is varied at one argument position at a time, the other
 * arguments at a valid default, which keeps the probe to a few thousand calls.
 */
import type { BuiltinFunctionName } from '../../functions/registry.js';
import { FUNCTIONS } from '../../functions/registry.js';

/** A lattice argument: a column of the probe's one-row input (`type` / `value`), or SQL text (`sql`). */
export interface ProbeArg {
  readonly name: string;
  readonly type?: string;
  readonly value?: unknown;
  readonly sql?: string;
}

/** The input columns (NOT NULL, one sample value each; `n` is a nullable INT holding NULL). */
export const PROBE_COLUMNS: readonly ProbeArg[] = [
  { name: 'ti', type: 'TINYINT NOT NULL', value: 7 },
  { name: 'i', type: 'INT NOT NULL', value: 42 },
  { name: 'bi', type: 'BIGINT NOT NULL', value: 3000000000 },
  { name: 'd102', type: 'DECIMAL(10, 2) NOT NULL', value: '12.34' },
  { name: 'dbl', type: 'DOUBLE NOT NULL', value: 2.5 },
  { name: 's', type: 'STRING NOT NULL', value: 'Ab1' },
  { name: 'c3', type: 'CHAR(3) NOT NULL', value: 'xyz' },
  { name: 'bo', type: 'BOOLEAN NOT NULL', value: true },
  { name: 'dt', type: 'DATE NOT NULL', value: '2024-03-15' },
  { name: 'tm', type: 'TIME(0) NOT NULL', value: '10:20:30' },
  { name: 'ts3', type: 'TIMESTAMP(3) NOT NULL', value: '2024-03-15 10:20:30.123' },
  { name: 'ts9', type: 'TIMESTAMP(9) NOT NULL', value: '2024-03-15 10:20:30.123456789' },
  { name: 'ltz', type: 'TIMESTAMP_LTZ(3) NOT NULL', value: 'instant 2024-03-15T10:20:30.123Z' },
  { name: 'bin', type: 'BINARY(2) NOT NULL', value: "x'0102'" },
  { name: 'arr', type: 'ARRAY<INT NOT NULL> NOT NULL', value: [1, 2] },
  { name: 'm', type: 'MAP<STRING NOT NULL, INT NOT NULL> NOT NULL', value: { a: 1 } },
  { name: 'n', type: 'INT', value: null },
];

/** Every lattice argument: the columns, an untyped NULL and two literals. */
export const PROBE_ARGS: readonly ProbeArg[] = [
  ...PROBE_COLUMNS,
  { name: 'NULL', sql: 'NULL' },
  { name: 'lit_int', sql: '3' },
  { name: 'lit_str', sql: "'2'" },
];

export const TIME_UNITS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND'] as const;

/**
 * How a built-in is called: its default arguments (SQL text; a valid call), how the call is written when it is
 * not `NAME(args)`, the argument position that is a time unit, and whether its value is not comparable
 * (RAND, UUID, the clock): then only acceptance and the type are compared.
 */
interface ProbeSpec {
  readonly args: readonly string[];
  readonly write?: (a: readonly string[]) => string;
  readonly unit?: number;
  readonly nondeterministic?: true;
  /** Reads the clock when called without arguments (UNIX_TIMESTAMP()). */
  readonly clockWithoutArgs?: true;
}

const S = "'2024-03-15 10:20:30'";
const call = (...args: string[]): ProbeSpec => ({ args });
const nd = (...args: string[]): ProbeSpec => ({ args, nondeterministic: true });

/** The probed built-ins; every scalar of the registry is here or in NOT_PROBED. */
export const PROBE_SPECS: Partial<Record<BuiltinFunctionName, ProbeSpec>> = {
  MOD: call('i', '5'), POWER: call('i', '2'), ABS: call('i'), SQRT: call('i'), LN: call('i'), LOG10: call('i'), LOG2: call('i'),
  LOG: call('2', 'i'), EXP: call('i'), CEIL: call('d102'), FLOOR: call('d102'), SIN: call('i'), COS: call('i'), TAN: call('i'),
  COT: call('i'), ASIN: call('dbl'), ACOS: call('dbl'), ATAN: call('i'), DEGREES: call('i'), RADIANS: call('i'), SINH: call('i'),
  TANH: call('i'), COSH: call('i'), ATAN2: call('i', '2'), SIGN: call('i'), ROUND: call('d102', '1'), TRUNCATE: call('d102', '1'),
  PI: call(), E: call(), RAND: nd('i'), RAND_INTEGER: nd('i', '10'), UUID: nd(), BIN: call('i'), HEX: call('i'),
  CHAR_LENGTH: call('s'), UPPER: call('s'), LOWER: call('s'), LTRIM: call('s', "'A'"), RTRIM: call('s', "'1'"), REPEAT: call('s', '2'),
  REGEXP_REPLACE: call('s', "'b'", "'x'"), REPLACE: call('s', "'b'", "'x'"), REGEXP_EXTRACT: call('s', "'(b)'", '1'), INITCAP: call('s'),
  CONCAT: call('s', 's'), CONCAT_WS: call("'-'", 's', 's'), LPAD: call('s', '5', "'*'"), RPAD: call('s', '5', "'*'"),
  FROM_BASE64: call("'YWJj'"), TO_BASE64: call('s'), ASCII: call('s'), CHR: call('i'), DECODE: call('bin', "'UTF-8'"),
  ENCODE: call('s', "'UTF-8'"), INSTR: call('s', "'b'", '1', '1'), LEFT: call('s', '2'), RIGHT: call('s', '2'), LOCATE: call("'b'", 's', '1'),
  PARSE_URL: call("'http://h.com/p?q=1'", "'QUERY'", "'q'"), REGEXP: call('s', "'b'"), REVERSE: call('s'), SPLIT_INDEX: call('s', "'b'", '0'),
  STR_TO_MAP: call("'a=1,b=2'", "','", "'='"), SUBSTR: call('s', '2', '1'),
  LOCALTIME: nd(), LOCALTIMESTAMP: nd(), CURRENT_TIME: nd(), CURRENT_DATE: nd(), CURRENT_TIMESTAMP: nd(), NOW: nd(), CURRENT_ROW_TIMESTAMP: nd(),
  YEAR: call('ts3'), QUARTER: call('ts3'), MONTH: call('ts3'), WEEK: call('ts3'), DAYOFYEAR: call('ts3'), DAYOFMONTH: call('ts3'),
  DAYOFWEEK: call('ts3'), HOUR: call('ts3'), MINUTE: call('ts3'), SECOND: call('ts3'), DATE_FORMAT: call('ts3', "'yyyy-MM-dd HH'"),
  TIMESTAMPADD: { args: ['DAY', 'i', 'ts3'], unit: 0 }, TIMESTAMPDIFF: { args: ['DAY', 'ts3', 'ts3'], unit: 0 },
  CONVERT_TZ: call(S, "'UTC'", "'Asia/Shanghai'"), FROM_UNIXTIME: call('i', "'yyyy-MM-dd HH:mm'"), UNIX_TIMESTAMP: { args: [S, "'yyyy-MM-dd HH:mm:ss'"], clockWithoutArgs: true },
  TO_DATE: call("'2024-03-15'", "'yyyy-MM-dd'"), TO_TIMESTAMP_LTZ: call('i', '3'), TO_TIMESTAMP: call(S, "'yyyy-MM-dd HH:mm:ss'"),
  EXTRACT: { args: ['DAY', 'ts3'], unit: 0, write: (a) => `EXTRACT(${a[0]} FROM ${a[1]})` },
  NULLIF: call('i', '1'), COALESCE: call('n', 'i'), IF: call('bo', 'i', 'bi'), IFNULL: call('n', 'i'), IS_ALPHA: call('s'),
  IS_DECIMAL: call('s'), IS_DIGIT: call('s'), GREATEST: call('i', 'bi'), LEAST: call('i', 'bi'), TYPEOF: call('i'),
  POSITION: { args: ["'b'", 's'], write: (a) => `POSITION(${a[0]} IN ${a[1]})` },
  TRIM: { args: ["'A'", 's'], write: (a) => `TRIM(BOTH ${a[0]} FROM ${a[1]})` },
  OVERLAY: { args: ['s', "'xy'", '2', '1'], write: (a) => `OVERLAY(${a[0]} PLACING ${a[1]} FROM ${a[2]} FOR ${a[3]})` },
  SUBSTRING: { args: ['s', '2', '1'], write: (a) => `SUBSTRING(${a[0]} FROM ${a[1]} FOR ${a[2]})` },
  CARDINALITY: call('arr'), ELEMENT: call('ARRAY[1]'), ARRAY_APPEND: call('arr', 'i'), ARRAY_CONTAINS: call('arr', 'i'), ARRAY_DISTINCT: call('arr'),
  ARRAY_POSITION: call('arr', 'i'), ARRAY_PREPEND: call('arr', 'i'), ARRAY_REMOVE: call('arr', 'i'), ARRAY_REVERSE: call('arr'),
  ARRAY_SLICE: call('arr', '1', '2'), ARRAY_SORT: call('arr'), ARRAY_UNION: call('arr', 'arr'), ARRAY_CONCAT: call('arr', 'arr'),
  ARRAY_EXCEPT: call('arr', 'arr'), ARRAY_INTERSECT: call('arr', 'arr'), ARRAY_MAX: call('arr'), ARRAY_JOIN: call("ARRAY['a', 'b']", "','"),
  ARRAY_MIN: call('arr'), MAP_KEYS: call('m'), MAP_UNION: call('m', 'm'), MAP_VALUES: call('m'), MAP_ENTRIES: call('m'),
  MAP_FROM_ARRAYS: call("ARRAY['a']", 'ARRAY[1]'), SPLIT: call('s', "'b'"), JSON_STRING: call('i'),
  MD5: call('s'), SHA1: call('s'), SHA224: call('s'), SHA256: call('s'), SHA384: call('s'), SHA512: call('s'), SHA2: call('s', '256'),
  HASH_CODE: call('s'), CURRENT_DATABASE: call(),
};

/** Scalars left out of the lattice, each with why. */
export const NOT_PROBED: Partial<Record<BuiltinFunctionName, string>> = {
  CAST: 'a conversion matrix of its own (target types), not argument families',
  TRY_CAST: 'a conversion matrix of its own (target types)',
  JSON_EXISTS: 'JSON syntax of its own (path, ON EMPTY / ON ERROR clauses): the probed json.* families',
  JSON_VALUE: 'JSON syntax of its own: the probed json.* families', JSON_QUERY: 'JSON syntax of its own: the probed json.* families',
  JSON_OBJECT: 'KEY … VALUE syntax of its own: the probed json.* families', JSON_ARRAY: 'JSON syntax of its own: the probed json.* families',
  OVERLAPS: 'period syntax of its own ((t1, t2) OVERLAPS (t3, t4))',
  CURRENT_WATERMARK: 'needs a rowtime attribute', SOURCE_WATERMARK: 'only in a WATERMARK clause', PROCTIME: 'only in a computed column',
  PRINT: 'writes to the task manager\'s stdout',
  TUMBLE_START: 'a group-window auxiliary (GROUP BY TUMBLE)', TUMBLE_END: 'a group-window auxiliary', TUMBLE_ROWTIME: 'a group-window auxiliary',
  TUMBLE_PROCTIME: 'a group-window auxiliary', HOP_START: 'a group-window auxiliary', HOP_END: 'a group-window auxiliary',
  HOP_ROWTIME: 'a group-window auxiliary', HOP_PROCTIME: 'a group-window auxiliary', SESSION_START: 'a group-window auxiliary',
  SESSION_END: 'a group-window auxiliary', SESSION_ROWTIME: 'a group-window auxiliary', SESSION_PROCTIME: 'a group-window auxiliary',
  MATCH_ROWTIME: 'only in MATCH_RECOGNIZE MEASURES', MATCH_PROCTIME: 'only in MATCH_RECOGNIZE MEASURES',
};

/** One probe call. */
export interface ProbeCall {
  readonly id: string;
  readonly fn: string;
  readonly sql: string;
  readonly nondeterministic?: true;
}

/** One recorded answer of Flink 1.20.1 (a line of the fixture). */
export interface ProbeAnswer extends ProbeCall {
  /** The result type as Flink prints it (asSerializableString), when accepted. */
  readonly type?: string;
  /** The value as the oracle renders it (`renderResult`), when it ran. */
  readonly value?: string;
  readonly error?: { readonly stage: string; readonly message: string };
}

function render(name: string, spec: ProbeSpec, args: readonly string[]): string {
  if (spec.write) return spec.write(args);
  const f = FUNCTIONS[name as BuiltinFunctionName];
  if (f.syntax === 'niladic') return name;
  return `${name}(${args.join(', ')})`;
}

/** Every probe call: the default call at each arity, then each position varied over the lattice (and units). */
export function probeCalls(): ProbeCall[] {
  const out: ProbeCall[] = [];
  const seen = new Set<string>();
  for (const [name, spec] of Object.entries(PROBE_SPECS) as [string, ProbeSpec][]) {
    const f = FUNCTIONS[name as BuiltinFunctionName];
    const add = (args: readonly string[]): void => {
      const sql = render(name, spec, args);
      if (seen.has(sql)) return;
      seen.add(sql);
      out.push({ id: `${name}-${String(out.filter((c) => c.fn === name).length + 1).padStart(3, '0')}`, fn: name, sql, ...(spec.nondeterministic || (spec.clockWithoutArgs && args.length === 0) ? { nondeterministic: true as const } : {}) });
    };
    const lo = Math.min(f.minArgs, spec.args.length);
    for (let n = spec.write ? spec.args.length : lo; n <= spec.args.length; n++) add(spec.args.slice(0, n));
    for (let p = 0; p < spec.args.length; p++) {
      if (p === spec.unit) {
        for (const u of TIME_UNITS) add(spec.args.map((a, i) => (i === p ? u : a)));
        continue;
      }
      for (const a of PROBE_ARGS) add(spec.args.map((d, i) => (i === p ? (a.sql ?? a.name) : d)));
    }
    // A unit with each temporal operand: the classes TIMESTAMPDIFF showed (TIME below MONTH, DATE with TIME …).
    if (spec.unit !== undefined) {
      for (const u of TIME_UNITS) {
        for (let p = 0; p < spec.args.length; p++) {
          if (p === spec.unit) continue;
          for (const t of ['dt', 'tm', 'ts9', 'ltz', 'lit_str']) {
            const arg = PROBE_ARGS.find((a) => a.name === t) as ProbeArg;
            if (name === 'TIMESTAMPADD' && p === 1) continue;
            add(spec.args.map((d, i) => (i === spec.unit ? u : i === p ? (arg.sql ?? arg.name) : d)));
          }
        }
      }
    }
  }
  return out;
}
