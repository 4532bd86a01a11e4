/**
 * Rules for an argument's shape, each read two ways from one definition: as a zod schema, which explains a rejection
 * with the offending element's path (`checkArgument`), and as a plain predicate, which accepts the common case
 * without zod (a pipeline declares hundreds of tables; zod's parse was a quarter of loading one). The predicate never
 * accepts what the schema rejects; it may refuse what the schema would accept (an object with another prototype,
 * a symbol key), and zod then decides.
 */
import { z } from 'zod';

export interface ShapeRule {
  readonly schema: z.ZodType;
  readonly accepts: (value: unknown) => boolean;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

/** A string that is not blank. */
export const nameRule: ShapeRule = { schema: z.string().trim().min(1), accepts: (v) => typeof v === 'string' && v.trim().length > 0 };
export const stringRule: ShapeRule = { schema: z.string(), accepts: (v) => typeof v === 'string' };
export const booleanRule: ShapeRule = { schema: z.boolean(), accepts: (v) => typeof v === 'boolean' };

export function enumRule(values: readonly [string, ...string[]]): ShapeRule {
  return { schema: z.enum(values), accepts: (v) => (values as readonly unknown[]).includes(v) };
}

/** A value `accepts` judges; `message` says what is expected when it refuses. */
export function customRule(accepts: (value: unknown) => boolean, message: string): ShapeRule {
  return { schema: z.custom<unknown>(accepts, { message }), accepts };
}

export function optionalRule(rule: ShapeRule): ShapeRule {
  return { schema: rule.schema.optional(), accepts: (v) => v === undefined || rule.accepts(v) };
}

export function arrayRule(element: ShapeRule): ShapeRule {
  return {
    schema: z.array(element.schema),
    accepts: (v) => {
      if (!Array.isArray(v)) return false;
      // by index, as zod reads it: a hole is an undefined element
      for (let i = 0; i < v.length; i++) if (!element.accepts(v[i])) return false;
      return true;
    },
  };
}

/** An object whose keys `key` accepts, each value `value` accepts. */
export function recordRule(key: ShapeRule, value: ShapeRule): ShapeRule {
  return {
    schema: z.record(key.schema as z.ZodType<string>, value.schema),
    accepts: (v) => {
      if (!isPlainObject(v)) return false;
      for (const k of Reflect.ownKeys(v)) if (typeof k !== 'string' || !key.accepts(k) || !value.accepts(v[k])) return false;
      return true;
    },
  };
}

/** An object with these keys and no other (a missing key reads as undefined: see `optionalRule`). */
export function strictObjectRule(shape: Readonly<Record<string, ShapeRule>>): ShapeRule {
  const keys = Object.keys(shape);
  return {
    schema: z.strictObject(Object.fromEntries(keys.map((k) => [k, shape[k]!.schema]))),
    accepts: (v) => {
      if (!isPlainObject(v)) return false;
      for (const k of Reflect.ownKeys(v)) if (typeof k !== 'string' || !Object.hasOwn(shape, k)) return false;
      for (const k of keys) if (!shape[k]!.accepts(Object.hasOwn(v, k) ? v[k] : undefined)) return false;
      return true;
    },
  };
}
