/**
 * Window TVFs (`TUMBLE`, `HOP`, `CUMULATE`, `SESSION`): the DESCRIPTOR column must be a time attribute of the
 * input — a rowtime (declared by a WATERMARK) or a proctime (`AS PROCTIME()`) that no projection has turned into a
 * plain timestamp. The output adds `window_start`, `window_end` (plain timestamps) and `window_time` (a time
 * attribute of the DESCRIPTOR's kind).
 */
import { TABLE_FUNCTIONS } from '../../functions/registry.js';
import type { Expression } from '../../ast/expression.js';
import type { TableFunction } from '../../ast/query.js';
import { didYouMean } from '../../diagnostics/did-you-mean.js';
import type { Stream, StreamColumn, TimeAttributeKind } from '../changelog/changelog-mode.js';
import type { StreamContext } from '../changelog/stream-context.js';
import { report } from '../changelog/stream-context.js';
import { TIME_CODES } from './codes.js';
import { parseIntervalText } from '../../runtime/values/interval.js';

/** The window table-valued functions (the registry's table functions). */
export const WINDOW_TVFS: ReadonlySet<string> = TABLE_FUNCTIONS;

export function isWindowTvf(r: TableFunction): boolean {
  return r.call.name.length === 1 && WINDOW_TVFS.has(r.call.name[0]!.toUpperCase());
}

function unwrap(e: Expression): Expression {
  return e.kind === 'NamedArg' ? e.value : e;
}

/** How a column fails to be a time attribute, as the message and hint of a diagnostic; undefined when it is one. */
export function notATimeAttribute(c: StreamColumn, usage: string): { code: string; message: string; hint: string } | undefined {
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
function checkHop(r: TableFunction, ctx: StreamContext): void {
  const named = new Map(r.call.args.filter((a) => a.kind === 'NamedArg').map((a) => [(a as { name: string }).name.toUpperCase(), (a as { value: Expression }).value]));
  const positional = r.call.args.filter((a) => a.kind !== 'NamedArg' && a.kind !== 'TableArg' && a.kind !== 'Descriptor');
  const slideArg = named.get('SLIDE') ?? positional[0];
  const sizeArg = named.get('SIZE') ?? positional[1];
  const slide = intervalLiteralMillis(slideArg);
  const size = intervalLiteralMillis(sizeArg);
  if (slide === undefined || size === undefined || slide <= 0 || size % slide === 0) return;
  report(ctx, TIME_CODES.hopSizeNotMultipleOfSlide, 'error', `HOP table function based aggregate requires size must be an integral multiple of slide, but got size ${size} ms and slide ${slide} ms`,
    `make the size a multiple of the slide, e.g. size ${Math.max(1, Math.round(size / slide)) * slide} ms`, sizeArg?.span ?? r.call.span);
}

/** The stream a window TVF emits over `input`, reporting a DESCRIPTOR that is not a time attribute. */
export function windowTvfStream(r: TableFunction, input: Stream, ctx: StreamContext): Stream {
  const name = r.call.name[0]!.toUpperCase();
  const args = r.call.args.map(unwrap);
  const descriptor = args.find((a) => a.kind === 'Descriptor');
  let kind: TimeAttributeKind | undefined;
  if (descriptor === undefined || descriptor.kind !== 'Descriptor' || descriptor.columns.length !== 1) {
    report(ctx, TIME_CODES.descriptorUnknownColumn, 'error', `${name} needs exactly one time attribute column as DESCRIPTOR(column)`, `write ${name}(TABLE t, DESCRIPTOR(time_col), …)`, descriptor?.span ?? r.call.span);
  } else if (input.columns !== undefined) {
    const col = descriptor.columns[0]!;
    const found = input.columns.find((c) => c.name === col);
    if (found === undefined) {
      const names = input.columns.map((c) => c.name);
      report(ctx, TIME_CODES.descriptorUnknownColumn, 'error', `DESCRIPTOR(${col}) of ${name} names a column its input does not have`, didYouMean(col, names) ?? `input columns: ${names.join(', ')}`, descriptor.span);
    } else {
      const problem = notATimeAttribute(found, `the DESCRIPTOR of ${name}`);
      if (problem !== undefined) report(ctx, problem.code, 'error', problem.message, problem.hint, descriptor.span);
      else kind = found.time;
    }
  }
  if (name === 'HOP') checkHop(r, ctx);
  const relation = r.alias ?? '';
  const windowColumns: StreamColumn[] = [
    { relation, name: 'window_start', window: 'start' },
    { relation, name: 'window_end', window: 'end' },
    { relation, name: 'window_time', ...(kind === undefined ? {} : { time: kind }) },
  ];
  return {
    // Even with a bad DESCRIPTOR the window columns are there: no follow-up changelog errors.
    columns: [...(input.columns ?? []).map((c) => ({ ...c, relation })), ...windowColumns],
  };
}
