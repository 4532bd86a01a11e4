/** Durations in declarations (`'5 min'`, `'15 min'`, `'30 s'`), as seconds, Flink INTERVAL literals and Prometheus durations. */
import { FlinktsError } from '@flinkts/core';
import { TEXTS } from '../codes.js';
import { textFields } from '@flinkts/core/internal';

export type DurationUnit = 's' | 'min' | 'h' | 'd';
/** A whole number of seconds, minutes, hours or days: `'5 min'`. */
export type Duration = `${number} ${DurationUnit}`;

const SECONDS: Readonly<Record<DurationUnit, number>> = { s: 1, min: 60, h: 3600, d: 86400 };
const SQL_UNIT: Readonly<Record<DurationUnit, string>> = { s: 'SECOND', min: 'MINUTE', h: 'HOUR', d: 'DAY' };
const PROM_UNIT: Readonly<Record<DurationUnit, string>> = { s: 's', min: 'm', h: 'h', d: 'd' };

export interface ParsedDuration {
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly seconds: number;
}

export function parseDuration(text: string, path: string): ParsedDuration {
  const m = /^(\d+) (s|min|h|d)$/.exec(text);
  if (m === null || Number(m[1]) <= 0) {
    throw new FlinktsError([{ ...textFields(TEXTS.badQuality({ kind: 'badDuration', text })), severity: 'error', path }]);
  }
  const unit = m[2] as DurationUnit;
  const amount = Number(m[1]);
  return { amount, unit, seconds: amount * SECONDS[unit] };
}

/** `INTERVAL '5' MINUTE`. */
export function sqlInterval(d: ParsedDuration): string {
  return `INTERVAL '${d.amount}' ${SQL_UNIT[d.unit]}`;
}

/** `5m`. */
export function promDuration(d: ParsedDuration): string {
  return `${d.amount}${PROM_UNIT[d.unit]}`;
}
