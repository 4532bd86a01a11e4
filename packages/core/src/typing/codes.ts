/** Diagnostic codes of expression types (FTS44xx): the typer, the binder and the local runtime raise the same code for the same fact. */
import { codeTable, template } from '../diagnostics/code-table.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';

/** `<A> op <B>` (a binary operator) or `op<A>` (a prefix one), as Calcite writes an operator's operand types. */
const operands = (op: string, types: readonly string[]): string => types.length === 1 ? `${op}<${types[0]}>` : types.map((t) => `<${t}>`).join(` ${op} `);
/**
 * FTS4406's situations: an argument of a type the function does not take (`type`; `expects` says what it takes), an
 * untyped NULL, and the fixed wordings Flink 1.20.1 gives for a few functions.
 */
export type BadArgument =
  | { readonly kind: 'type'; readonly fn: string; readonly types: readonly string[]; readonly position?: number; readonly expects?: string }
  | { readonly kind: 'untypedNull'; readonly fn?: string }
  | { readonly kind: 'nullCast'; readonly to?: string }
  | { readonly kind: 'noCommonType'; readonly fn: string; readonly types: readonly string[] }
  | { readonly kind: 'listaggSeparator' | 'jsonDefault' | 'ltzDiff' | 'windowUnit' | 'period' }
  | { readonly kind: 'json'; readonly type?: string; readonly key?: boolean }
  | { readonly kind: 'jsonReturning'; readonly fn: string; readonly type: string }
  | { readonly kind: 'timeDiff'; readonly unit: string; readonly types: readonly string[] }
  | { readonly kind: 'extractUnit'; readonly unit: string; readonly type: string; readonly interval?: 'year-month' | 'day-time' };

const characterType = (t: string): boolean => /^(STRING|VARCHAR|CHAR)\b/.test(t);

export const TYPE_CODE_TABLE = codeTable({
  noImplicitConversion: ['FTS4401', 'A comparison (=, <>, <, …, IN, BETWEEN) between types Flink does not convert implicitly (e.g. INT = STRING, RAW with another type).', template(
    (p: { readonly op?: string; readonly types: readonly string[]; readonly reason?: string; readonly cast?: { readonly side: 'left' | 'right'; readonly to: string } }) =>
      `Cannot ${p.op === undefined ? 'compare values' : `apply '${p.op}' to arguments`} of type ${p.types.join(p.types.length === 2 ? ' and ' : ', ')}: ${p.reason ?? 'they have no common type'} without an explicit CAST`,
    (p) => p.cast === undefined ? 'Flink does not convert implicitly here; CAST the operands to one type' : `Flink does not convert implicitly here; CAST the ${p.cast.side} operand: CAST(… AS ${p.cast.to})`,
  )],
  badSign: ['FTS4402', 'An arithmetic operator (unary or binary +, -, *, /, %, or ||) on operands it does not take (a STRING, intervals of different families, …), or a division by a constant zero.', template(
    (p: { readonly kind: 'operands'; readonly op: string; readonly types: readonly string[]; readonly result?: string; readonly supported?: string } | { readonly kind: 'divisionByZero' } | { readonly kind: 'intervalFamilies'; readonly op: string }) =>
      p.kind === 'divisionByZero' ? 'Division by zero'
        : p.kind === 'intervalFamilies' ? `Cannot apply '${p.op}' to intervals of different families (a year-month and a day-time interval)`
          : `Cannot apply '${p.op}' to arguments of type '${operands(p.op, p.types)}'${p.result === undefined ? '' : ` giving ${p.result}`}${p.supported === undefined ? '' : `. Supported form(s): ${p.supported}`}`,
    (p) => p.kind === 'divisionByZero' ? 'divide by a non-zero value'
      : p.kind === 'intervalFamilies' ? 'combine intervals of one family, e.g. INTERVAL \'1\' DAY + INTERVAL \'2\' HOUR'
        : p.op === '||' ? 'CAST it to STRING first'
          : p.types.some(characterType) ? 'CAST the character string to a numeric type first'
            : p.types.length === 1 ? 'the operand must be numeric or an interval' : 'the operands must be numeric, or a date/time and an interval',
  )],
  caseConditionNotBoolean: ['FTS4403', 'A CASE WHEN condition that is not BOOLEAN.', template(
    (p: { readonly clause: 'CASE WHEN' | 'WHERE' | 'HAVING' | 'ON' | 'QUALIFY' | 'DEFINE'; readonly type: string; readonly variable?: string }) =>
      // DEFINE: Flink 1.20.1's own words (test/flink/match-recognize.test.ts checks both say them)
      p.clause === 'DEFINE' ? `DEFINE clause must be a condition: DEFINE ${p.variable ?? ''} is ${p.type}, not BOOLEAN`
        : `the ${p.clause}${p.variable === undefined ? '' : ` ${p.variable}`} condition must be BOOLEAN, not ${p.type}`,
    (p) => `compare it with something, e.g. ${p.clause === 'ON' ? 'a.x = b.x' : '… = …'}`,
  )],
  noSignature: ['FTS4404', 'A function called with arguments no signature of it accepts, or an unknown function.', template(
    (p: { readonly fn: string; readonly types: readonly (string | undefined)[]; readonly known: Iterable<string>; readonly tableFunction?: boolean }) =>
      `No match found for function signature ${p.fn}(${p.types.map((t) => (t === undefined ? '?' : `<${t}>`)).join(', ')})`,
    (p) => didYouMean(p.fn.split('.').at(-1)!.toUpperCase(), p.known) ?? (p.tableFunction === true ? "declare the table function with CREATE FUNCTION name AS 'class' before it is used" : 'declare a user-defined function with CREATE FUNCTION before it is used'),
  )],
  starArgument: ['FTS4405', 'f(*) for a function other than COUNT.', template(
    (p: { readonly fn: string }) => `${p.fn}(*) is not valid; only COUNT(*) takes '*'`,
    (p) => `pass ${p.fn} a column, e.g. ${p.fn}(col)`,
  )],
  wrongArity: ['FTS4429', 'A function (a window table function or group window included) called with the wrong number of arguments.', template(
    (p: { readonly fn: string; readonly expected: string; readonly got?: number }) =>
      `Invalid number of arguments to function '${p.fn}'. Was expecting ${p.expected}${p.got === undefined ? '' : `, got ${p.got}`}`,
    (p) => `call ${p.fn} with ${p.expected}`,
  )],
  badArgument: ['FTS4406', 'A function or operator argument Flink does not take there: a type outside the function\'s families (IS JSON on a number, MD5 of an INT), an untyped NULL where a type is needed, a non-literal LISTAGG separator.', template(
    (p: BadArgument) => {
      switch (p.kind) {
        case 'type': return `Cannot apply '${p.fn}' to arguments of type ${p.fn}(${p.types.map((t) => `<${t}>`).join(', ')})${p.position === undefined ? '' : ` at position ${p.position}`}${p.expects === undefined ? '' : `: ${p.expects} is expected`}`;
        case 'untypedNull': return `Illegal use of 'NULL'${p.fn === undefined ? '' : ` in ${p.fn}`}`;
        case 'nullCast': return p.to === undefined ? 'Could not infer an output type for the given arguments.' : `Unsupported casting from NULL to ${p.to}.`;
        case 'noCommonType': return `Could not find a common type for the arguments of ${p.fn}: ${p.types.join(', ')}`;
        case 'listaggSeparator': return "Cannot apply 'LISTAGG' with a separator that is not a character literal. Supported form(s): 'LISTAGG(<CHARACTER>)' 'LISTAGG(<CHARACTER>, <CHARACTER_LITERAL>)'";
        case 'jsonDefault': return 'The DEFAULT of an ON EMPTY / ON ERROR clause must be a constant (Flink 1.20.1 cannot plan another expression: None.get)';
        case 'json': return p.type === undefined ? 'Type is not supported: ANY' : p.key === true ? `Type '${p.type}' is not supported for JSON conversion. The key type must be a character string.` : `Type '${p.type}' is not scalar or cannot be converted into JSON.`;
        case 'jsonReturning': return `Unsupported type '${p.type}' for RETURNING in ${p.fn}(); Flink 1.20 takes STRING, BOOLEAN, INT or DOUBLE`;
        case 'extractUnit': return p.interval === undefined ? `unit ${p.unit} can not be applied to time variable` : `Cannot apply 'EXTRACT' to arguments of type 'EXTRACT(<INTERVAL ${p.unit}> FROM <${p.type}>)': a ${p.interval} interval has no ${p.unit}`;
        case 'ltzDiff': return 'TIMESTAMP_LTZ only supports diff between the same type.';
        case 'timeDiff': return `TIMESTAMPDIFF(${p.unit}, ${p.types.join(', ')}): Flink 1.20.1 cannot generate code for a TIME in a diff below MONTH (its planner fails with a scala.MatchError on (${p.types.join(', ')}))`;
        case 'windowUnit': return 'Window aggregate only support SECOND, MINUTE, HOUR, DAY as the time unit. MONTH and YEAR time unit are not supported yet.';
        case 'period': return 'the operands of OVERLAPS must be periods: (start, end) or (start, duration)';
      }
    },
    (p) => {
      switch (p.kind) {
        case 'type': return p.position === undefined ? 'CAST the arguments to the types the function takes' : 'CAST the argument explicitly';
        case 'untypedNull': return p.fn === undefined ? 'CAST the NULL to a type: CAST(NULL AS INT)' : `CAST it to a type: ${p.fn}(CAST(NULL AS INT))`;
        case 'nullCast': return 'CAST the NULL to a type';
        case 'noCommonType': return 'CAST the arguments to one type';
        case 'listaggSeparator': return "write the separator as a string literal, e.g. LISTAGG(x, ', ')";
        case 'jsonDefault': return 'write a literal, or apply COALESCE / CASE to the result instead';
        case 'json': return 'CAST the value to STRING';
        case 'jsonReturning': return 'return STRING and CAST the value';
        case 'extractUnit': return `extract a unit that a ${p.type} has`;
        case 'ltzDiff': return 'CAST both to TIMESTAMP_LTZ, or both to TIMESTAMP';
        case 'timeDiff': return 'diff TIMESTAMP values (put the TIME on a date), or subtract the seconds of the day';
        case 'windowUnit': return "write the size as a day-time interval, e.g. INTERVAL '1' MINUTE";
        case 'period': return 'write each period as (start, end) or (start, INTERVAL …)';
      }
    },
  )],
  arrayNoCommonType: ['FTS4407', 'ARRAY[…] elements without a common type.', template(
    (p: { readonly what: string; readonly types: readonly string[] }) => `the ${p.what} have no common type${p.types.length === 0 ? '' : `: ${[...new Set(p.types)].join(', ')}`}`,
    () => 'CAST them to one type',
  )],
  setOpColumnCount: ['FTS4408', 'UNION / INTERSECT / EXCEPT sides with different column counts.', template(
    (p: { readonly op: string; readonly left: number; readonly right: number }) => `Column count mismatch in ${p.op}: the left query has ${p.left} columns, the right one ${p.right}`,
    () => 'both sides must select the same number of columns',
  )],
  setOpNoCommonType: ['FTS4409', 'UNION / INTERSECT / EXCEPT columns without a common type.', template(
    (p: { readonly op: string; readonly column: number; readonly left: string; readonly right: string; readonly castTo: string }) =>
      `Type mismatch in column ${p.column} of ${p.op}: ${p.left} and ${p.right} have no common type`,
    (p) => `CAST one side, e.g. CAST(… AS ${p.castTo})`,
  )],
  aggregateInWhere: ['FTS4410', 'An aggregate in WHERE.', template(
    (p: { readonly fn: string }) => `Aggregate expression is illegal in WHERE clause: ${p.fn}(…)`,
    () => 'filter aggregated values in HAVING, or aggregate in a sub-query',
  )],
  notGrouped: ['FTS4411', 'A selected expression that is neither grouped nor aggregated.', template(
    (p: { readonly name: string; readonly groupBy: boolean }) => `Expression '${p.name}' is not being grouped`,
    (p) => p.groupBy ? `add it to GROUP BY, or aggregate it (e.g. MAX(${p.name}))` : 'add a GROUP BY clause, or aggregate the column (e.g. MAX(…))',
  )],
  notNotBoolean: ['FTS4412', 'NOT on a value that is not BOOLEAN.', template(
    (p: { readonly op: string; readonly type: string }) => `${p.op} needs BOOLEAN operands, not ${p.type}`,
    () => 'compare the value with something to make it a condition, e.g. col = …, or CAST it to BOOLEAN',
  )],
  likeNotString: ['FTS4413', 'LIKE / SIMILAR TO on values that are not character strings.', template(
    (p: { readonly op: string; readonly type: string }) => `${p.op} needs character string operands, not ${p.type}`,
    () => 'CAST the value to STRING',
  )],
  inSubqueryColumns: ['FTS4414', 'The sub-query of IN returns more than one column.', template(
    (p: { readonly columns: number }) => `the sub-query of IN returns ${p.columns} columns; it must return exactly one`,
    () => 'select one column in the sub-query, or compare a ROW: (a, b) IN (SELECT x, y …) is not supported, use EXISTS',
  )],
  scalarSubqueryColumns: ['FTS4415', 'A scalar sub-query that returns more than one column.', template(
    (p: { readonly columns?: number }) => `a scalar sub-query must return exactly one column${p.columns === undefined ? '' : `, this one returns ${p.columns}`}`,
    () => 'select one column in the sub-query',
  )],
  overNotWindowFunction: ['FTS4416', 'OVER on a function that is not an aggregate or window function.', template(
    (p: { readonly fn: string }) => `${p.fn} is not an aggregate or window function and cannot be used with OVER`,
    () => 'drop the OVER clause, or use an aggregate or window function',
  )],
  windowFunctionWithoutOver: ['FTS4417', 'A window function (ROW_NUMBER, RANK, …) without OVER.', template(
    (p: { readonly fn: string }) => `the window function ${p.fn} needs an OVER clause`,
    (p) => `add OVER (PARTITION BY … ORDER BY …), e.g. ${p.fn}() OVER (PARTITION BY k ORDER BY ts)`,
  )],
  overInWhere: ['FTS4418', 'A windowed aggregate (… OVER) in WHERE.', template(
    (p: { readonly fn: string }) => `Windowed aggregate expression is illegal in WHERE clause: ${p.fn}(…) OVER …`,
    () => 'compute it in a sub-query and filter its result',
  )],
  nestedAggregate: ['FTS4419', 'Nested aggregates.', template(
    (p: { readonly inner: string; readonly outer: string }) => `Aggregate expressions cannot be nested: ${p.inner}(…) inside ${p.outer}(…)`,
    () => 'aggregate in a sub-query first',
  )],
  fieldOfNonRow: ['FTS4420', 'A field access on a value that is not a ROW.', template(
    (p: { readonly field: string; readonly type?: string; readonly column?: string }) =>
      `field '${p.field}' is accessed on ${p.column === undefined ? 'a value' : `column '${p.column}'`}${p.type === undefined ? '' : ` of type ${p.type}`}, which is not a ROW`,
    () => 'only a ROW value has fields; for a MAP write m[\'key\'], for an ARRAY a[1]',
  )],
  badArrayIndex: ['FTS4421', 'An ARRAY indexed by something other than an integer.', template(
    (p: { readonly kind: 'index'; readonly type: string } | { readonly kind: 'value'; readonly type: string }) =>
      p.kind === 'index' ? `an ARRAY is indexed by an integer, not by ${p.type}` : `a value of type ${p.type} cannot be subscripted; only ARRAY, MAP and ROW can`,
    (p) => p.kind === 'index' ? 'index the ARRAY by an integer (from 1), e.g. a[1]' : 'subscript an ARRAY (a[1]), a MAP (m[\'key\']) or a ROW',
  )],
  valuesColumnCount: ['FTS4422', 'VALUES rows with different numbers of columns.', template(
    (p: { readonly width: number; readonly row: number; readonly columns: number }) => `VALUES rows have different numbers of columns: row 1 has ${p.width}, row ${p.row} has ${p.columns}`,
    () => 'give every row of VALUES the same number of columns',
  )],
  badUnnest: ['FTS4423', 'UNNEST of a value that is not an ARRAY, MULTISET or MAP.', template(
    (p: { readonly type: string }) => `UNNEST needs an ARRAY, MULTISET or MAP, not ${p.type}`,
    () => 'UNNEST an ARRAY, MULTISET or MAP column',
  )],
  aggregateInGroupBy: ['FTS4424', 'An aggregate in GROUP BY.', template(
    (p: { readonly fn: string }) => `Aggregate expression is illegal in GROUP BY clause: ${p.fn}(…)`,
    () => 'group by columns or scalar expressions; aggregate in a sub-query first if you need to group by an aggregate',
  )],
  aliasListLength: ['FTS4425', 'A column alias list whose length differs from the table.', template(
    (p: { readonly aliases: number; readonly columns: number }) => `List of column aliases must have same degree as table: ${p.aliases} aliases for ${p.columns} columns`,
    (p) => `give ${p.columns} aliases, one per column`,
  )],
  badCast: ['FTS4426', 'A CAST / TRY_CAST Flink does not support between these types.', template(
    (p: { readonly from: string; readonly to: string; readonly try?: boolean; readonly reason?: string; readonly advice?: 'unixTimestamp' | 'toTimestamp' | 'toTimestampLtz' }) =>
      p.reason === undefined ? `Cast function cannot convert value of type ${p.from} to type ${p.to}` : `${p.reason}: ${p.try === true ? 'TRY_CAST' : 'CAST'}(${p.from} AS ${p.to})`,
    (p) => p.advice === 'unixTimestamp' ? "It's recommended to use UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead."
      : p.advice === 'toTimestamp' ? "It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead."
        : p.advice === 'toTimestampLtz' ? "It's recommended to use TO_TIMESTAMP_LTZ(numeric_col, precision) instead."
          : 'CAST through a type both convert to, or use a conversion function (DATE_FORMAT, TO_TIMESTAMP, …)',
  )],
  tableArgumentOutsideTableFunction: ['FTS4427', 'DESCRIPTOR(…) or TABLE t outside the arguments of a table function (in a select list, a condition, a scalar function\'s arguments): Flink 1.20.1 refuses it ("Unsupported call: DESCRIPTOR", "Cannot apply \'UPPER\' to arguments of type <RECORDTYPE…>"); it folds only `DESCRIPTOR(x) IS [NOT] NULL` to a constant, which flinkts refuses as well.', template(
    (p: { readonly descriptor: boolean }) => `${p.descriptor ? 'DESCRIPTOR(…)' : 'TABLE …'} is only valid as an argument of a table function`,
    () => "pass it to a window table function, e.g. TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '1' MINUTE))",
  )],
  namedArgumentOfBuiltin: ['FTS4428', 'A named argument (`name => value`) in a call of a built-in function, which declares no argument names: Flink 1.20.1 refuses it in validation.', template(
    (p: { readonly fn: string }) => `the built-in function ${p.fn} takes no named arguments`,
    (p) => `pass its arguments by position: ${p.fn}(…)`,
  )],
  tooDeepToCheck: ['FTS4499', 'A statement nested too deeply to be checked.', template(
    (p: { readonly what: 'statement' | 'query' }) => `the ${p.what} is nested too deeply to be checked`,
    () => 'split deeply nested expressions into views or CTEs',
  )],
});

export const TYPE_CODES = TYPE_CODE_TABLE.codes;
export const TYPE_TEXTS = TYPE_CODE_TABLE.texts;
