/**
 * A target as a plug-in: what `build` writes for a platform (and what `check` asks it to validate) behind one
 * interface, registered in one table (emitters.ts). The target names come from that table; adding a platform is one
 * emitter file and one line there.
 */
import type { Diagnostic } from '@flinkts/core';
import type { ResolvedEnvironment, ResolvedJob } from '../resolve-environment.js';
import type { ArtifactFile } from './artifact-file.js';

export interface Emitter<Name extends string = string, Config = unknown> {
  readonly name: Name;
  /** The target's configuration in an environment (its overrides applied), or undefined when it is not configured. */
  readonly config: (env: ResolvedEnvironment) => Config | undefined;
  /**
   * The problems of one job for this target, without its files (`check`). Without it, `check` emits the job and
   * drops the files.
   */
  readonly validate?: (env: ResolvedEnvironment, job: ResolvedJob, config: Config, diagnostics: Diagnostic[]) => void;
  /** The files of one job, relative to the environment's folder (e.g. `vvp/<job>.yaml`). */
  readonly emitJob?: (env: ResolvedEnvironment, job: ResolvedJob, config: Config, diagnostics: Diagnostic[]) => readonly ArtifactFile[];
  /** The files of the environment as a whole, after every job's (e.g. StreamPark's team variables). */
  readonly emitEnvironment?: (env: ResolvedEnvironment, config: Config, diagnostics: Diagnostic[]) => readonly ArtifactFile[];
}

/** Declares an emitter with its name and configuration type inferred. */
export function emitter<const Name extends string, Config>(e: Emitter<Name, Config>): Emitter<Name, Config> {
  return Object.freeze(e);
}
