/**
 * Planning the collecting aggregates (COLLECT, ARRAY_AGG, JSON_ARRAYAGG, JSON_OBJECTAGG) of a group or window
 * aggregation: their argument is boxed so NULLs reach the accumulator (collection-aggregates.ts), JSON values
 * are turned into their JSON text as Flink stores them.
 */
import type { FunctionCall } from '../ast/expression.js';
import type { ExpressionCompiler } from './compile-expression.js';
import type { Evaluator } from './compiled.js';
import { notReached, textError, unsupported } from './errors.js';
import { jsonArg } from './functions/json.js';
import { writeJson } from './functions/json-text.js';
import type { AggregateSpec } from './operators/aggregates.js';
import { aggregateResultType } from './operators/aggregates.js';
import type { CollectionAggregateName } from './operators/collection-aggregates.js';
import { collectionAccumulator } from './operators/collection-aggregates.js';
import { T } from './types.js';
import { SQL_TEXTS } from '../sql/codes.js';
import { TYPE_TEXTS } from '../typing/codes.js';

export { COLLECTION_AGGREGATES } from './operators/collection-aggregates.js';

export function collectionAggregateSpec(name: CollectionAggregateName, call: FunctionCall, c: ExpressionCompiler, filter: Evaluator | undefined): AggregateSpec {
  if (call.star) throw notReached(`${name}(*)`);
  if (call.withinGroup) throw unsupported(`${name} … WITHIN GROUP`, call.span);
  const arity = name === 'JSON_OBJECTAGG' ? 2 : 1;
  if (call.args.length !== arity) throw notReached(`${name} with ${call.args.length} arguments`);
  if (call.nulls && name !== 'ARRAY_AGG') throw textError(SQL_TEXTS.unexpectedToken({ kind: 'nullsOutsideArrayAgg', nulls: call.nulls, fn: name }), call.span);
  const base = {
    name, distinct: !!call.distinct, ...(filter ? { filter } : {}),
  };
  if (name === 'JSON_OBJECTAGG') {
    const key = c.coerce(c.compile(call.args[0]!), T.string(), call.args[0]!.span).eval;
    const value = jsonArg(c, call.args[1]!);
    // NULL ON NULL is JSON_OBJECTAGG's default
    return {
      ...base, resultType: T.varchar(2000, false), // Calcite's VARCHAR_2000, as Flink 1.20.1 declares it
      accumulator: collectionAccumulator(name, call.onNull === 'ABSENT', T.string()),
      arg: (r) => {
        const v = value(r);
        return [key(r), v === null ? null : writeJson(v)];
      },
    };
  }
  const arg = c.compile(call.args[0]!);
  if (arg.type.kind === 'NULL') throw textError(TYPE_TEXTS.badArgument({ kind: 'untypedNull', fn: name }), call.span);
  const ev = arg.eval;
  if (name === 'JSON_ARRAYAGG') {
    if (call.distinct) throw notReached('JSON_ARRAYAGG(DISTINCT …) (the parser does not read it)');
    const value = jsonArg(c, call.args[0]!);
    // ABSENT ON NULL is JSON_ARRAYAGG's default
    return {
      ...base, resultType: aggregateResultType('JSON_ARRAYAGG', arg.type),
      accumulator: collectionAccumulator(name, call.onNull !== 'NULL', arg.type),
      arg: (r) => {
        const v = value(r);
        return [v === null ? null : writeJson(v)];
      },
    };
  }
  if (call.onNull) throw notReached(`${call.onNull} ON NULL outside JSON_ARRAYAGG / JSON_OBJECTAGG (the parser does not read it)`);
  return {
    ...base, resultType: aggregateResultType(name, arg.type), argType: arg.type,
    accumulator: collectionAccumulator(name, name === 'ARRAY_AGG' && call.nulls === 'IGNORE', arg.type),
    arg: (r) => [ev(r)],
  };
}
