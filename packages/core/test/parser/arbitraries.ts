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
  // Values in the form their qualifier takes ('1-2' only for YEAR TO MONTH), as Flink's parser requires.
  fc.record({ kind: fc.constant('IntervalLiteral' as const), negative: fc.boolean(), value: fc.constantFrom('1', '10'), qualifier: fc.constantFrom({ start: 'SECOND' as const }, { start: 'MINUTE' as const }) }),
  fc.record({ kind: fc.constant('IntervalLiteral' as const), negative: fc.boolean(), value: fc.constant('1-2'), qualifier: fc.constant({ start: 'YEAR' as const, end: 'MONTH' as const }) }),
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
      fc.record({ kind: fc.constant('FieldAccess' as const), operand: column, field: identifier }),
      fc.record({ kind: fc.constant('IsTruth' as const), operand: e, value: fc.constantFrom('TRUE' as const, 'FALSE' as const, 'UNKNOWN' as const), negated: fc.boolean() }),
      fc.record({ kind: fc.constant('Like' as const), op: fc.constantFrom('LIKE' as const, 'SIMILAR TO' as const), operand: e, pattern: e, escape: fc.constant({ kind: 'StringLiteral', value: '!' } as const), negated: fc.boolean() }),
      fc.record({ kind: fc.constant('Case' as const), operand: e, whens: fc.array(fc.record({ when: e, then: e }), { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('Overlay' as const), operand: e, placing: e, start: e, length: e }, { requiredKeys: ['kind', 'operand', 'placing', 'start'] }),
      fc.record({ kind: fc.constant('Position' as const), needle: e, haystack: e, start: e }, { requiredKeys: ['kind', 'needle', 'haystack'] }),
      fc.record({ kind: fc.constant('Trim' as const), side: fc.constantFrom('BOTH' as const, 'LEADING' as const, 'TRAILING' as const), chars: e, operand: e }),
      fc.record({
        kind: fc.constant('JsonValue' as const), operand: e, path: fc.constant({ kind: 'StringLiteral', value: '$.a' } as const),
        onEmpty: jsonBehavior(e, false), onError: jsonBehavior(e, false),
      }, { requiredKeys: ['kind', 'operand', 'path'] }),
      fc.record({
        kind: fc.constant('JsonQuery' as const), operand: e, path: fc.constant({ kind: 'StringLiteral', value: '$.a' } as const),
        wrapper: fc.constantFrom('WITHOUT' as const, 'CONDITIONAL' as const, 'UNCONDITIONAL' as const), onEmpty: jsonBehavior(e, true), onError: jsonBehavior(e, true),
      }, { requiredKeys: ['kind', 'operand', 'path', 'wrapper'] }),
      fc.record({ kind: fc.constant('JsonExists' as const), operand: e, path: fc.constant({ kind: 'StringLiteral', value: '$.a' } as const), onError: fc.constantFrom('TRUE' as const, 'FALSE' as const, 'UNKNOWN' as const, 'ERROR' as const) }, { requiredKeys: ['kind', 'operand', 'path'] }),
      fc.record({ kind: fc.constant('IsJson' as const), operand: e, type: fc.constantFrom('VALUE' as const, 'SCALAR' as const, 'ARRAY' as const, 'OBJECT' as const), negated: fc.boolean() }, { requiredKeys: ['kind', 'operand', 'negated'] }),
      fc.record({ kind: fc.constant('JsonObject' as const), entries: fc.array(fc.record({ key: literal, value: e }), { maxLength: 2 }), onNull: fc.constantFrom('NULL' as const, 'ABSENT' as const) }),
      fc.record({ kind: fc.constant('JsonArray' as const), values: fc.array(e, { maxLength: 2 }), onNull: fc.constantFrom('NULL' as const, 'ABSENT' as const) }),
      fc.record({ kind: fc.constant('MapConstructor' as const), entries: fc.array(fc.record({ key: e, value: e }), { minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('FunctionCall' as const), name: fc.constant(['COUNT']), args: fc.tuple(column), distinct: fc.constant(true) }),
      fc.record({
        kind: fc.constant('FunctionCall' as const), name: fc.constant(['SUM']), args: fc.tuple(column),
        over: fc.record({
          partitionBy: fc.array(column, { maxLength: 1 }), orderBy: fc.tuple(fc.record({ expr: column })),
          frame: fc.oneof(
            fc.record({ unit: fc.constant('ROWS' as const), start: fc.record({ kind: fc.constant('Preceding' as const), offset: fc.constant({ kind: 'NumericLiteral', text: '2' } as const) }), end: fc.constant({ kind: 'CurrentRow' } as const) }),
            fc.record({ unit: fc.constant('RANGE' as const), start: fc.record({ kind: fc.constant('Preceding' as const), offset: fc.constant({ kind: 'IntervalLiteral', negative: false, value: '1', qualifier: { start: 'HOUR' } } as const) }), end: fc.constant({ kind: 'CurrentRow' } as const) }),
            fc.constant({ unit: 'ROWS' as const, start: { kind: 'UnboundedPreceding' as const }, end: { kind: 'CurrentRow' as const } }),
          ),
        }),
      }),
    ),
  };
}).e;

function jsonBehavior(e: fc.Arbitrary<Expression>, query: boolean) {
  return fc.oneof(
    fc.constant({ kind: 'Null' } as const),
    fc.constant({ kind: 'Error' } as const),
    ...(query ? [fc.constant({ kind: 'EmptyArray' } as const), fc.constant({ kind: 'EmptyObject' } as const)] : [fc.record({ kind: fc.constant('Default' as const), value: e })]),
  );
}

const selectItem: fc.Arbitrary<SelectItem> = fc.oneof(
  fc.record({ kind: fc.constant('SelectExpr' as const), expr: expression, alias: identifier }),
  fc.constant({ kind: 'SelectStar' } as const),
);

const tableRef: fc.Arbitrary<Relation> = fc.record({ kind: fc.constant('TableRef' as const), path: fc.array(identifier, { minLength: 1, maxLength: 3 }), alias: identifier });

const interval = (value: string, start: 'MINUTE' | 'HOUR') => ({ kind: 'IntervalLiteral', negative: false, value, qualifier: { start } }) as const;

/** A window TVF call as the builders make it: `TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL …))`, positional or named. */
const windowTvf: fc.Arbitrary<Relation> = fc.tuple(identifier, identifier, fc.boolean(), fc.constantFrom('TUMBLE', 'HOP')).map(([table, time, named, fn]) => {
  const positional: Expression[] = [
    { kind: 'TableArg', relation: { kind: 'TableRef', path: [table] } },
    { kind: 'Descriptor', columns: [time] },
    ...(fn === 'HOP' ? [interval('1', 'MINUTE')] : []),
    interval('10', 'MINUTE'),
  ];
  const names = fn === 'HOP' ? ['DATA', 'TIMECOL', 'SLIDE', 'SIZE'] : ['DATA', 'TIMECOL', 'SIZE'];
  const args = named ? positional.map((value, i): Expression => ({ kind: 'NamedArg', name: names[i]!, value })) : positional;
  return { kind: 'TableFunction', lateral: false, call: { kind: 'FunctionCall', name: [fn], args } };
});

const simpleQuery: fc.Arbitrary<Query> = fc.record({
  kind: fc.constant('Select' as const),
  distinct: fc.constant(false),
  items: fc.tuple(fc.record({ kind: fc.constant('SelectExpr' as const), expr: column })),
  from: tableRef,
});

const relation: fc.Arbitrary<Relation> = fc.oneof(
  tableRef,
  fc.record({ kind: fc.constant('Join' as const), type: fc.constantFrom('INNER' as const, 'LEFT' as const, 'FULL' as const), left: tableRef, right: tableRef, on: expression }),
  fc.record({ kind: fc.constant('Join' as const), type: fc.constant('CROSS' as const), left: tableRef, right: fc.record({ kind: fc.constant('Unnest' as const), args: fc.tuple(column), withOrdinality: fc.boolean(), alias: identifier, columnAliases: fc.tuple(identifier) }) }),
  fc.record({ kind: fc.constant('SubqueryRelation' as const), query: simpleQuery, alias: identifier }),
  windowTvf,
);

const select: fc.Arbitrary<Query> = fc.record({
  kind: fc.constant('Select' as const),
  distinct: fc.boolean(),
  items: fc.array(selectItem, { minLength: 1, maxLength: 4 }),
  from: relation,
  where: expression,
  groupBy: fc.array(column, { minLength: 1, maxLength: 2 }),
  having: expression,
  orderBy: fc.array(fc.record({ expr: column, direction: fc.constantFrom('ASC' as const, 'DESC' as const) }), { minLength: 1, maxLength: 2 }),
  limit: fc.nat(100).map((n) => ({ kind: 'NumericLiteral', text: String(n) }) as const),
}, { requiredKeys: ['kind', 'distinct', 'items', 'from', 'where'] });

export const query: fc.Arbitrary<Query> = fc.oneof(
  select,
  fc.record({ kind: fc.constant('SetOperation' as const), op: fc.constantFrom('UNION' as const, 'INTERSECT' as const, 'EXCEPT' as const), all: fc.boolean(), left: simpleQuery, right: simpleQuery }),
  fc.record({ kind: fc.constant('Values' as const), rows: fc.array(fc.array(literal, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('With' as const), ctes: fc.tuple(fc.record({ name: identifier, query: simpleQuery })), body: simpleQuery }),
  fc.record({ kind: fc.constant('Select' as const), distinct: fc.constant(false), items: fc.tuple(fc.record({ kind: fc.constant('SelectExpr' as const), expr: fc.oneof(
    simpleQuery.map((q): Expression => ({ kind: 'Exists', query: q })),
    simpleQuery.map((q): Expression => ({ kind: 'ScalarSubquery', query: q })),
    fc.tuple(column, simpleQuery, fc.boolean()).map(([operand, q, negated]): Expression => ({ kind: 'In', operand, query: q, negated })),
  ) })) }),
);

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
  fc.record({
    kind: fc.constant('CreateTable' as const),
    path: fc.tuple(identifier),
    temporary: fc.constant(false),
    ifNotExists: fc.constant(false),
    columns: fc.tuple(identifier, identifier, identifier).filter(([a, b, c]) => new Set([a, b, c]).size === 3).map(([id, ts, computed]) => [
      { kind: 'PhysicalColumn', name: id, type: { kind: 'BIGINT', nullable: false }, comment: 'the key' },
      { kind: 'PhysicalColumn', name: ts, type: { kind: 'TIMESTAMP', precision: 3, nullable: true } },
      { kind: 'ComputedColumn', name: computed, expr: { kind: 'Binary', op: '+', left: { kind: 'ColumnRef', name: id }, right: { kind: 'NumericLiteral', text: '1' } } },
    ] as const),
    partitionedBy: fc.constant([]),
    options: fc.constant([{ key: 'connector', value: 'kafka' }]),
  }).map((t) => ({
    ...t,
    primaryKey: { columns: [t.columns[0].name] },
    watermark: { column: t.columns[1].name, expr: { kind: 'Binary', op: '-', left: { kind: 'ColumnRef', name: t.columns[1].name }, right: { kind: 'IntervalLiteral', negative: false, value: '5', qualifier: { start: 'SECOND' } } } },
  }) as Statement),
  fc.record({ kind: fc.constant('CreateView' as const), path: fc.array(identifier, { minLength: 1, maxLength: 2 }), temporary: fc.boolean(), ifNotExists: fc.boolean(), query }),
  fc.record({ kind: fc.constant('Drop' as const), object: fc.constantFrom('TABLE' as const, 'VIEW' as const), path: fc.array(identifier, { minLength: 1, maxLength: 3 }), ifExists: fc.boolean(), temporary: fc.boolean() }),
  fc.record({ kind: fc.constant('Reset' as const), key: fc.constantFrom('a.b', 'pipeline.name') }, { requiredKeys: ['kind'] }),
  fc.record({ kind: fc.constant('UseCatalog' as const), name: identifier }),
  fc.record({ kind: fc.constant('UseDatabase' as const), path: fc.array(identifier, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    kind: fc.constant('StatementSet' as const),
    inserts: fc.array(fc.record({ kind: fc.constant('Insert' as const), target: fc.tuple(identifier), overwrite: fc.constant(false), query: simpleQuery }), { minLength: 1, maxLength: 3 }),
  }),
);
