/**
 * fast-check generators for the ASTs the builders produce (no RawSql: the escape hatch prints user text
 * verbatim and is not expected to round-trip).
 */
import fc from 'fast-check';
import type { DataType, Expression, Query, Relation, SelectItem, Statement } from '../../src/index.js';

const identifier = fc.oneof(
  fc.constantFrom('a', 'b', 'user_id', 'timestamp', 'value', 'type', 'Amount', 'x y', 'weird`name', '订单'),
  fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
);

const scalarType: fc.Arbitrary<DataType> = fc.oneof(
  fc.constantFrom<DataType>(
    { kind: 'INT', nullable: true }, { kind: 'BIGINT', nullable: false }, { kind: 'BOOLEAN', nullable: true },
    { kind: 'DOUBLE', nullable: true }, { kind: 'DATE', nullable: true }, { kind: 'VARCHAR', length: 2147483647, nullable: true },
    { kind: 'TINYINT', nullable: true }, { kind: 'SMALLINT', nullable: false }, { kind: 'FLOAT', nullable: true },
    { kind: 'VARBINARY', length: 2147483647, nullable: true }, { kind: 'TIME', precision: 0, nullable: true },
    { kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', dayPrecision: 2, fractionalPrecision: 3, nullable: true },
    { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', yearPrecision: 2, nullable: true },
  ),
  fc.record({ kind: fc.constant('VARCHAR' as const), length: fc.integer({ min: 1, max: 1000 }), nullable: fc.boolean() }),
  fc.record({ kind: fc.constant('CHAR' as const), length: fc.integer({ min: 1, max: 100 }), nullable: fc.boolean() }),
  fc.integer({ min: 1, max: 38 }).chain((precision) =>
    fc.record({ kind: fc.constant('DECIMAL' as const), precision: fc.constant(precision), scale: fc.integer({ min: 0, max: precision }), nullable: fc.boolean() })),
  fc.record({ kind: fc.constantFrom('TIMESTAMP' as const, 'TIMESTAMP_LTZ' as const), precision: fc.integer({ min: 0, max: 9 }), nullable: fc.boolean() }),
);

export const dataType: fc.Arbitrary<DataType> = fc.letrec<{ t: DataType }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarType,
    fc.record({ kind: fc.constant('ARRAY' as const), element: tie('t'), nullable: fc.boolean() }),
    fc.record({ kind: fc.constant('MAP' as const), key: scalarType, value: tie('t'), nullable: fc.boolean() }),
    fc.record({ kind: fc.constant('ROW' as const), fields: fc.uniqueArray(fc.record({ name: identifier, type: scalarType }), { minLength: 1, maxLength: 3, selector: (f) => f.name }), nullable: fc.boolean() }),
  ),
})).t;

const literal: fc.Arbitrary<Expression> = fc.oneof(
  fc.string({ maxLength: 8 }).map((value) => ({ kind: 'StringLiteral', value }) as const),
  fc.oneof(fc.nat().map(String), fc.constantFrom('1.50', '12345678901234567890', '0.001', '1.5E3')).map((text) => ({ kind: 'NumericLiteral', text }) as const),
  fc.boolean().map((value) => ({ kind: 'BooleanLiteral', value }) as const),
  fc.constant({ kind: 'NullLiteral' } as const),
  fc.constantFrom('DATE', 'TIMESTAMP').map((type) => ({ kind: 'TemporalLiteral', type, value: type === 'DATE' ? '2024-01-02' : '2024-01-02 03:04:05.123' }) as Expression),
  fc.record({ kind: fc.constant('IntervalLiteral' as const), negative: fc.boolean(), value: fc.constantFrom('1', '10', '1-2'), qualifier: fc.constantFrom({ start: 'SECOND' as const }, { start: 'MINUTE' as const }, { start: 'YEAR' as const, end: 'MONTH' as const }) }),
);

const column: fc.Arbitrary<Expression> = fc.oneof(
  identifier.map((name) => ({ kind: 'ColumnRef', name }) as const),
  fc.tuple(identifier, identifier).map(([table, name]) => ({ kind: 'ColumnRef', table, name }) as const),
);

const SCALAR_FUNCTIONS = ['UPPER', 'HASH_CODE', 'COALESCE', 'DATE_FORMAT', 'TO_TIMESTAMP_LTZ', 'CONCAT', 'ABS', 'MD5'];

export const expression: fc.Arbitrary<Expression> = fc.letrec<{ e: Expression }>((tie) => {
  const e = tie('e');
  return {
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      literal,
      column,
      fc.record({ kind: fc.constant('Binary' as const), op: fc.constantFrom('+', '-', '*', '/', '%', '=', '<>', '<', '>=', '||', 'AND', 'OR' as const), left: e, right: e }),
      fc.record({ kind: fc.constant('Unary' as const), op: fc.constantFrom('-' as const, 'NOT' as const), operand: e }),
      fc.record({ kind: fc.constant('IsNull' as const), operand: e, negated: fc.boolean() }),
      fc.record({ kind: fc.constant('IsDistinctFrom' as const), left: e, right: e, negated: fc.boolean() }),
      fc.record({ kind: fc.constant('In' as const), operand: e, values: fc.array(e, { minLength: 1, maxLength: 3 }), negated: fc.boolean() }),
      fc.record({ kind: fc.constant('Between' as const), operand: e, low: e, high: e, negated: fc.boolean(), symmetric: fc.boolean() }),
      fc.record({ kind: fc.constant('Like' as const), op: fc.constant('LIKE' as const), operand: e, pattern: e, negated: fc.boolean() }),
      fc.record({ kind: fc.constant('Case' as const), whens: fc.array(fc.record({ when: e, then: e }), { minLength: 1, maxLength: 2 }), else: e }),
      fc.record({ kind: fc.constant('Cast' as const), operand: e, type: dataType, try: fc.boolean() }),
      fc.record({ kind: fc.constant('FunctionCall' as const), name: fc.constantFrom(...SCALAR_FUNCTIONS).map((n) => [n]), args: fc.array(e, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('FunctionCall' as const), name: fc.constant(['COUNT']), args: fc.constant([]), star: fc.constant(true) }),
      fc.record({ kind: fc.constant('FunctionCall' as const), name: fc.constant(['SUM']), args: fc.tuple(e), filter: e }),
      fc.record({ kind: fc.constant('FunctionCall' as const), name: fc.constant(['ROW_NUMBER']), args: fc.constant([]), over: fc.record({ partitionBy: fc.array(column, { maxLength: 2 }), orderBy: fc.array(fc.record({ expr: column, direction: fc.constantFrom('ASC' as const, 'DESC' as const) }), { minLength: 1, maxLength: 2 }) }) }),
      fc.record({ kind: fc.constant('Extract' as const), unit: fc.constantFrom('DAY' as const, 'HOUR' as const, 'YEAR' as const), operand: e }),
      fc.record({ kind: fc.constant('FloorCeil' as const), op: fc.constantFrom('FLOOR' as const, 'CEIL' as const), operand: e, unit: fc.constantFrom('HOUR' as const, 'DAY' as const) }),
      fc.record({ kind: fc.constant('Trim' as const), side: fc.constantFrom('BOTH' as const, 'LEADING' as const, 'TRAILING' as const), operand: e }),
      fc.record({ kind: fc.constant('Substring' as const), operand: e, start: e, length: e }),
      fc.record({ kind: fc.constant('JsonValue' as const), operand: e, path: fc.constant({ kind: 'StringLiteral', value: '$.a' } as const), returning: scalarType.map((t) => ({ ...t, nullable: true }) as DataType) }),
      fc.record({ kind: fc.constant('ArrayConstructor' as const), elements: fc.array(e, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('RowConstructor' as const), fields: fc.array(e, { minLength: 1, maxLength: 3 }), explicit: fc.constant(true) }),
      fc.record({ kind: fc.constant('Subscript' as const), operand: column, index: e }),
    ),
  };
}).e;

const selectItem: fc.Arbitrary<SelectItem> = fc.oneof(
  fc.record({ kind: fc.constant('SelectExpr' as const), expr: expression, alias: identifier }),
  fc.constant({ kind: 'SelectStar' } as const),
);

const tableRef: fc.Arbitrary<Relation> = fc.record({ kind: fc.constant('TableRef' as const), path: fc.array(identifier, { minLength: 1, maxLength: 3 }), alias: identifier });

const relation: fc.Arbitrary<Relation> = fc.oneof(
  tableRef,
  fc.record({ kind: fc.constant('Join' as const), type: fc.constantFrom('INNER' as const, 'LEFT' as const, 'FULL' as const), left: tableRef, right: tableRef, on: expression }),
);

export const query: fc.Arbitrary<Query> = fc.record({
  kind: fc.constant('Select' as const),
  distinct: fc.boolean(),
  items: fc.array(selectItem, { minLength: 1, maxLength: 4 }),
  from: relation,
  where: expression,
  groupBy: fc.array(column, { minLength: 1, maxLength: 2 }),
});

export const statement: fc.Arbitrary<Statement> = fc.oneof(
  fc.record({ kind: fc.constant('QueryStatement' as const), query }),
  fc.record({ kind: fc.constant('Insert' as const), target: fc.array(identifier, { minLength: 1, maxLength: 2 }), overwrite: fc.boolean(), columns: fc.array(identifier, { minLength: 1, maxLength: 3 }), query }),
  fc.record({
    kind: fc.constant('CreateTable' as const),
    path: fc.array(identifier, { minLength: 1, maxLength: 3 }),
    temporary: fc.boolean(),
    ifNotExists: fc.boolean(),
    columns: fc.uniqueArray(fc.record({ kind: fc.constant('PhysicalColumn' as const), name: identifier, type: dataType }), { minLength: 1, maxLength: 4, selector: (c) => c.name }),
    partitionedBy: fc.constant([]),
    options: fc.array(fc.record({ key: fc.constantFrom('connector', 'topic', 'a.b-c'), value: fc.string({ maxLength: 6 }) }), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('Set' as const), key: fc.constantFrom('a.b', 'table.exec.state.ttl'), value: fc.string({ maxLength: 6 }) }),
);
