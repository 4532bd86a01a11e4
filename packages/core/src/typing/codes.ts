/** Diagnostic codes of expression types (FTS44xx): the typer, the binder and the local runtime raise the same code for the same fact. */
import { codeTable } from '../diagnostics/code-table.js';

export const TYPE_CODE_TABLE = codeTable({
  noImplicitConversion: ['FTS4401', 'A comparison (=, <>, <, …, IN, BETWEEN) between types Flink does not convert implicitly (e.g. INT = STRING, RAW with another type).'],
  badSign: ['FTS4402', 'An arithmetic operator (unary or binary +, -, *, /, %, or ||) on operands it does not take (a STRING, intervals of different families, …), or a division by a constant zero.'],
  caseConditionNotBoolean: ['FTS4403', 'A CASE WHEN condition that is not BOOLEAN.'],
  noSignature: ['FTS4404', 'A function called with arguments no signature of it accepts, or an unknown function.'],
  starArgument: ['FTS4405', 'f(*) for a function other than COUNT.'],
  wrongArity: ['FTS4429', 'A function (a window table function or group window included) called with the wrong number of arguments.'],
  badArgument: ['FTS4406', 'A function or operator argument Flink does not take there: a type outside the function\'s families (IS JSON on a number, MD5 of an INT), an untyped NULL where a type is needed, a non-literal LISTAGG separator.'],
  arrayNoCommonType: ['FTS4407', 'ARRAY[…] elements without a common type.'],
  setOpColumnCount: ['FTS4408', 'UNION / INTERSECT / EXCEPT sides with different column counts.'],
  setOpNoCommonType: ['FTS4409', 'UNION / INTERSECT / EXCEPT columns without a common type.'],
  aggregateInWhere: ['FTS4410', 'An aggregate in WHERE.'],
  notGrouped: ['FTS4411', 'A selected expression that is neither grouped nor aggregated.'],
  notNotBoolean: ['FTS4412', 'NOT on a value that is not BOOLEAN.'],
  likeNotString: ['FTS4413', 'LIKE / SIMILAR TO on values that are not character strings.'],
  inSubqueryColumns: ['FTS4414', 'The sub-query of IN returns more than one column.'],
  scalarSubqueryColumns: ['FTS4415', 'A scalar sub-query that returns more than one column.'],
  overNotWindowFunction: ['FTS4416', 'OVER on a function that is not an aggregate or window function.'],
  windowFunctionWithoutOver: ['FTS4417', 'A window function (ROW_NUMBER, RANK, …) without OVER.'],
  overInWhere: ['FTS4418', 'A windowed aggregate (… OVER) in WHERE.'],
  nestedAggregate: ['FTS4419', 'Nested aggregates.'],
  fieldOfNonRow: ['FTS4420', 'A field access on a value that is not a ROW.'],
  badArrayIndex: ['FTS4421', 'An ARRAY indexed by something other than an integer.'],
  valuesColumnCount: ['FTS4422', 'VALUES rows with different numbers of columns.'],
  badUnnest: ['FTS4423', 'UNNEST of a value that is not an ARRAY, MULTISET or MAP.'],
  aggregateInGroupBy: ['FTS4424', 'An aggregate in GROUP BY.'],
  aliasListLength: ['FTS4425', 'A column alias list whose length differs from the table.'],
  badCast: ['FTS4426', 'A CAST / TRY_CAST Flink does not support between these types.'],
  tableArgumentOutsideTableFunction: ['FTS4427', 'DESCRIPTOR(…) or TABLE t outside the arguments of a table function (in a select list, a condition, a scalar function\'s arguments): Flink 1.20.1 refuses it ("Unsupported call: DESCRIPTOR", "Cannot apply \'UPPER\' to arguments of type <RECORDTYPE…>"); it folds only `DESCRIPTOR(x) IS [NOT] NULL` to a constant, which flinkts refuses as well.'],
  namedArgumentOfBuiltin: ['FTS4428', 'A named argument (`name => value`) in a call of a built-in function, which declares no argument names: Flink 1.20.1 refuses it in validation.'],
  tooDeepToCheck: ['FTS4499', 'A statement nested too deeply to be checked.'],
});

export const TYPE_CODES = TYPE_CODE_TABLE.codes;
