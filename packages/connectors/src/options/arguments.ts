/**
 * The connectors' argument checks at their public entries (FTS2305, core's code for a public API argument of the
 * wrong shape, naming the call and the argument): an options object, a list of WITH entries, a validation context.
 */
import { z } from 'zod';
import { checkArgument, checkObject } from '@flinkts/core/internal';

/** A typed factory's options: a plain object (not null, an array, a string …). */
export function checkOptionsObject(call: string, argument: string, value: unknown): void {
  checkObject(call, argument, value, 'an options object');
}

const ENTRIES = z.array(z.object({ key: z.string(), value: z.string() }).loose());

/** WITH entries as the validators take them: `[{ key, value }, …]` (a parsed statement's `options`). */
export function checkEntries(call: string, argument: string, value: unknown): void {
  checkArgument(call, argument, ENTRIES, value);
}

const CONTEXT = z.object({
  hasPrimaryKey: z.boolean().optional(),
  columns: z.array(z.string()).optional(),
  path: z.string().optional(),
  catalogType: z.string().optional(),
}).loose();

/** A validator's context object; `hasPrimaryKey` required where the caller says so. */
export function checkContext(call: string, value: unknown, hasPrimaryKey = false): void {
  checkOptionsObject(call, 'context', value);
  checkArgument(call, 'context', hasPrimaryKey ? CONTEXT.extend({ hasPrimaryKey: z.boolean() }) : CONTEXT, value);
}
