/** INTERVAL literal text → months (YEAR TO MONTH family) or milliseconds (DAY TO SECOND family). */
import type { IntervalQualifier } from '../../ast/expression.js';
import type { DataType } from '../../types/data-type.js';

/**
 * The type of an INTERVAL literal as Flink's planner has it: every year-month interval is INTERVAL MONTH and every
 * day-time interval INTERVAL SECOND(3) (FlinkTypeFactory keeps months and milliseconds, whatever the qualifier).
 */
export function intervalType(q: IntervalQualifier): DataType {
  if (q.start === 'YEAR' || q.start === 'MONTH') return { kind: 'INTERVAL_YEAR_MONTH', resolution: 'MONTH', yearPrecision: 2, nullable: false };
  return { kind: 'INTERVAL_DAY_TIME', resolution: 'SECOND', dayPrecision: 2, fractionalPrecision: 3, nullable: false };
}

const UNIT_MS: Record<string, number> = { DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000 };

/** Parse the quoted text of an interval literal; `null` when it does not match the qualifier. */
export function parseIntervalText(text: string, q: IntervalQualifier): number | null {
  let t = text.trim();
  let sign = 1;
  if (t.startsWith('-')) {
    sign = -1;
    t = t.slice(1).trim();
  } else if (t.startsWith('+')) t = t.slice(1).trim();
  if (q.start === 'YEAR' || q.start === 'MONTH') {
    if (q.start === 'YEAR' && q.end === 'MONTH') {
      const m = /^(\d+)-(\d+)$/.exec(t);
      if (!m) return null;
      return sign * (Number(m[1]) * 12 + Number(m[2]));
    }
    if (!/^\d+$/.test(t)) return null;
    return sign * Number(t) * (q.start === 'YEAR' ? 12 : 1);
  }
  const units = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];
  const from = units.indexOf(q.start);
  const to = units.indexOf(q.end ?? q.start);
  const parts = t.split(/[ :]/);
  if (parts.length !== to - from + 1) return null;
  let ms = 0;
  for (let i = 0; i < parts.length; i++) {
    const unit = units[from + i] as string;
    const p = parts[i] as string;
    if (unit === 'SECOND') {
      const m = /^(\d+)(?:\.(\d*))?$/.exec(p);
      if (!m) return null;
      ms += Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0').slice(0, 3));
    } else {
      if (!/^\d+$/.test(p)) return null;
      ms += Number(p) * (UNIT_MS[unit] as number);
    }
  }
  return sign * ms;
}
