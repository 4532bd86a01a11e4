/**
 * Value syntax of Flink options, as zod schemas over the option text: Duration (`30 s`, `5min`), MemorySize
 * (`128mb`), integers, booleans, enums (case-insensitive, like Flink), lists (`a;b`) and maps (`k:v,k2:v2`).
 */
import { z } from 'zod';
import { parseDuration, parseMemorySize } from '@flinkts/core';
import type { OptionSpec } from './spec.js';
import { PLACEHOLDER } from './values.js';

const INT_RANGE: Record<'integer' | 'long', readonly [bigint, bigint]> = {
  integer: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

function integerSchema(kind: 'integer' | 'long'): z.ZodType<string> {
  const [min, max] = INT_RANGE[kind];
  return z.string().refine((s) => /^\s*[+-]?\d+\s*$/.test(s) && BigInt(s.trim()) >= min && BigInt(s.trim()) <= max, {
    message: kind === 'integer' ? 'expected an integer (32-bit)' : 'expected an integer (64-bit)',
  });
}

function enumSchema(values: readonly string[]): z.ZodType<string> {
  const lower = new Set(values.map((v) => v.toLowerCase()));
  return z.string().refine((s) => lower.has(s.trim().toLowerCase()), { message: `expected one of ${values.map((v) => `'${v}'`).join(', ')}` });
}

function schemaFor(spec: OptionSpec): z.ZodType<string> {
  switch (spec.type) {
    case 'string':
      return z.string();
    case 'integer':
    case 'long':
      return integerSchema(spec.type);
    case 'double':
      return z.string().refine((s) => s.trim() !== '' && Number.isFinite(Number(s)), { message: 'expected a number' });
    case 'boolean':
      return z.string().refine((s) => /^(true|false)$/i.test(s.trim()), { message: "expected 'true' or 'false'" });
    case 'duration':
      return z.string().refine((s) => parseDuration(s) !== undefined, {
        message: "expected a Duration: a whole number and a unit, e.g. '30 s', '5 min', '1 h', '500 ms'",
      });
    case 'memory':
      return z.string().refine((s) => parseMemorySize(s) !== undefined, {
        message: "expected a MemorySize: a whole number and a unit, e.g. '64 mb', '128mb', '1 gb'",
      });
    case 'enum':
      return enumSchema(spec.values ?? []);
    case 'list': {
      if (!spec.itemValues) return z.string();
      const item = enumSchema(spec.itemValues);
      return z.string().refine((s) => s.split(';').every((part) => item.safeParse(part).success), {
        message: `expected ';'-separated values from ${spec.itemValues.map((v) => `'${v}'`).join(', ')}`,
      });
    }
    case 'map':
      return z.string().refine((s) => s.trim() === '' || s.split(',').every((pair) => /^[^:]+:.*$/.test(pair.trim())), {
        message: "expected a map written 'key1:value1,key2:value2'",
      });
  }
}

const cache = new WeakMap<OptionSpec, z.ZodType<string>>();

/** Why `text` is not a valid value of the option, or undefined when it is. `${NAME}` placeholders are accepted. */
export function checkValue(spec: OptionSpec, text: string): string | undefined {
  if (PLACEHOLDER.test(text.trim())) return undefined;
  let schema = cache.get(spec);
  if (!schema) {
    schema = schemaFor(spec);
    cache.set(spec, schema);
  }
  const result = schema.safeParse(text);
  if (!result.success) return result.error.issues[0]?.message ?? 'invalid value';
  const n = Number(text);
  if (spec.min !== undefined && n < spec.min) return `must be at least ${spec.min}`;
  if (spec.max !== undefined && n > spec.max) return `must be at most ${spec.max}`;
  return undefined;
}
