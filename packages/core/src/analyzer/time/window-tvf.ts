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
import { reportText } from '../changelog/stream-context.js';
import type { CodeText } from '../../diagnostics/code-table.js';
import { TIME_TEXTS } from './codes.js';

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

/**
 * How a column fails to be a time attribute: 'lost' with FTS4302's text when an operation turned it into a plain
 * timestamp, 'none' when it never was one (each usage reports that with its own code); undefined when it is one.
 */
export function notATimeAttribute(c: TimedColumn, usage: string): { readonly kind: 'lost'; readonly text: CodeText } | { readonly kind: 'none' } | undefined {
  if (c.time !== undefined) return undefined;
  if (c.lost !== undefined) return { kind: 'lost', text: TIME_TEXTS.timeAttributeLost({ column: c.name, usage, kind: c.lost.kind, reason: c.lost.reason }) };
  return { kind: 'none' };
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
  reportText(ctx, TIME_TEXTS.hopSizeNotMultipleOfSlide({ size, slide }), 'error', sizeArg?.span ?? node.call.span);
}

export function checkWindowTvf(node: WindowTableFunction, ctx: StreamContext): void {
  const column = timedColumn(node.input, node.timeColumn);
  const descriptor = node.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'Descriptor');
  const usage = `the DESCRIPTOR of ${node.fn}`;
  const problem = column === undefined ? undefined : notATimeAttribute(column, usage);
  if (problem !== undefined) reportText(ctx, problem.kind === 'lost' ? problem.text : TIME_TEXTS.descriptorNotTimeAttribute({ column: column!.name, usage }), 'error', descriptor?.span ?? node.call.span);
  if (node.fn === 'HOP') checkHop(node, ctx);
  const table = node.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'TableArg');
  if (node.fn !== 'SESSION' && table?.kind === 'TableArg' && table.partitionBy !== undefined) {
    // Flink 1.20.1: "Only tables with set semantics may be partitioned. Invalid PARTITION BY clause in the 0-th operand of table function 'TUMBLE'"
    reportText(ctx, TIME_TEXTS.partitionedAlignedWindow({ fn: node.fn }), 'error', table.partitionBy[0]?.span ?? node.call.span);
  }
}
