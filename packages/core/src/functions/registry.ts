/**
 * The one registry of Flink 1.20 built-in functions: one record per built-in, transcribed from the Flink 1.20.1
 * function reference (FlinkSqlOperatorTable, BuiltInFunctionDefinitions, sql_functions.yml) and checked against
 * a real Flink 1.20.1 planner. Every consumer reads it: the parser (which names are built-ins, which are written
 * without parentheses), the printer, the analyzer's typing and argument checks, the typed `fn.*` builders and
 * the local runtime (implementations are keyed by these names; a registered built-in without an implementation
 * raises FTS7001, a name not registered here is not a Flink function).
 *
 * A record:
 * - `kind`: `scalar`, `aggregate`, `window` (OVER-only ranking / offset) or `table` (window table-valued functions);
 * - `syntax`: `call` (`NAME(args)`), `niladic` (written without parentheses, `NAME()` is an error:
 *   CURRENT_TIMESTAMP …) or `special` (syntax of its own with an AST node: CAST, EXTRACT, TRIM …, typed by that node);
 *   `bare: true` marks a call that may also be written without parentheses when no column has that name (PI);
 * - `aliases`: other names of the same function (CEILING for CEIL);
 * - `minArgs` / `maxArgs` (`Infinity` for variadic functions);
 * - `operands`: the argument families the planner checks (Calcite's operand type checkers), when Flink checks them;
 * - `returns`: a fixed type (`'STRING'`, `'TIMESTAMP_LTZ(3)'`, `'CHAR(32)'` …) or a rule:
 *   `arg0`: the first argument's type; `varyingArg0`: the same with CHAR / BINARY made VARCHAR / VARBINARY of that
 *   length; `arg1`: the second argument's; `last`: the last argument's; `common`: the arguments' common type;
 *   `element`: the element type of the ARRAY argument; `arrayOfArg0`: `ARRAY<arg0>`; `multisetOfArg0`;
 *   `avg` / `sum`: the aggregate rules (same type as the argument; DECIMAL widened to precision 38);
 *   `round`: ROUND/TRUNCATE (arg0's type; DECIMAL scale from the literal); `noScale`: CEIL/FLOOR (a DECIMAL keeps its
 *   precision with scale 0); `arrayWithArg1`: ARRAY_APPEND/PREPEND (the array, its element nullable when the added one is);
 *   `rowtime`: TIMESTAMP(3), or TIMESTAMP_LTZ(3) when the first argument is a TIMESTAMP_LTZ (a window's rowtime);
 *   `mapKeys` / `mapValues` / `mapEntries` / `mapFromArrays` / `strToMap` / `splitArray`;
 *   `node`: typed by its own AST node (special syntax); `rows`: a table (table-valued functions);
 * - `nullable`: `args` (nullable if any argument is), `always`, `never`, `arg0`, `all` (nullable only if every
 *   argument is: COALESCE), `last` (nullable only if the last argument is: IFNULL), `element` (nullable if the array or
 *   its element type is: ELEMENT).
 */

export type FunctionKind = 'scalar' | 'aggregate' | 'window' | 'table';
export type FunctionSyntax = 'call' | 'niladic' | 'special';
export type ReturnRule =
  | 'arg0' | 'varyingArg0' | 'arg1' | 'last' | 'common' | 'element' | 'arrayOfArg0' | 'multisetOfArg0' | 'avg' | 'sum' | 'round' | 'noScale' | 'arrayWithArg1'
  | 'rowtime' | 'mapKeys' | 'mapValues' | 'mapEntries' | 'mapFromArrays' | 'strToMap' | 'splitArray' | 'node' | 'rows'
  | 'STRING' | 'BOOLEAN' | 'INT' | 'BIGINT' | 'DOUBLE' | 'DATE' | 'TIME(0)' | 'TIMESTAMP(3)' | 'TIMESTAMP_LTZ(3)'
  | 'CHAR(32)' | 'CHAR(36)' | 'CHAR(40)' | 'CHAR(56)' | 'CHAR(64)' | 'CHAR(96)' | 'CHAR(128)' | 'VARCHAR(128)'
  | 'VARCHAR(2000)' | 'BINARY(1)' | 'BYTES';
export type NullRule = 'args' | 'always' | 'never' | 'arg0' | 'all' | 'last' | 'element';
/**
 * An operand family the planner checks: `character` (CHAR / VARCHAR), `string` (character or binary), `temporal`
 * (date, time, timestamp, interval), `datetimeText` (temporal or a character string), `numericOrInterval`, `integer`
 * (an exact integer: Calcite's INTEGER family), `binary` (BINARY / VARBINARY), `any` (not checked). Narrower ones the
 * type probe found (type-probe-1.20.1.jsonl): `int` (TINYINT / SMALLINT / INT: Flink's implementation takes a Java
 * int, a BIGINT fails when planned or when its generated code compiles), `numericNoDecimal` (ATAN2), `dateOrTimestamp`
 * (YEAR … DAYOFWEEK: no TIME), `timestampOrCharacter` (DATE_FORMAT), `numericOrCharacter` / `integerOrCharacter` /
 * `intOrCharacter`, `hashable` (HASH_CODE: not TIMESTAMP_LTZ, binary, ARRAY or MAP). An untyped NULL in any checked
 * position is "Illegal use of 'NULL'".
 */
export type OperandFamily =
  | 'numeric' | 'integer' | 'int' | 'numericNoDecimal' | 'numericOrInterval' | 'numericOrCharacter' | 'integerOrCharacter' | 'intOrCharacter'
  | 'character' | 'binary' | 'string' | 'temporal' | 'dateOrTimestamp' | 'datetimeText' | 'timestampOrCharacter' | 'hashable' | 'array' | 'map'
  | 'boolean' | 'any';

export interface FunctionSignature {
  readonly kind: FunctionKind;
  readonly syntax: FunctionSyntax;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  readonly returns: ReturnRule;
  readonly nullable: NullRule;
  readonly aliases?: readonly string[];
  /** Families of the leading arguments, or `strings` when every argument is a character string (CONCAT). */
  readonly operands?: readonly OperandFamily[] | 'strings';
  /** Also callable without parentheses when no column has the name (Calcite's FUNCTION_ID syntax: PI). */
  readonly bare?: true;
}

const V = Infinity;
type Extra = Pick<FunctionSignature, 'aliases' | 'operands' | 'bare'>;
const s = <Ret extends ReturnRule, Nul extends NullRule, const X extends Extra = {}>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul, extra?: X) =>
  ({ kind: 'scalar', syntax: 'call', minArgs, maxArgs, returns, nullable, ...(extra as X) }) as const;
/** A scalar whose result is nullable exactly when an argument is. */
const sa = <Ret extends ReturnRule, const X extends Extra = {}>(minArgs: number, maxArgs: number, returns: Ret, extra?: X) => s(minArgs, maxArgs, returns, 'args', extra);
/** A scalar with checked operand families, nullable exactly when an argument is. */
const sf = <Ret extends ReturnRule>(returns: Ret, operands: readonly OperandFamily[], minArgs = operands.length, maxArgs = operands.length) =>
  s(minArgs, maxArgs, returns, 'args', { operands });
/** Written without parentheses: CURRENT_TIMESTAMP. */
const niladic = <Ret extends ReturnRule>(returns: Ret) => ({ kind: 'scalar', syntax: 'niladic', minArgs: 0, maxArgs: 0, returns, nullable: 'never' }) as const;
/** Syntax of its own, typed by its AST node. */
const special = <Nul extends NullRule, const X extends Extra = {}>(minArgs: number, maxArgs: number, nullable: Nul, extra?: X) =>
  ({ kind: 'scalar', syntax: 'special', minArgs, maxArgs, returns: 'node', nullable, ...(extra as X) }) as const;
const agg = <Ret extends ReturnRule, Nul extends NullRule, const X extends Extra = {}>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul, extra?: X) =>
  ({ kind: 'aggregate', syntax: 'call', minArgs, maxArgs, returns, nullable, ...(extra as X) }) as const;
const win = <Ret extends ReturnRule, Nul extends NullRule>(minArgs: number, maxArgs: number, returns: Ret, nullable: Nul) =>
  ({ kind: 'window', syntax: 'call', minArgs, maxArgs, returns, nullable }) as const;
const tvf = (minArgs: number, maxArgs: number) => ({ kind: 'table', syntax: 'call', minArgs, maxArgs, returns: 'rows', nullable: 'never' }) as const;

const N1 = ['numeric'] as const;
const C1 = ['character'] as const;
const T1 = ['temporal'] as const;
const DT1 = ['dateOrTimestamp'] as const;

export const FUNCTIONS = {
  // arithmetic / math
  MOD: sf('arg1', ['numeric', 'numeric']), POWER: sf('DOUBLE', ['numeric', 'numeric']), ABS: sf('arg0', N1), SQRT: sf('DOUBLE', N1),
  LN: sf('DOUBLE', N1), LOG10: sf('DOUBLE', N1), LOG2: sf('DOUBLE', N1), LOG: sf('DOUBLE', ['numeric', 'numeric'], 1, 2), EXP: sf('DOUBLE', N1),
  CEIL: sa(1, 1, 'noScale', { aliases: ['CEILING'], operands: ['numericOrInterval'] }), FLOOR: sa(1, 1, 'noScale', { operands: ['numericOrInterval'] }),
  SIN: sf('DOUBLE', N1), COS: sf('DOUBLE', N1), TAN: sf('DOUBLE', N1), COT: sf('DOUBLE', N1), ASIN: sf('DOUBLE', N1),
  ACOS: sf('DOUBLE', N1), ATAN: sf('DOUBLE', N1), DEGREES: sf('DOUBLE', N1), RADIANS: sf('DOUBLE', N1),
  SINH: sf('DOUBLE', N1), TANH: sf('DOUBLE', N1), COSH: sf('DOUBLE', N1), ATAN2: sf('DOUBLE', ['numericNoDecimal', 'numericNoDecimal']),
  SIGN: sf('arg0', N1), ROUND: sf('round', ['numeric', 'int'], 1, 2), TRUNCATE: sf('round', ['numeric', 'int'], 1, 2),
  PI: s(0, 0, 'DOUBLE', 'never', { bare: true }), E: s(0, 0, 'DOUBLE', 'never'), RAND: sf('DOUBLE', ['int'], 0, 1), RAND_INTEGER: sf('INT', ['int', 'int'], 1, 2),
  UUID: s(0, 0, 'CHAR(36)', 'never'), BIN: sf('STRING', ['integer']), HEX: sf('STRING', ['integerOrCharacter']),
  // strings
  CHAR_LENGTH: sa(1, 1, 'INT', { aliases: ['CHARACTER_LENGTH'], operands: C1 }), UPPER: sf('arg0', C1), LOWER: sf('arg0', C1),
  LTRIM: sa(1, 2, 'varyingArg0', { operands: ['character', 'character'] }), RTRIM: sa(1, 2, 'varyingArg0', { operands: ['character', 'character'] }), REPEAT: sf('STRING', ['character', 'int']),
  REGEXP_REPLACE: sf('STRING', ['character', 'character', 'character']), REPLACE: sf('STRING', ['character', 'character', 'character']),
  REGEXP_EXTRACT: s(2, 3, 'STRING', 'always', { operands: ['character', 'character', 'integer'] }), INITCAP: sf('arg0', C1),
  CONCAT: sa(1, V, 'STRING', { operands: 'strings' }), CONCAT_WS: sa(2, V, 'STRING', { operands: 'strings' }),
  LPAD: sf('STRING', ['character', 'int', 'character']), RPAD: sf('STRING', ['character', 'int', 'character']),
  FROM_BASE64: sa(1, 1, 'STRING', { operands: ['string'] }), TO_BASE64: sa(1, 1, 'STRING', { operands: ['string'] }), ASCII: sf('INT', C1), CHR: s(1, 1, 'STRING', 'always', { operands: ['integer'] }),
  DECODE: s(2, 2, 'STRING', 'always', { operands: ['binary', 'character'] }), ENCODE: s(2, 2, 'BINARY(1)', 'always', { operands: ['character', 'character'] }), INSTR: sf('INT', ['character', 'character', 'int', 'int'], 2, 4),
  LEFT: s(2, 2, 'varyingArg0', 'always', { operands: ['character', 'int'] }), RIGHT: s(2, 2, 'varyingArg0', 'always', { operands: ['character', 'int'] }),
  LOCATE: sf('INT', ['character', 'character', 'int'], 2, 3),
  PARSE_URL: s(2, 3, 'STRING', 'always', { operands: ['character', 'character', 'character'] }), REGEXP: sf('BOOLEAN', ['character', 'character']), REVERSE: s(1, 1, 'STRING', 'always', { operands: C1 }),
  SPLIT_INDEX: s(3, 3, 'STRING', 'always', { operands: ['character', 'intOrCharacter', 'int'] }), STR_TO_MAP: s(1, 3, 'strToMap', 'always', { operands: ['character', 'character', 'character'] }),
  SUBSTR: s(2, 3, 'varyingArg0', 'always', { operands: ['character', 'int', 'int'] }),
  // temporal
  LOCALTIME: niladic('TIME(0)'), LOCALTIMESTAMP: niladic('TIMESTAMP(3)'), CURRENT_TIME: niladic('TIME(0)'), CURRENT_DATE: niladic('DATE'),
  CURRENT_TIMESTAMP: niladic('TIMESTAMP_LTZ(3)'), NOW: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'),
  CURRENT_ROW_TIMESTAMP: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'),
  YEAR: sf('BIGINT', DT1), QUARTER: sf('BIGINT', DT1), MONTH: sf('BIGINT', DT1), WEEK: sf('BIGINT', DT1),
  DAYOFYEAR: sf('BIGINT', DT1), DAYOFMONTH: sf('BIGINT', DT1), DAYOFWEEK: sf('BIGINT', DT1), HOUR: sf('BIGINT', T1),
  MINUTE: sf('BIGINT', T1), SECOND: sf('BIGINT', T1),
  DATE_FORMAT: s(2, 2, 'STRING', 'always', { operands: ['timestampOrCharacter', 'character'] }), TIMESTAMPADD: sa(3, 3, 'last'), TIMESTAMPDIFF: sa(3, 3, 'INT'),
  CONVERT_TZ: s(3, 3, 'STRING', 'always', { operands: ['character', 'character', 'character'] }), FROM_UNIXTIME: s(1, 2, 'STRING', 'always', { operands: ['integer', 'character'] }), UNIX_TIMESTAMP: sf('BIGINT', ['character', 'character'], 0, 2),
  TO_DATE: s(1, 2, 'DATE', 'always', { operands: ['character', 'character'] }),
  TO_TIMESTAMP_LTZ: s(2, 2, 'TIMESTAMP_LTZ(3)', 'always', { operands: ['numeric', 'int'] }),
  TO_TIMESTAMP: s(1, 2, 'TIMESTAMP(3)', 'always', { operands: ['character', 'character'] }), CURRENT_WATERMARK: s(1, 1, 'arg0', 'always'),
  PROCTIME: s(0, 0, 'TIMESTAMP_LTZ(3)', 'never'), SOURCE_WATERMARK: s(0, 0, 'TIMESTAMP(3)', 'always'),
  EXTRACT: special(2, 2, 'args'),
  // conditional
  NULLIF: s(2, 2, 'arg0', 'always'), COALESCE: s(1, V, 'common', 'all'), IF: sa(3, 3, 'arg1', { operands: ['boolean'] }), IFNULL: s(2, 2, 'common', 'last'),
  IS_ALPHA: s(1, 1, 'BOOLEAN', 'never', { operands: ['numericOrCharacter'] }), IS_DECIMAL: s(1, 1, 'BOOLEAN', 'never', { operands: ['numericOrCharacter'] }),
  IS_DIGIT: s(1, 1, 'BOOLEAN', 'never', { operands: ['numericOrCharacter'] }),
  GREATEST: sa(1, V, 'common'), LEAST: sa(1, V, 'common'), TYPEOF: s(1, 2, 'STRING', 'always'),
  // conversion, string forms, predicates and JSON with syntax of their own
  CAST: special(1, 1, 'arg0'), TRY_CAST: special(1, 1, 'always'), POSITION: special(2, 3, 'args', { operands: ['string', 'string', 'integer'] }), TRIM: special(1, 2, 'args', { operands: ['character', 'character'] }),
  OVERLAY: special(3, 4, 'args', { operands: ['character', 'character', 'integer', 'integer'] }), SUBSTRING: special(2, 3, 'always', { operands: ['character', 'int', 'int'] }), OVERLAPS: special(2, 2, 'args'),
  JSON_EXISTS: special(2, 2, 'always'), JSON_VALUE: special(2, 2, 'always'), JSON_QUERY: special(2, 2, 'always'),
  JSON_OBJECT: special(0, V, 'never'), JSON_ARRAY: special(0, V, 'never'),
  // collections
  CARDINALITY: sa(1, 1, 'INT'), ELEMENT: s(1, 1, 'element', 'element', { operands: ['array'] }),
  ARRAY_APPEND: sa(2, 2, 'arrayWithArg1'), ARRAY_CONTAINS: s(2, 2, 'BOOLEAN', 'arg0', { operands: ['array'] }), ARRAY_DISTINCT: sa(1, 1, 'arg0'),
  ARRAY_POSITION: sa(2, 2, 'INT'), ARRAY_PREPEND: sa(2, 2, 'arrayWithArg1'), ARRAY_REMOVE: s(2, 2, 'arg0', 'arg0'), ARRAY_REVERSE: sa(1, 1, 'arg0'),
  ARRAY_SLICE: sa(2, 3, 'arg0'), ARRAY_SORT: sa(1, 3, 'arg0'), ARRAY_UNION: sa(2, 2, 'arg0'), ARRAY_CONCAT: sa(1, V, 'arg0'),
  ARRAY_EXCEPT: sa(2, 2, 'arg0'), ARRAY_INTERSECT: sa(2, 2, 'arg0'), ARRAY_MAX: s(1, 1, 'element', 'always'),
  ARRAY_JOIN: sa(2, 3, 'STRING'), ARRAY_MIN: s(1, 1, 'element', 'always'), MAP_KEYS: sf('mapKeys', ['map']),
  MAP_UNION: sa(1, V, 'arg0'), MAP_VALUES: sf('mapValues', ['map']), MAP_ENTRIES: sf('mapEntries', ['map']),
  MAP_FROM_ARRAYS: sa(2, 2, 'mapFromArrays'), SPLIT: sa(2, 2, 'splitArray'),
  // JSON (function forms)
  JSON_STRING: sa(1, 1, 'STRING'),
  // hashes
  MD5: sf('CHAR(32)', ['string']), SHA1: sf('CHAR(40)', ['string']), SHA224: sf('CHAR(56)', ['string']), SHA256: sf('CHAR(64)', ['string']),
  SHA384: sf('CHAR(96)', ['string']), SHA512: sf('CHAR(128)', ['string']), SHA2: sf('VARCHAR(128)', ['string', 'numeric']), HASH_CODE: sf('INT', ['hashable']),
  // misc
  CURRENT_DATABASE: s(0, 0, 'STRING', 'never'), PRINT: sa(2, 2, 'arg1'),
  // aggregates
  COUNT: agg(0, V, 'BIGINT', 'never'), AVG: agg(1, 1, 'avg', 'always', { operands: ['numericOrInterval'] }),
  SUM: agg(1, 1, 'sum', 'always', { operands: ['numericOrInterval'] }),
  MAX: agg(1, 1, 'arg0', 'always'), MIN: agg(1, 1, 'arg0', 'always'), STDDEV_POP: agg(1, 1, 'avg', 'always'),
  STDDEV_SAMP: agg(1, 1, 'avg', 'always'), VAR_POP: agg(1, 1, 'avg', 'always'), VAR_SAMP: agg(1, 1, 'avg', 'always'),
  VARIANCE: agg(1, 1, 'avg', 'always'), STDDEV: agg(1, 1, 'avg', 'always'), COLLECT: agg(1, 1, 'multisetOfArg0', 'never'),
  FIRST_VALUE: agg(1, 1, 'arg0', 'always'), LAST_VALUE: agg(1, 1, 'arg0', 'always'), LISTAGG: agg(1, 2, 'STRING', 'always'),
  ARRAY_AGG: agg(1, 1, 'arrayOfArg0', 'always'), JSON_OBJECTAGG: agg(2, 2, 'VARCHAR(2000)', 'never'),
  JSON_ARRAYAGG: agg(1, 1, 'VARCHAR(2000)', 'never'), APPROX_COUNT_DISTINCT: agg(1, 1, 'BIGINT', 'never'),
  GROUP_ID: agg(0, 0, 'BIGINT', 'never'), GROUPING: agg(1, V, 'BIGINT', 'never'), GROUPING_ID: agg(1, V, 'BIGINT', 'never'),
  // window table-valued functions (FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size)) …), also the legacy GROUP BY TUMBLE(ts, size)
  TUMBLE: tvf(2, 4), HOP: tvf(3, 5), CUMULATE: tvf(3, 5), SESSION: tvf(2, 4),
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

/** A built-in with its canonical name (an alias resolves to the function it names). */
export interface BuiltinFunction extends FunctionSignature {
  readonly name: BuiltinFunctionName;
}

const BY_NAME: ReadonlyMap<string, BuiltinFunction> = new Map(
  (Object.entries(FUNCTIONS) as [BuiltinFunctionName, FunctionSignature][]).flatMap(([name, sig]) => {
    const f: BuiltinFunction = { ...sig, name };
    return [[name, f] as const, ...(sig.aliases ?? []).map((a) => [a, f] as const)];
  }),
);

/** The built-in of that name or alias (case-insensitive), or undefined when it is not a Flink 1.20 built-in. */
export function builtinFunction(name: string): BuiltinFunction | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** Every name and alias a built-in is called by. */
export const BUILTIN_NAMES: ReadonlySet<string> = new Set(BY_NAME.keys());

const namesWhere = (p: (f: BuiltinFunction) => boolean): ReadonlySet<string> => new Set([...BY_NAME].filter(([, f]) => p(f)).map(([n]) => n));

/** Built-ins written without parentheses (CURRENT_TIMESTAMP, LOCALTIME …): `NAME()` is an error in Flink. */
export const NILADIC_FUNCTIONS = namesWhere((f) => f.syntax === 'niladic');
/** Calls that may also be written without parentheses when no column has the name (PI). */
export const BARE_FUNCTIONS = namesWhere((f) => f.bare === true);
/** Aggregate functions (and their aliases). */
export const AGGREGATE_FUNCTIONS = namesWhere((f) => f.kind === 'aggregate');
/** Window table-valued functions. */
export const TABLE_FUNCTIONS = namesWhere((f) => f.kind === 'table');

/**
 * SQL's niladic keywords for which Flink 1.20 registers no function (USER, CURRENT_USER …): although reserved,
 * they are read as column references, spelled as written and resolved case-sensitively — `user` is the column
 * `user`, `USER` the column `USER` (checked on the Flink 1.20.1 planner).
 */
export const SQL_NILADIC_KEYWORDS: ReadonlySet<string> = new Set(['USER', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_CATALOG']);
