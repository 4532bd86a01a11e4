/**
 * A target as a plug-in: what `build` writes for a platform (and what `check` asks it to validate) behind one
 * interface, registered in one table (emitters.ts). The target names, the pipeline's `targets` type, the
 * environments' target overrides and the configuration checks all come from that table: adding a platform is one
 * emitter file (its configuration interface and schema included) and one line there.
 */
import type { ArgumentSchema, Diagnostic } from '@flinkts/core';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import type { ArtifactFile } from './artifact-file.js';

export interface Emitter<Name extends string = string, Config = unknown> {
  readonly name: Name;
  /** How `pipeline()` checks the pipeline's configuration of this target (none: the emitter checks it itself). */
  readonly schema?: ArgumentSchema<Config>;
  /**
   * The problems of one job for this target, without its files (`check`). Without it, `check` emits the job and
   * drops the files.
   */
  readonly validate?: (env: ResolvedEnvironment, job: ResolvedJob, config: Config, diagnostics: Diagnostic[]) => void;
  /**
   * The problems of the target's configuration for the environment as a whole (e.g. the platform's Flink version
   * against the pipeline's), checked with the environment's other checks (`check`, `build`, `deploy`) for every target
   * the environment configures.
   */
  readonly validateEnvironment?: (env: ResolvedEnvironment, config: Config, diagnostics: Diagnostic[]) => void;
  /** The files of one job, relative to the environment's folder (e.g. `vvp/<job>.yaml`). */
  readonly emitJob?: (env: ResolvedEnvironment, job: ResolvedJob, config: Config, diagnostics: Diagnostic[]) => readonly ArtifactFile[];
  /** The files of the environment as a whole, after every job's (e.g. StreamPark's team variables). */
  readonly emitEnvironment?: (env: ResolvedEnvironment, config: Config, diagnostics: Diagnostic[]) => readonly ArtifactFile[];
}

/** An emitter whose configuration an environment may override field by field (`environments.<env>.targets.<name>`). */
export interface OverridableEmitter<Name extends string = string, Config = unknown> extends Emitter<Name, Config> {
  readonly overrides: ArgumentSchema<Partial<Config>>;
}

/** The checks of one target's configuration: the pipeline's whole configuration, and an environment's overrides. */
export interface ConfigSchemas<Config> {
  readonly whole: ArgumentSchema<Config>;
  /** Any subset of the fields (an environment's `targets.<name>`). */
  readonly fields: ArgumentSchema<Partial<Config>>;
}

/** Declares an emitter with its name and configuration type inferred. */
export function emitter<const Name extends string, Config>(e: OverridableEmitter<Name, Config>): OverridableEmitter<Name, Config>;
export function emitter<const Name extends string, Config>(e: Emitter<Name, Config>): Emitter<Name, Config>;
export function emitter<const Name extends string, Config>(e: Emitter<Name, Config>): Emitter<Name, Config> {
  return Object.freeze(e);
}

/** The configuration type of an emitter. */
export type ConfigOf<E> = E extends Emitter<string, infer C> ? C : never;
