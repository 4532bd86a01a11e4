/**
 * Window TVFs (`TUMBLE`, `HOP`, `CUMULATE`, `SESSION`) on the plan: the DESCRIPTOR column must be a time attribute of
 * the input — a rowtime (declared by a WATERMARK) or a proctime (`AS PROCTIME()`) that no operation has turned into a
 * plain timestamp (the plan's time attributes and their losses: plan/properties/time-attributes.ts, lost-time.ts).
 * A HOP's size must be a multiple of its slide; only SESSION takes PARTITION BY on its table argument.
 */
import type { Expression } from '../../ast/expression.js';
import type { PlanNode, TimeAttribute } from '../../plan/node.js';
import type { LostTime } from '../../plan/properties/lost-time.js';
import { lostTimes } from '../../plan/properties/lost-time.js';
import type { WindowTableFunction } from '../../plan/window-table-function.js';
import { parseIntervalText } from '../../runtime/values/interval.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';

/** A column of a plan node as the time checks see it: its name, its time attribute, or why it lost one. */
export interface TimedColumn {
  readonly name: string;
  readonly time?: TimeAttribute;
  readonly lost?: LostTime;
}

export function timedColumn(node: PlanNode, position: number): TimedColumn | undefined {
  const c = node.columns[position];
  if (c === undefined) return undefined;
  const lost = lostTimes(node).get(position);
  return { name: c.name, ...(c.time === undefined ? {} : { time: c.time }), ...(lost === undefined ? {} : { lost }) };
}

/** How a column fails to be a time attribute, as the message and hint of a diagnostic; undefined when it is one. */
export function notATimeAttribute(c: TimedColumn, usage: string): { code: string; message: string; hint: string } | undefined {
  if (c.time !== undefined) return undefined;
  if (c.lost !== undefined) {
    return {
      code: TIME_CODES.timeAttributeLost,
      message: `column '${c.name}' is used as a time attribute in ${usage}, but it lost its ${c.lost.kind} attribute by ${c.lost.reason}`,
      hint: `pass the ${c.lost.kind} column through unchanged (no CAST, arithmetic or non-window GROUP BY) up to ${usage}`,
    };
  }
  return {
    code: TIME_CODES.descriptorNotTimeAttribute,
    message: `column '${c.name}' is not a time attribute, but ${usage} needs one`,
    hint: `declare WATERMARK FOR ${c.name} AS ${c.name} - INTERVAL '5' SECOND on its table (event time), or use a column declared AS PROCTIME() (processing time)`,
  };
}

/** Milliseconds of a day-time INTERVAL literal (undefined for anything else). */
export function intervalLiteralMillis(e: Expression | undefined): number | undefined {
  if (e === undefined || e.kind !== 'IntervalLiteral' || e.qualifier.start === 'YEAR' || e.qualifier.start === 'MONTH') return undefined;
  const ms = parseIntervalText(e.value, e.qualifier);
  return ms === null ? undefined : e.negative ? -ms : ms;
}

/** HOP(TABLE t, DESCRIPTOR(c), slide, size [, offset]): Flink's slicing needs size to be a multiple of slide. */
function checkHop(node: WindowTableFunction, ctx: StreamContext): void {
  const args = node.call.args;
  const named = new Map(args.filter((a) => a.kind === 'NamedArg').map((a) => [(a as { name: string }).name.toUpperCase(), (a as { value: Expression }).value]));
  const positional = args.filter((a) => a.kind !== 'NamedArg' && a.kind !== 'TableArg' && a.kind !== 'Descriptor');
  const slideArg = named.get('SLIDE') ?? positional[0];
  const sizeArg = named.get('SIZE') ?? positional[1];
  const slide = intervalLiteralMillis(slideArg);
  const size = intervalLiteralMillis(sizeArg);
  if (slide === undefined || size === undefined || slide <= 0 || size % slide === 0) return;
  report(ctx, TIME_CODES.hopSizeNotMultipleOfSlide, 'error', `HOP table function based aggregate requires size must be an integral multiple of slide, but got size ${size} ms and slide ${slide} ms`,
    `make the size a multiple of the slide, e.g. size ${Math.max(1, Math.round(size / slide)) * slide} ms`, sizeArg?.span ?? node.call.span);
}

export function checkWindowTvf(node: WindowTableFunction, ctx: StreamContext): void {
  const column = timedColumn(node.input, node.timeColumn);
  const descriptor = node.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'Descriptor');
  const problem = column === undefined ? undefined : notATimeAttribute(column, `the DESCRIPTOR of ${node.fn}`);
  if (problem !== undefined) report(ctx, problem.code, 'error', problem.message, problem.hint, descriptor?.span ?? node.call.span);
  if (node.fn === 'HOP') checkHop(node, ctx);
  const table = node.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'TableArg');
  if (node.fn !== 'SESSION' && table?.kind === 'TableArg' && table.partitionBy !== undefined) {
    // Flink 1.20.1: "Only tables with set semantics may be partitioned. Invalid PARTITION BY clause in the 0-th operand of table function 'TUMBLE'"
    report(ctx, TIME_CODES.partitionedAlignedWindow, 'error', `Only tables with set semantics may be partitioned: ${node.fn} takes no PARTITION BY on its table argument`,
      'drop PARTITION BY (group by the key instead), or use SESSION windows, which take PARTITION BY', table.partitionBy[0]?.span ?? node.call.span);
  }
}
