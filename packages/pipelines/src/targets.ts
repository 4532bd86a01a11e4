/**
 * The pipeline's `targets` and an environment's target overrides, inferred from the emitter registry
 * (emit/emitters.ts): each target's configuration is its emitter's. Lineage is the one target without an emitter
 * (`lineageArtifacts` writes its files, asynchronously, for the caller).
 */
import { z } from 'zod';
import { configSchemas } from './emit/config-schema.js';
import type { ConfigOf, OverridableEmitter } from './emit/emitter.js';
import type { EMITTERS } from './emit/emitters.js';

type AnyEmitter = (typeof EMITTERS)[number];

/** The lineage formats `build` can write under `<env>/lineage/`. */
export const LINEAGE_FORMATS = ['json', 'text', 'mermaid', 'openlineage', 'html'] as const;
export type LineageFormat = (typeof LINEAGE_FORMATS)[number];

/**
 * Lineage beside the other artifacts: `<env>/lineage/lineage.json`, `lineage.txt`, `lineage.mmd` and `jobs.mmd`,
 * `openlineage.jsonl` (one OpenLineage event per job) and `lineage.html` (the page to click through).
 */
export interface LineageOutputTarget {
  /** Default: every format. */
  readonly formats?: readonly LineageFormat[];
  /** OpenLineage RunEvents (default) or JobEvents. */
  readonly events?: 'run' | 'job';
  /** The OpenLineage job namespace; default `<pipeline>.<environment>`. */
  readonly jobNamespace?: string;
}

export const LINEAGE_CONFIG = configSchemas<LineageOutputTarget>()(z.strictObject({
  formats: z.array(z.enum(LINEAGE_FORMATS)).min(1).readonly().optional(),
  events: z.enum(['run', 'job']).optional(),
  jobNamespace: z.string().trim().min(1).optional(),
}));

/** Each emitter's configuration, by its name. */
export type EmitterTargets = { readonly [E in AnyEmitter as E['name']]?: ConfigOf<E> };

export type Targets = EmitterTargets & {
  /** Table and column lineage (not overridden per environment). */
  readonly lineage?: LineageOutputTarget;
};

/** The target names are the emitters' (emit/emitters.ts). */
export type { TargetName } from './emit/emitters.js';

/** What an environment may change: any fields of an overridable emitter's configuration. */
export type TargetOverrides = { readonly [E in AnyEmitter as E extends OverridableEmitter ? E['name'] : never]?: Partial<ConfigOf<E>> };
