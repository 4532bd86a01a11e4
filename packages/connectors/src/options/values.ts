/**
 * What typed option objects accept as values, and how each value becomes the exact text in a WITH clause.
 */
import type { FormatRef } from '../formats/format.js';

import { argumentError } from '@flinkts/core/internal';

const SECRET_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

function checkSecretName(call: string, name: unknown): string {
  if (typeof name !== 'string' || !SECRET_NAME.test(name)) {
    throw argumentError(call, 'name', `a name matching ${SECRET_NAME.source}`, name, "a secret is printed as ${NAME} for the platform to resolve, e.g. secret('MYSQL_PASSWORD')");
  }
  return name;
}

/** A credential resolved by the platform at deploy time; printed as `${NAME}`, never as plaintext. */
export class Secret {
  readonly kind = 'secret' as const;
  readonly name: string;
  constructor(name: string) {
    this.name = checkSecretName('new Secret()', name);
    Object.freeze(this);
  }
  toString(): string {
    return `\${${this.name}}`;
  }
}

/** `secret('MYSQL_PASSWORD')` prints as `${MYSQL_PASSWORD}`. */
export function secret(name: string): Secret {
  return new Secret(checkSecretName('secret()', name));
}

/** `${NAME}`: a placeholder the platform resolves (a secret or an environment variable). */
export const PLACEHOLDER = /^\$\{[A-Za-z_][A-Za-z0-9_.-]*\}$/;

type DurationUnit = 'd' | 'day' | 'days' | 'h' | 'hour' | 'hours' | 'min' | 'm' | 'minute' | 'minutes' | 's' | 'sec' | 'secs' | 'second' | 'seconds' | 'ms' | 'milli' | 'millis' | 'millisecond' | 'milliseconds' | 'µs' | 'us' | 'micro' | 'micros' | 'microsecond' | 'microseconds' | 'ns' | 'nano' | 'nanos' | 'nanosecond' | 'nanoseconds';
type MemoryUnit = 'b' | 'bytes' | 'k' | 'kb' | 'kibibytes' | 'm' | 'mb' | 'mebibytes' | 'g' | 'gb' | 'gibibytes' | 't' | 'tb' | 'tebibytes';

/** `${NAME}`: a value the platform fills in per environment (any option type accepts one). */
export type Placeholder = `\${${string}}`;
export type StringValue = string | Secret;
/** A credential: `secret('NAME')` or a `${NAME}` placeholder, never plaintext. */
export type SecretValue = Secret | Placeholder;
export type IntegerValue = number | `${number}` | Placeholder;
export type NumberValue = number | `${number}` | Placeholder;
export type BooleanValue = boolean | 'true' | 'false' | Placeholder;
/** `'30 s'`, `'5min'`, `'1 d'` (a number and a unit; Flink also reads a bare number as milliseconds). */
export type DurationValue = `${number}${'' | ' '}${DurationUnit}` | `${number}` | Placeholder;
/** `'128mb'`, `'64 MB'`, `'1 gb'` (1024-based units; a bare number is bytes). */
export type MemorySizeValue = `${number}${'' | ' '}${MemoryUnit | Uppercase<MemoryUnit>}` | `${number}` | Placeholder;
/** A list: an array, or the Flink text with `;` separators. */
export type ListValue = readonly string[] | string;
/** A map: an object, or the Flink text `k1:v1,k2:v2`. */
export type MapValue = Readonly<Record<string, string>> | string;

export type OptionInputValue = string | number | boolean | Secret | readonly string[] | Readonly<Record<string, string>> | FormatRef;
