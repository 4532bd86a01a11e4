/**
 * The expression family of the AST.
 *
 * Canonical forms (the parser normalises to them, the printer prints them, builders produce them):
 * - Built-in function names are stored upper-case (`UPPER`); user functions keep their written path.
 * - SQL special forms have their own node (`Extract`, `Trim`, `Substring`, `JsonValue`, …) whatever syntax
 *   they were written in (`SUBSTRING(s FROM 1 FOR 2)` and `SUBSTRING(s, 1, 2)` give the same node).
 * - Numeric literals keep their exact text, so DECIMAL digits and BIGINT values are never rounded.
 */
import type { DataType } from '../types/data-type.js';
import type { NodeBase, ObjectPath } from './node.js';
import type { Query, Relation } from './query.js';

// ---------------------------------------------------------------------------------------------------------
// Literals

/**
 * `'text'`. A literal continued on the following lines (`'ab'` and `'cde'` on the next line, as Flink reads them)
 * has `value` 'abcde' and its `fragments` as written, ['ab', 'cde'], which the printer keeps. A Unicode literal
 * (`U&'\0041'`, `U&'!0041' UESCAPE '!'`) has `unicode` (with its UESCAPE character, if one is written), its
 * `fragments` as written (escapes not applied) and its `value` with them applied.
 */
export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  readonly value: string;
  readonly fragments?: readonly string[];
  readonly unicode?: { readonly escape?: string };
}
/**
 * An exact numeric literal as written: `42`, `-7` is `Unary('-', 7)`, `1.50`, `1.5E3`.
 * Integer text types as INT (BIGINT when out of INT range), text with a point as DECIMAL, with an exponent as DOUBLE.
 */
export interface NumericLiteral extends NodeBase { readonly kind: 'NumericLiteral'; readonly text: string }
export interface BooleanLiteral extends NodeBase { readonly kind: 'BooleanLiteral'; readonly value: boolean }
export interface NullLiteral extends NodeBase { readonly kind: 'NullLiteral' }
/**
 * `X'0AFF'`: hex digits, upper-case, no prefix. A literal continued on the following lines (`X'AB'` and `'CD'` on the
 * next line: BINARY(2) 0xABCD, as Flink reads it) has `hex` 'ABCD' and its `fragments` as written, ['AB', 'CD'], which
 * the printer keeps.
 */
export interface BinaryLiteral extends NodeBase { readonly kind: 'BinaryLiteral'; readonly hex: string; readonly fragments?: readonly string[] }
/** `DATE '2020-01-01'`, `TIME '10:00:00'`, `TIMESTAMP '2020-01-01 10:00:00.123'`, `TIMESTAMP_LTZ '…'`. */
export interface TemporalLiteral extends NodeBase {
  readonly kind: 'TemporalLiteral';
  readonly type: 'DATE' | 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ';
  readonly value: string;
}

/** The units of EXTRACT, FLOOR/CEIL … TO, TIMESTAMPADD / TIMESTAMPDIFF (the parser's and the builders' one list). */
export const TIME_UNITS = [
  'MILLENNIUM', 'CENTURY', 'DECADE', 'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'HOUR', 'MINUTE', 'SECOND',
  'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'DOW', 'DOY', 'ISODOW', 'ISOYEAR', 'EPOCH',
] as const;
export type TimeUnit = typeof TIME_UNITS[number];

/** The JSON functions' and TRIM's keyword choices (the parser's and the builders' one list each). */
export const JSON_WRAPPERS = ['WITHOUT', 'CONDITIONAL', 'UNCONDITIONAL'] as const;
export type JsonWrapper = typeof JSON_WRAPPERS[number];
export const JSON_EXISTS_ON_ERROR = ['TRUE', 'FALSE', 'UNKNOWN', 'ERROR'] as const;
export type JsonExistsOnError = typeof JSON_EXISTS_ON_ERROR[number];
export const IS_JSON_TYPES = ['VALUE', 'SCALAR', 'ARRAY', 'OBJECT'] as const;
export type IsJsonType = typeof IS_JSON_TYPES[number];
export const JSON_ON_NULL = ['NULL', 'ABSENT'] as const;
export type JsonOnNull = typeof JSON_ON_NULL[number];
/** TRIM's side. */
export const TRIM_SIDES = ['BOTH', 'LEADING', 'TRAILING'] as const;
export type TrimSide = typeof TRIM_SIDES[number];

/** The qualifier of an INTERVAL literal: `SECOND`, `DAY(3) TO SECOND(3)`, `YEAR TO MONTH`. */
export interface IntervalQualifier {
  readonly start: 'YEAR' | 'MONTH' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND';
  readonly end?: 'MONTH' | 'HOUR' | 'MINUTE' | 'SECOND';
  readonly startPrecision?: number;
  /** Fractional-second precision when the qualifier ends (or is) SECOND with an explicit precision. */
  readonly fractionalPrecision?: number;
}

/** `INTERVAL '10' SECOND`, `INTERVAL -'1-2' YEAR TO MONTH`. `value` is the quoted text. */
export interface IntervalLiteral extends NodeBase {
  readonly kind: 'IntervalLiteral';
  readonly negative: boolean;
  readonly value: string;
  readonly qualifier: IntervalQualifier;
}

export type Literal =
  | StringLiteral
  | NumericLiteral
  | BooleanLiteral
  | NullLiteral
  | BinaryLiteral
  | TemporalLiteral
  | IntervalLiteral;

// ---------------------------------------------------------------------------------------------------------
// References

/** `col` or `t.col`. Longer paths (`t.col.field`) are `FieldAccess` over a `ColumnRef`. */
export interface ColumnRef extends NodeBase {
  readonly kind: 'ColumnRef';
  /** The table or alias qualifier, if any. */
  readonly table?: string;
  readonly name: string;
}

/** `row_col.field`. */
export interface FieldAccess extends NodeBase { readonly kind: 'FieldAccess'; readonly operand: Expression; readonly field: string }
/** `arr[1]`, `map['k']`. */
export interface Subscript extends NodeBase { readonly kind: 'Subscript'; readonly operand: Expression; readonly index: Expression }

// ---------------------------------------------------------------------------------------------------------
// Operators

export type UnaryOperator = '-' | '+' | 'NOT';
export interface Unary extends NodeBase { readonly kind: 'Unary'; readonly op: UnaryOperator; readonly operand: Expression }

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | '||' | 'AND' | 'OR';
export interface Binary extends NodeBase {
  readonly kind: 'Binary';
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `x IS [NOT] NULL`. */
export interface IsNull extends NodeBase { readonly kind: 'IsNull'; readonly operand: Expression; readonly negated: boolean }
/** `x IS [NOT] TRUE | FALSE | UNKNOWN`. */
export interface IsTruth extends NodeBase {
  readonly kind: 'IsTruth';
  readonly operand: Expression;
  readonly value: 'TRUE' | 'FALSE' | 'UNKNOWN';
  readonly negated: boolean;
}
/** `a IS [NOT] DISTINCT FROM b`. */
export interface IsDistinctFrom extends NodeBase {
  readonly kind: 'IsDistinctFrom';
  readonly left: Expression;
  readonly right: Expression;
  readonly negated: boolean;
}
/** `x [NOT] IN (a, b)` or `x [NOT] IN (SELECT …)`. Exactly one of `values` / `query` is set. */
export interface In extends NodeBase {
  readonly kind: 'In';
  readonly operand: Expression;
  readonly values?: readonly Expression[];
  readonly query?: Query;
  readonly negated: boolean;
}
/** `x [NOT] BETWEEN [SYMMETRIC] low AND high`. */
export interface Between extends NodeBase {
  readonly kind: 'Between';
  readonly operand: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
  readonly symmetric: boolean;
}
/** `x [NOT] LIKE p [ESCAPE e]`, `x [NOT] SIMILAR TO p [ESCAPE e]`. */
export interface Like extends NodeBase {
  readonly kind: 'Like';
  readonly op: 'LIKE' | 'SIMILAR TO';
  readonly operand: Expression;
  readonly pattern: Expression;
  readonly escape?: Expression;
  readonly negated: boolean;
}
/** `[NOT] EXISTS (SELECT …)`; NOT is a `Unary` around it. */
export interface Exists extends NodeBase { readonly kind: 'Exists'; readonly query: Query }
/** A scalar subquery `(SELECT …)`. */
export interface ScalarSubquery extends NodeBase { readonly kind: 'ScalarSubquery'; readonly query: Query }

// ---------------------------------------------------------------------------------------------------------
// Conditionals and casts

export interface WhenClause {
  readonly when: Expression;
  /**
   * A simple CASE's further values: `CASE x WHEN 1, 2 THEN …` is `{ when: 1, extraValues: [2] }` (true when `x`
   * equals any of them). Kept as a list, not rewritten to `x IN (1, 2)`, so `x` is never copied: copies made
   * nested CASEs exponential.
   */
  readonly extraValues?: readonly Expression[];
  readonly then: Expression;
}
/** `CASE [operand] WHEN … THEN … [ELSE …] END`. IF / COALESCE / NULLIF / IFNULL are `FunctionCall`s. */
export interface Case extends NodeBase {
  readonly kind: 'Case';
  readonly operand?: Expression;
  readonly whens: readonly WhenClause[];
  readonly else?: Expression;
}
/** `CAST(x AS t)` / `TRY_CAST(x AS t)`. */
export interface Cast extends NodeBase {
  readonly kind: 'Cast';
  readonly operand: Expression;
  readonly type: DataType;
  readonly try: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Function calls, aggregates and OVER windows

export type FrameBound =
  | { readonly kind: 'UnboundedPreceding' }
  | { readonly kind: 'UnboundedFollowing' }
  | { readonly kind: 'CurrentRow' }
  | { readonly kind: 'Preceding'; readonly offset: Expression }
  | { readonly kind: 'Following'; readonly offset: Expression };

export interface WindowFrame {
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: FrameBound;
  /** Absent for the short form `ROWS UNBOUNDED PRECEDING`. */
  readonly end?: FrameBound;
}

/** `NULLS FIRST` / `NULLS LAST` of an ORDER BY item (the builders' one list). */
export const NULLS_ORDERS = ['FIRST', 'LAST'] as const;
export type NullsOrder = typeof NULLS_ORDERS[number];

export interface OrderItem extends NodeBase {
  readonly expr: Expression;
  readonly direction?: 'ASC' | 'DESC';
  readonly nulls?: NullsOrder;
}

/** The contents of `OVER (…)`, or of a named window in `WINDOW w AS (…)`. */
export interface WindowSpec extends NodeBase {
  /** A reference to a named window this one extends: `OVER (w ORDER BY …)`. */
  readonly base?: string;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly frame?: WindowFrame;
}

export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  /** Built-ins: one upper-case name (`['UPPER']`). User functions: the path as written. */
  readonly name: ObjectPath;
  readonly args: readonly Expression[];
  /** `COUNT(*)`: args is empty and `star` is true. */
  readonly star?: boolean;
  /** `COUNT(DISTINCT x)`. */
  readonly distinct?: boolean;
  /** `FILTER (WHERE …)` on an aggregate. */
  readonly filter?: Expression;
  /** `WITHIN GROUP (ORDER BY …)` for LISTAGG-style aggregates. */
  readonly withinGroup?: readonly OrderItem[];
  /** `ARRAY_AGG(x IGNORE NULLS)` / `RESPECT NULLS` (absent: as written without, RESPECT for ARRAY_AGG). */
  readonly nulls?: 'RESPECT' | 'IGNORE';
  /**
   * `JSON_OBJECTAGG(KEY k VALUE v NULL ON NULL)` / `JSON_ARRAYAGG(x ABSENT ON NULL)`: args are [k, v] / [x]; absent
   * means the function's default (NULL ON NULL for JSON_OBJECTAGG, ABSENT ON NULL for JSON_ARRAYAGG).
   */
  readonly onNull?: JsonOnNull;
  /** `OVER (…)` (a spec) or `OVER w` (a window name). */
  readonly over?: WindowSpec | string;
}

/** A time unit used as a function argument: `TIMESTAMPADD(DAY, 1, ts)`, `TIMESTAMPDIFF(HOUR, a, b)`. */
export interface TimeUnitArg extends NodeBase { readonly kind: 'TimeUnitArg'; readonly unit: TimeUnit }

/** `EXTRACT(unit FROM x)`. */
export interface Extract extends NodeBase { readonly kind: 'Extract'; readonly unit: TimeUnit; readonly operand: Expression }
/** `FLOOR(x TO unit)` / `CEIL(x TO unit)`. Plain `FLOOR(x)` is a `FunctionCall`. */
export interface FloorCeil extends NodeBase {
  readonly kind: 'FloorCeil';
  readonly op: 'FLOOR' | 'CEIL';
  readonly operand: Expression;
  readonly unit: TimeUnit;
}
/** `TRIM([BOTH|LEADING|TRAILING] [chars] FROM x)`; `TRIM(x)` is side BOTH without chars. */
export interface Trim extends NodeBase {
  readonly kind: 'Trim';
  readonly side: TrimSide;
  readonly chars?: Expression;
  readonly operand: Expression;
}
/** `SUBSTRING(x FROM start [FOR length])` = `SUBSTRING(x, start [, length])`. */
export interface Substring extends NodeBase {
  readonly kind: 'Substring';
  readonly operand: Expression;
  readonly start: Expression;
  readonly length?: Expression;
}
/** `OVERLAY(x PLACING y FROM start [FOR length])`. */
export interface Overlay extends NodeBase {
  readonly kind: 'Overlay';
  readonly operand: Expression;
  readonly placing: Expression;
  readonly start: Expression;
  readonly length?: Expression;
}
/** `POSITION(needle IN haystack [FROM start])`. */
export interface Position extends NodeBase {
  readonly kind: 'Position';
  readonly needle: Expression;
  readonly haystack: Expression;
  readonly start?: Expression;
}

// ---------------------------------------------------------------------------------------------------------
// JSON special forms

export type JsonBehavior =
  | { readonly kind: 'Null' }
  | { readonly kind: 'Error' }
  | { readonly kind: 'Default'; readonly value: Expression }
  | { readonly kind: 'EmptyArray' }
  | { readonly kind: 'EmptyObject' };

/** `JSON_VALUE(x, path [RETURNING t] [behavior ON EMPTY] [behavior ON ERROR])`. */
export interface JsonValue extends NodeBase {
  readonly kind: 'JsonValue';
  readonly operand: Expression;
  readonly path: Expression;
  readonly returning?: DataType;
  readonly onEmpty?: JsonBehavior;
  readonly onError?: JsonBehavior;
}
/** `JSON_QUERY(x, path [RETURNING t] [wrapper] [… ON EMPTY] [… ON ERROR])`. */
export interface JsonQuery extends NodeBase {
  readonly kind: 'JsonQuery';
  readonly operand: Expression;
  readonly path: Expression;
  readonly returning?: DataType;
  readonly wrapper: JsonWrapper;
  readonly onEmpty?: JsonBehavior;
  readonly onError?: JsonBehavior;
}
/** `JSON_EXISTS(x, path [TRUE|FALSE|UNKNOWN|ERROR ON ERROR])`. */
export interface JsonExists extends NodeBase {
  readonly kind: 'JsonExists';
  readonly operand: Expression;
  readonly path: Expression;
  readonly onError?: JsonExistsOnError;
}
/** `x IS [NOT] JSON [VALUE|SCALAR|ARRAY|OBJECT]`. */
export interface IsJson extends NodeBase {
  readonly kind: 'IsJson';
  readonly operand: Expression;
  readonly type?: IsJsonType;
  readonly negated: boolean;
}
export interface JsonObjectEntry { readonly key: Expression; readonly value: Expression }
/** `JSON_OBJECT([KEY] k VALUE v, … [NULL|ABSENT ON NULL])`. Default ON NULL is NULL. */
export interface JsonObject extends NodeBase {
  readonly kind: 'JsonObject';
  readonly entries: readonly JsonObjectEntry[];
  readonly onNull: JsonOnNull;
}
/** `JSON_ARRAY(v, … [NULL|ABSENT ON NULL])`. Default ON NULL is ABSENT. */
export interface JsonArray extends NodeBase {
  readonly kind: 'JsonArray';
  readonly values: readonly Expression[];
  readonly onNull: JsonOnNull;
}

// ---------------------------------------------------------------------------------------------------------
// Constructors

export interface ArrayConstructor extends NodeBase { readonly kind: 'ArrayConstructor'; readonly elements: readonly Expression[] }
/** `MAP[k1, v1, k2, v2]`. */
export interface MapConstructor extends NodeBase {
  readonly kind: 'MapConstructor';
  readonly entries: readonly { readonly key: Expression; readonly value: Expression }[];
}
/** `ROW(a, b)`; `explicit: false` for the bare `(a, b)` form. */
export interface RowConstructor extends NodeBase {
  readonly kind: 'RowConstructor';
  readonly fields: readonly Expression[];
  readonly explicit: boolean;
}

// ---------------------------------------------------------------------------------------------------------
// Table-function arguments (window TVFs)

/** `TABLE t [PARTITION BY cols]` as a TVF argument (PARTITION BY: SESSION windows per key). */
export interface TableArg extends NodeBase { readonly kind: 'TableArg'; readonly relation: Relation; readonly partitionBy?: readonly Expression[] }
/** `DESCRIPTOR(col, …)`. */
export interface Descriptor extends NodeBase { readonly kind: 'Descriptor'; readonly columns: readonly string[] }
/** `name => value` in a call with named arguments (`DATA => TABLE t`). */
export interface NamedArg extends NodeBase { readonly kind: 'NamedArg'; readonly name: string; readonly value: Expression }

// ---------------------------------------------------------------------------------------------------------
// Escape hatch

/**
 * Raw SQL from the `sql` template tag: `parts` are the literal template strings (printed verbatim),
 * `args` the interpolated expressions (printed as SQL, so literals are escaped). `type` is what the user declared.
 * The parser never produces this node.
 */
export interface RawSql extends NodeBase {
  readonly kind: 'RawSql';
  readonly parts: readonly string[];
  readonly args: readonly Expression[];
  readonly type?: DataType;
}

export type Expression =
  | Literal
  | ColumnRef
  | FieldAccess
  | Subscript
  | Unary
  | Binary
  | IsNull
  | IsTruth
  | IsDistinctFrom
  | In
  | Between
  | Like
  | Exists
  | ScalarSubquery
  | Case
  | Cast
  | FunctionCall
  | TimeUnitArg
  | Extract
  | FloorCeil
  | Trim
  | Substring
  | Overlay
  | Position
  | JsonValue
  | JsonQuery
  | JsonExists
  | IsJson
  | JsonObject
  | JsonArray
  | ArrayConstructor
  | MapConstructor
  | RowConstructor
  | TableArg
  | Descriptor
  | NamedArg
  | RawSql;

/** Every expression node's `kind`, for a check at the public API's boundary (tsc keeps the list complete). */
export const EXPRESSION_KINDS: ReadonlySet<string> = new Set(Object.keys({
  StringLiteral: true,
  NumericLiteral: true,
  BooleanLiteral: true,
  NullLiteral: true,
  BinaryLiteral: true,
  TemporalLiteral: true,
  IntervalLiteral: true,
  ColumnRef: true,
  FieldAccess: true,
  Subscript: true,
  Unary: true,
  Binary: true,
  IsNull: true,
  IsTruth: true,
  IsDistinctFrom: true,
  In: true,
  Between: true,
  Like: true,
  Exists: true,
  ScalarSubquery: true,
  Case: true,
  Cast: true,
  FunctionCall: true,
  TimeUnitArg: true,
  Extract: true,
  FloorCeil: true,
  Trim: true,
  Substring: true,
  Overlay: true,
  Position: true,
  JsonValue: true,
  JsonQuery: true,
  JsonExists: true,
  IsJson: true,
  JsonObject: true,
  JsonArray: true,
  ArrayConstructor: true,
  MapConstructor: true,
  RowConstructor: true,
  TableArg: true,
  Descriptor: true,
  NamedArg: true,
  RawSql: true,
} satisfies Record<Expression['kind'], true>));

export type ExpressionKind = Expression['kind'];
