/**
 * Literal syntax Flink's parser checks: numbers within DECIMAL(38) and DOUBLE, DATE / TIME / TIMESTAMP strings
 * that name a real calendar day and time, INTERVAL strings in the form their qualifier asks for. A problem is
 * FTS1008's payload; the parser reports it at the literal with SQL_TEXTS.impossibleLiteral.
 */
import type { IntervalQualifier } from '../../ast/expression.js';
import type { LiteralPayload } from '../codes.js';

export type LiteralProblem = LiteralPayload;

const MAX_DIGITS = 38;

/** A numeric literal as written (`42`, `1.5`, `1E400`). */
export function numericLiteralProblem(text: string): LiteralProblem | undefined {
  const approximate = text.indexOf('e') !== -1 || text.indexOf('E') !== -1;
  // Most literals are short exact numbers: at most MAX_DIGITS characters cannot hold more digits.
  if (!approximate && text.length <= MAX_DIGITS) return undefined;
  if (approximate) {
    const value = Number(text);
    if (!Number.isFinite(value)) return { kind: 'doubleRange', text };
    return undefined;
  }
  const digits = text.replace('.', '').replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_DIGITS) {
    return { kind: 'tooManyDigits', text, digits: digits.length, max: MAX_DIGITS };
  }
  return undefined;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function dateProblem(year: number, month: number, day: number): string | undefined {
  if (year < 0 || year > 9999) return `year ${year} is outside 0000–9999`;
  if (month < 1 || month > 12) return `month ${month} does not exist`;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) return `day ${day} does not exist in month ${month} of ${year}`;
  return undefined;
}

function timeProblem(hour: number, minute: number, second: number, fraction: string | undefined): string | undefined {
  if (hour > 23) return `hour ${hour} does not exist (0–23)`;
  if (minute > 59) return `minute ${minute} does not exist (0–59)`;
  if (second > 59) return `second ${second} does not exist (0–59)`;
  if (fraction !== undefined && fraction.length > 9) return `${fraction.length} fractional digits; Flink keeps at most 9 (nanoseconds)`;
  return undefined;
}

const DATE = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$/;
const TIME = /^\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?\s*$/;
const TIMESTAMP = /^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d*))?)?)?\s*$/;

/** `DATE '…'`, `TIME '…'`, `TIMESTAMP '…'`, `TIMESTAMP_LTZ '…'`. */
export function temporalLiteralProblem(type: 'DATE' | 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ', value: string): LiteralProblem | undefined {
  const fail = (why: string, form: string): LiteralProblem => ({ kind: 'temporal', type, value, why, form });
  const n = (x: string | undefined) => Number(x ?? '0');
  if (type === 'DATE') {
    const m = DATE.exec(value);
    if (m === null) return fail('it is not in the form yyyy-mm-dd', "DATE 'yyyy-mm-dd', e.g. DATE '2024-01-31'");
    const why = dateProblem(n(m[1]), n(m[2]), n(m[3]));
    return why === undefined ? undefined : fail(why, 'a day that exists');
  }
  if (type === 'TIME') {
    const m = TIME.exec(value);
    if (m === null) return fail('it is not in the form hh:mm:ss[.fff]', "TIME 'hh:mm:ss', e.g. TIME '23:59:59'");
    const why = timeProblem(n(m[1]), n(m[2]), n(m[3]), m[4]);
    return why === undefined ? undefined : fail(why, 'a time of day that exists');
  }
  const m = TIMESTAMP.exec(value);
  if (m === null) return fail('it is not in the form yyyy-mm-dd hh:mm:ss[.fff]', `${type} 'yyyy-mm-dd hh:mm:ss', e.g. ${type} '2024-01-31 23:59:59'`);
  const why = dateProblem(n(m[1]), n(m[2]), n(m[3])) ?? timeProblem(n(m[4]), n(m[5]), n(m[6]), m[7]);
  return why === undefined ? undefined : fail(why, 'a day and time that exist');
}

/** The form of an INTERVAL string for each qualifier, as Calcite's interval literal parser takes it. */
const INTERVAL_FORMS: Record<string, { readonly pattern: RegExp; readonly example: string }> = {
  YEAR: { pattern: /^\d+$/, example: "'2'" },
  MONTH: { pattern: /^\d+$/, example: "'3'" },
  DAY: { pattern: /^\d+$/, example: "'1'" },
  HOUR: { pattern: /^\d+$/, example: "'12'" },
  MINUTE: { pattern: /^\d+$/, example: "'30'" },
  SECOND: { pattern: /^\d+(\.\d+)?$/, example: "'10' or '1.5'" },
  'YEAR TO MONTH': { pattern: /^\d+-\d{1,2}$/, example: "'1-6'" },
  'DAY TO HOUR': { pattern: /^\d+ \d{1,2}$/, example: "'1 12'" },
  'DAY TO MINUTE': { pattern: /^\d+ \d{1,2}:\d{1,2}$/, example: "'1 12:30'" },
  'DAY TO SECOND': { pattern: /^\d+ \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/, example: "'1 12:30:00.5'" },
  'HOUR TO MINUTE': { pattern: /^\d+:\d{1,2}$/, example: "'12:30'" },
  'HOUR TO SECOND': { pattern: /^\d+:\d{1,2}:\d{1,2}(\.\d+)?$/, example: "'12:30:00'" },
  'MINUTE TO SECOND': { pattern: /^\d+:\d{1,2}(\.\d+)?$/, example: "'30:00.5'" },
};

/** `INTERVAL 'value' qualifier`: the value must be in the qualifier's form (a leading sign is allowed). */
export function intervalLiteralProblem(value: string, qualifier: IntervalQualifier): LiteralProblem | undefined {
  const name = qualifier.end === undefined ? qualifier.start : `${qualifier.start} TO ${qualifier.end}`;
  const form = INTERVAL_FORMS[name];
  if (form === undefined) return undefined;
  const body = value.trim().replace(/^[-+]/, '');
  if (form.pattern.test(body)) return undefined;
  return { kind: 'interval', value, qualifier: name, example: form.example };
}
