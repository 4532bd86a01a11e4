/**
 * A target's configuration is declared once as a public interface beside its emitter, and checked at run time by a
 * zod schema in the same file. `configSchemas<Config>()(schema)` fails to compile unless the schema accepts exactly
 * that interface (a field added to one and not the other is a type error), and hands the schema on structurally
 * (`ArgumentSchema`), so no zod type reaches the published declarations (zod's need the DOM or Node's `URL`).
 */
import type { ArgumentSchema } from '@flinkts/core';
import type { ConfigSchemas } from './emitter.js';
import type { z } from 'zod';

/** True when A and B are the same type (each assignable to the other, optional keys included). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? (Required<A> extends Required<B> ? (Required<B> extends Required<A> ? true : false) : false) : false) : false;

/** The schemas of a target whose public type is `Config`; the object schema must infer exactly `Config`. */
export function configSchemas<Config>() {
  return <S extends z.ZodObject>(schema: S & (Same<z.infer<S>, Config> extends true ? unknown : { readonly 'schema does not match the interface': Config })): ConfigSchemas<Config> =>
    Object.freeze({ whole: schema.readonly() as unknown as ArgumentSchema<Config>, fields: schema.partial().readonly() as unknown as ArgumentSchema<Partial<Config>> });
}
