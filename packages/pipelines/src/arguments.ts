/**
 * The pipelines' argument checks at their public entries: FTS8005 (worded as core's FTS2305) naming the call and
 * the argument, before anything reads a field of a value a JavaScript caller (or `as any`) got wrong.
 */
import { z } from 'zod';
import type { ArgumentSchema, Table } from '@flinkts/core';
import { argumentError, checkArgument, checkObject } from '@flinkts/core/internal';
import { TEXTS } from './codes.js';
import type { Pipeline } from './pipeline.js';

/** `value` against `schema`, as FTS8005. */
export function checkPipelineArgument<T>(call: string, argument: string, schema: ArgumentSchema<T>, value: unknown): T {
  return checkArgument(call, argument, schema, value, TEXTS.badArgument);
}

/** A pipeline made by pipeline(…). */
export function checkPipelineValue(call: string, value: unknown): void {
  // By shape, not instanceof: a config compiled against another copy of @flinkts/pipelines makes its own class.
  const v = value as Partial<Pipeline> | null;
  if (v === null || typeof v !== 'object' || v.kind !== 'pipeline' || v.spec === null || typeof v.spec !== 'object') throw argumentError(call, 'pipeline', 'a pipeline made by pipeline({ … })', value, 'pass the value your flinkts.config.ts exports (pipeline({ name, jobs, environments, … }))', TEXTS.badArgument);
}

/** A non-empty name (an environment, a job). */
export function checkNameArgument(call: string, argument: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw argumentError(call, argument, 'a non-empty name', value, undefined, TEXTS.badArgument);
  return value;
}

/**
 * A name that becomes one file or folder name (a deployment record's pipeline, environment, target, job): a
 * non-empty name without a path separator or NUL, not `.` or `..`, so nothing is read or written outside the folder
 * it names a file in.
 */
export function checkFileNameArgument(call: string, argument: string, value: unknown): string {
  const name = checkNameArgument(call, argument, value);
  if (/[\\/\0]/.test(name) || name === '.' || name === '..') throw argumentError(call, argument, 'a name usable as a file name (no / or \\, not . or ..)', value, 'rename it without path separators: a record is kept in a file named after it', TEXTS.badArgument);
  return name;
}

/** A table declared with table(…). */
export function checkTableArgument(call: string, argument: string, value: unknown): void {
  const v = value as Partial<Table> | null;
  if (v === null || typeof v !== 'object' || v.kind !== 'table' || typeof v.name !== 'string' || typeof v.statement !== 'object') throw argumentError(call, argument, 'a table declared with table(…)', value, undefined, TEXTS.badArgument);
}

/** An endpoint's base URL (`http://host:8081`), as FTS8005: the deploy clients append their paths to it. */
export function checkEndpointUrl(call: string, argument: string, value: unknown): string {
  let ok = false;
  if (typeof value === 'string') {
    try {
      ok = /^https?:$/.test(new URL(value).protocol);
    } catch {
      ok = false;
    }
  }
  if (!ok) throw argumentError(call, argument, 'an http(s) URL such as http://localhost:8081', value, undefined, TEXTS.badArgument);
  return value as string;
}

/** A time limit in milliseconds, when given: a positive whole number, as FTS8005. */
export function checkMillis(call: string, argument: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)) throw argumentError(call, argument, 'a positive whole number of milliseconds (or nothing)', value, undefined, TEXTS.badArgument);
}

/** A plain object (an options or spec object), as FTS8005. */
export function checkObjectArgument(call: string, argument: string, value: unknown): void {
  checkObject(call, argument, value, 'an object', TEXTS.badArgument);
}

export const BUILD_OPTIONS = z.object({
  env: z.string().trim().min(1),
  targets: z.array(z.string()).optional(),
  onJob: z.function().optional(),
  lineageWrittenByCaller: z.boolean().optional(),
});

export const LINEAGE_ARTIFACT_OPTIONS = z.object({ eventTime: z.string().min(1), producer: z.string().min(1) });

export const PIPELINE_LINEAGE = z.object({
  pipeline: z.string(),
  environment: z.string(),
  tables: z.array(z.unknown()),
  jobs: z.array(z.unknown()),
  edges: z.array(z.unknown()),
});
