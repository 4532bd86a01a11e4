/**
 * The text syntax of Flink's Duration and MemorySize option values (`30 s`, `5min`, `128mb`), as Flink's TimeUtils
 * and MemorySize read them. The connectors' option checks and the local runtime's settings read these.
 */
const DURATION_UNITS = new Map<string, number>();
for (const [ms, names] of [
  [86_400_000, ['d', 'day', 'days']],
  [3_600_000, ['h', 'hour', 'hours']],
  [60_000, ['min', 'm', 'minute', 'minutes']],
  [1000, ['s', 'sec', 'secs', 'second', 'seconds']],
  [1, ['ms', 'milli', 'millis', 'millisecond', 'milliseconds']],
  [0.001, ['µs', 'us', 'micro', 'micros', 'microsecond', 'microseconds']],
  [0.000001, ['ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds']],
] as const) {
  for (const n of names) DURATION_UNITS.set(n, ms);
}
const MEMORY_UNITS = new Map<string, number>();
for (const [factor, names] of [
  [1, ['b', 'bytes']],
  [1024, ['k', 'kb', 'kibibytes']],
  [1024 ** 2, ['m', 'mb', 'mebibytes']],
  [1024 ** 3, ['g', 'gb', 'gibibytes']],
  [1024 ** 4, ['t', 'tb', 'tebibytes']],
] as const) {
  for (const n of names) MEMORY_UNITS.set(n, factor);
}

const AMOUNT_AND_UNIT = /^\s*(\d+)\s*([^\d\s]*)\s*$/;

/** The amount times its unit's factor (no unit: a factor of 1), or undefined when the text or its unit does not parse. */
function amountIn(text: string, units: ReadonlyMap<string, number>): number | undefined {
  const m = AMOUNT_AND_UNIT.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toLowerCase();
  const factor = unit === '' ? 1 : units.get(unit);
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

/** Milliseconds of a Flink Duration text, or undefined when it does not parse (as Flink's TimeUtils). */
export const parseDuration = (text: string): number | undefined => amountIn(text, DURATION_UNITS);

/** Bytes of a Flink MemorySize text, or undefined when it does not parse (as Flink's MemorySize.parse). */
export const parseMemorySize = (text: string): number | undefined => amountIn(text, MEMORY_UNITS);
