/**
 * The Flink 1.20 built-in functions callable as `NAME(args)`, with their arity, result type and nullability,
 * transcribed from the Flink 1.20.1 function reference (FlinkSqlOperatorTable, BuiltInFunctionDefinitions,
 * sql_functions.yml). Special forms with their own syntax (CAST, EXTRACT, TRIM, SUBSTRING … FROM, OVERLAY,
 * POSITION, JSON_VALUE/QUERY/EXISTS/OBJECT/ARRAY, FLOOR/CEIL … TO) are AST nodes of their own, not entries here.
 *
 * One table drives both the typed `fn.*` builders (their TypeScript result types) and `inferFunctionType`.
 *
 * `returns` is a fixed type (`'STRING'`, `'TIMESTAMP_LTZ(3)'`, `'CHAR(32)'` …) or a rule:
 * - `arg0`: the first argument's type; `varyingArg0`: the same with CHAR / BINARY made VARCHAR / VARBINARY of that length;  `arg1`: the second argument's;  `last`: the last argument's;  `common`: the arguments' common type;
 * - `element`: the element type of the ARRAY argument; `arrayOfArg0`: `ARRAY<arg0>`; `multisetOfArg0`;
 * - `avg` / `sum`: the aggregate rules (same type as the argument; DECIMAL widened to precision 38);
 * - `round`: ROUND/TRUNCATE (arg0's type; DECIMAL scale from the literal);
 * - `rowtime`: TIMESTAMP(3), or TIMESTAMP_LTZ(3) when the first argument is a TIMESTAMP_LTZ (a window's rowtime);
 * - `mapKeys` / `mapValues` / `mapEntries` / `mapFromArrays` / `strToMap` / `splitArray`.
 * `nullable`: `args` (nullable if any argument is), `always`, `never`, `arg0`, `all` (nullable only if every
 * argument is: COALESCE), `last` (nullable only if the last argument is: IFNULL).
 */

export type FunctionKind = 'scalar' | 'aggregate' | 'window';
export type ReturnRule =
  | 'arg0' | 'varyingArg0' | 'arg1' | 'last' | 'common' | 'element' | 'arrayOfArg0' | 'multisetOfArg0' | 'avg' | 'sum' | 'round'
  | 'rowtime' | 'mapKeys' | 'mapValues' | 'mapEntries' | 'mapFromArrays' | 'strToMap' | 'splitArray'
  | 'STRING' | 'BOOLEAN' | 'INT' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIME(0)' | 'TIMESTAMP(3)' | 'TIMESTAMP_LTZ(3)'
  | 'CHAR(32)' | 'CHAR(36)' | 'CHAR(40)' | 'CHAR(56)' | 'CHAR(64)' | 'CHAR(96)' | 'CHAR(128)' | 'VARCHAR(128)'
  | 'VARCHAR(2000)' | 'BINARY(1)' | 'BYTES';
export type NullRule = 'args' | 'always' | 'never' | 'arg0' | 'all' | 'last';

export interface FunctionSignature {
  readonly kind: FunctionKind;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  readonly returns: ReturnRule;
  readonly nullable: NullRule;
}

const V = Infinity;
const s = <Ret extends ReturnRule, Nul extends NullRule>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul) =>
  ({ kind: 'scalar', minArgs, maxArgs, returns, nullable }) as const;
/** A scalar whose result is nullable exactly when an argument is. */
const sa = <Ret extends ReturnRule>(minArgs: number, maxArgs: number, returns: Ret) => s(minArgs, maxArgs, returns, 'args');
const agg = <Ret extends ReturnRule, Nul extends NullRule>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul) =>
  ({ kind: 'aggregate', minArgs, maxArgs, returns, nullable }) as const;
const win = <Ret extends ReturnRule, Nul extends NullRule>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul) =>
  ({ kind: 'window', minArgs, maxArgs, returns, nullable }) as const;

export const FUNCTIONS = {
  // arithmetic / math
  MOD: sa(2, 2, 'arg1'), POWER: sa(2, 2, 'DOUBLE'), ABS: sa(1, 1, 'arg0'), SQRT: sa(1, 1, 'DOUBLE'), LN: sa(1, 1, 'DOUBLE'),
  LOG10: sa(1, 1, 'DOUBLE'), LOG2: sa(1, 1, 'DOUBLE'), LOG: sa(1, 2, 'DOUBLE'), EXP: sa(1, 1, 'DOUBLE'),
  CEIL: sa(1, 1, 'round'), CEILING: sa(1, 1, 'round'), FLOOR: sa(1, 1, 'round'),
  SIN: sa(1, 1, 'DOUBLE'), COS: sa(1, 1, 'DOUBLE'), TAN: sa(1, 1, 'DOUBLE'), COT: sa(1, 1, 'DOUBLE'), ASIN: sa(1, 1, 'DOUBLE'),
  ACOS: sa(1, 1, 'DOUBLE'), ATAN: sa(1, 1, 'DOUBLE'), DEGREES: sa(1, 1, 'DOUBLE'), RADIANS: sa(1, 1, 'DOUBLE'),
  SINH: sa(1, 1, 'DOUBLE'), TANH: sa(1, 1, 'DOUBLE'), COSH: sa(1, 1, 'DOUBLE'), ATAN2: sa(2, 2, 'DOUBLE'),
  SIGN: sa(1, 1, 'arg0'), ROUND: sa(1, 2, 'round'), TRUNCATE: sa(1, 2, 'round'),
  PI: s(0, 0, 'DOUBLE', 'never'), E: s(0, 0, 'DOUBLE', 'never'), RAND: sa(0, 1, 'DOUBLE'), RAND_INTEGER: sa(1, 2, 'INT'),
  UUID: s(0, 0, 'CHAR(36)', 'never'), BIN: sa(1, 1, 'STRING'), HEX: sa(1, 1, 'STRING'),
  // strings
  CHAR_LENGTH: sa(1, 1, 'INT'), CHARACTER_LENGTH: sa(1, 1, 'INT'), UPPER: sa(1, 1, 'arg0'), LOWER: sa(1, 1, 'arg0'),
  LTRIM: sa(1, 2, 'varyingArg0'), RTRIM: sa(1, 2, 'varyingArg0'), REPEAT: sa(2, 2, 'STRING'), REGEXP_REPLACE: sa(3, 3, 'STRING'),
  REPLACE: sa(3, 3, 'STRING'), REGEXP_EXTRACT: s(2, 3, 'STRING', 'always'), INITCAP: sa(1, 1, 'arg0'),
  CONCAT: sa(1, V, 'STRING'), CONCAT_WS: sa(2, V, 'STRING'), LPAD: sa(3, 3, 'STRING'), RPAD: sa(3, 3, 'STRING'),
  FROM_BASE64: sa(1, 1, 'STRING'), TO_BASE64: sa(1, 1, 'STRING'), ASCII: sa(1, 1, 'INT'), CHR: s(1, 1, 'STRING', 'always'),
  DECODE: s(2, 2, 'STRING', 'always'), ENCODE: s(2, 2, 'BINARY(1)', 'always'), INSTR: sa(2, 4, 'INT'),
  LEFT: s(2, 2, 'varyingArg0', 'always'), RIGHT: s(2, 2, 'varyingArg0', 'always'), LOCATE: sa(2, 3, 'INT'),
  PARSE_URL: s(2, 3, 'STRING', 'always'), REGEXP: sa(2, 2, 'BOOLEAN'), REVERSE: s(1, 1, 'STRING', 'always'),
  SPLIT_INDEX: s(3, 3, 'STRING', 'always'), STR_TO_MAP: s(1, 3, 'strToMap', 'always'), SUBSTR: s(2, 3, 'varyingArg0', 'always'),
  // temporal
  LOCALTIME: s(0, 0, 'TIME(0)', 'never'), LOCALTIMESTAMP: s(0, 0, 'TIMESTAMP(3)', 'never'),
  CURRENT_TIME: s(0, 0, 'TIME(0)', 'never'), CURRENT_DATE: s(0, 0, 'DATE', 'never'),
  CURRENT_TIMESTAMP: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'), NOW: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'),
  CURRENT_ROW_TIMESTAMP: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'),
  YEAR: sa(1, 1, 'BIGINT'), QUARTER: sa(1, 1, 'BIGINT'), MONTH: sa(1, 1, 'BIGINT'), WEEK: sa(1, 1, 'BIGINT'),
  DAYOFYEAR: sa(1, 1, 'BIGINT'), DAYOFMONTH: sa(1, 1, 'BIGINT'), DAYOFWEEK: sa(1, 1, 'BIGINT'), HOUR: sa(1, 1, 'BIGINT'),
  MINUTE: sa(1, 1, 'BIGINT'), SECOND: sa(1, 1, 'BIGINT'),
  DATE_FORMAT: s(2, 2, 'STRING', 'always'), TIMESTAMPADD: sa(3, 3, 'last'), TIMESTAMPDIFF: sa(3, 3, 'INT'),
  CONVERT_TZ: s(3, 3, 'STRING', 'always'), FROM_UNIXTIME: s(1, 2, 'STRING', 'always'), UNIX_TIMESTAMP: sa(0, 2, 'BIGINT'),
  TO_DATE: s(1, 2, 'DATE', 'always'), TO_TIMESTAMP_LTZ: s(2, 2, 'TIMESTAMP_LTZ(3)', 'always'),
  TO_TIMESTAMP: s(1, 2, 'TIMESTAMP(3)', 'always'), CURRENT_WATERMARK: s(1, 1, 'arg0', 'always'),
  PROCTIME: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'), SOURCE_WATERMARK: s(0, 0, 'TIMESTAMP(3)', 'always'),
  // conditional
  NULLIF: s(2, 2, 'arg0', 'always'), COALESCE: s(1, V, 'common', 'all'), IF: sa(3, 3, 'arg1'), IFNULL: s(2, 2, 'common', 'last'),
  IS_ALPHA: s(1, 1, 'BOOLEAN', 'never'), IS_DECIMAL: s(1, 1, 'BOOLEAN', 'never'), IS_DIGIT: s(1, 1, 'BOOLEAN', 'never'),
  GREATEST: sa(1, V, 'common'), LEAST: sa(1, V, 'common'), TYPEOF: s(1, 2, 'STRING', 'always'),
  // collections
  CARDINALITY: sa(1, 1, 'INT'), ELEMENT: s(1, 1, 'element', 'always'), ARRAY_APPEND: s(2, 2, 'arg0', 'arg0'),
  ARRAY_CONTAINS: s(2, 2, 'BOOLEAN', 'arg0'), ARRAY_DISTINCT: sa(1, 1, 'arg0'), ARRAY_POSITION: sa(2, 2, 'INT'),
  ARRAY_PREPEND: s(2, 2, 'arg0', 'arg0'), ARRAY_REMOVE: s(2, 2, 'arg0', 'arg0'), ARRAY_REVERSE: sa(1, 1, 'arg0'),
  ARRAY_SLICE: sa(2, 3, 'arg0'), ARRAY_SORT: sa(1, 3, 'arg0'), ARRAY_UNION: sa(2, 2, 'arg0'), ARRAY_CONCAT: sa(1, V, 'arg0'),
  ARRAY_EXCEPT: sa(2, 2, 'arg0'), ARRAY_INTERSECT: sa(2, 2, 'arg0'), ARRAY_MAX: s(1, 1, 'element', 'always'),
  ARRAY_JOIN: sa(2, 3, 'STRING'), ARRAY_MIN: s(1, 1, 'element', 'always'), MAP_KEYS: sa(1, 1, 'mapKeys'),
  MAP_UNION: sa(1, V, 'arg0'), MAP_VALUES: sa(1, 1, 'mapValues'), MAP_ENTRIES: sa(1, 1, 'mapEntries'),
  MAP_FROM_ARRAYS: sa(2, 2, 'mapFromArrays'), SPLIT: sa(2, 2, 'splitArray'),
  // JSON (function forms)
  JSON_STRING: sa(1, 1, 'STRING'),
  // hashes
  MD5: sa(1, 1, 'CHAR(32)'), SHA1: sa(1, 1, 'CHAR(40)'), SHA224: sa(1, 1, 'CHAR(56)'), SHA256: sa(1, 1, 'CHAR(64)'),
  SHA384: sa(1, 1, 'CHAR(96)'), SHA512: sa(1, 1, 'CHAR(128)'), SHA2: sa(2, 2, 'VARCHAR(128)'), HASH_CODE: sa(1, 1, 'INT'),
  // misc
  CURRENT_DATABASE: s(0, 0, 'STRING', 'never'), PRINT: sa(2, 2, 'arg1'),
  // aggregates
  COUNT: agg(0, V, 'BIGINT', 'never'), AVG: agg(1, 1, 'avg', 'always'), SUM: agg(1, 1, 'sum', 'always'),
  MAX: agg(1, 1, 'arg0', 'always'), MIN: agg(1, 1, 'arg0', 'always'), STDDEV_POP: agg(1, 1, 'avg', 'always'),
  STDDEV_SAMP: agg(1, 1, 'avg', 'always'), VAR_POP: agg(1, 1, 'avg', 'always'), VAR_SAMP: agg(1, 1, 'avg', 'always'),
  VARIANCE: agg(1, 1, 'avg', 'always'), STDDEV: agg(1, 1, 'avg', 'always'), COLLECT: agg(1, 1, 'multisetOfArg0', 'never'),
  FIRST_VALUE: agg(1, 1, 'arg0', 'always'), LAST_VALUE: agg(1, 1, 'arg0', 'always'), LISTAGG: agg(1, 2, 'STRING', 'always'),
  ARRAY_AGG: agg(1, 1, 'arrayOfArg0', 'always'), JSON_OBJECTAGG: agg(2, 2, 'VARCHAR(2000)', 'never'),
  JSON_ARRAYAGG: agg(1, 1, 'VARCHAR(2000)', 'never'), APPROX_COUNT_DISTINCT: agg(1, 1, 'BIGINT', 'never'),
  GROUP_ID: agg(0, 0, 'BIGINT', 'never'), GROUPING: agg(1, V, 'BIGINT', 'never'), GROUPING_ID: agg(1, V, 'BIGINT', 'never'),
  // legacy group-window auxiliaries (GROUP BY TUMBLE(ts, size) …) and MATCH_RECOGNIZE time functions
  TUMBLE_START: s(2, 3, 'TIMESTAMP(3)', 'never'), TUMBLE_END: s(2, 3, 'TIMESTAMP(3)', 'never'),
  TUMBLE_ROWTIME: s(2, 3, 'rowtime', 'never'), TUMBLE_PROCTIME: s(2, 3, 'TIMESTAMP_LTZ(3)', 'never'),
  HOP_START: s(3, 4, 'TIMESTAMP(3)', 'never'), HOP_END: s(3, 4, 'TIMESTAMP(3)', 'never'),
  HOP_ROWTIME: s(3, 4, 'rowtime', 'never'), HOP_PROCTIME: s(3, 4, 'TIMESTAMP_LTZ(3)', 'never'),
  SESSION_START: s(2, 2, 'TIMESTAMP(3)', 'never'), SESSION_END: s(2, 2, 'TIMESTAMP(3)', 'never'),
  SESSION_ROWTIME: s(2, 2, 'rowtime', 'never'), SESSION_PROCTIME: s(2, 2, 'TIMESTAMP_LTZ(3)', 'never'),
  MATCH_ROWTIME: s(0, 1, 'rowtime', 'never'), MATCH_PROCTIME: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'),
  // window (OVER) functions
  RANK: win(0, 0, 'BIGINT', 'never'), DENSE_RANK: win(0, 0, 'BIGINT', 'never'), ROW_NUMBER: win(0, 0, 'BIGINT', 'never'),
  LEAD: win(1, 3, 'arg0', 'always'), LAG: win(1, 3, 'arg0', 'always'), CUME_DIST: win(0, 0, 'DOUBLE', 'never'),
  PERCENT_RANK: win(0, 0, 'DOUBLE', 'never'), NTILE: win(1, 1, 'BIGINT', 'never'),
} as const satisfies Record<string, FunctionSignature>;

export type BuiltinFunctionName = keyof typeof FUNCTIONS;

/** The signature of a built-in, by name (case-insensitive), or undefined when it is not a known built-in. */
export function builtinFunction(name: string): FunctionSignature | undefined {
  const upper = name.toUpperCase();
  return Object.hasOwn(FUNCTIONS, upper) ? FUNCTIONS[upper as BuiltinFunctionName] : undefined;
}
