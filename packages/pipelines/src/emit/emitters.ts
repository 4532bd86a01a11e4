/**
 * The targets `build` writes, one emitter each (emitter.ts), in the order their files are written. The target names
 * are this table's (plus `lineage`, whose files `lineageArtifacts` writes, asynchronously, for the caller), and so
 * are the pipeline's `targets` and environments' overrides (targets.ts).
 */
import { alibabaEmitter } from './alibaba.js';
import { monitoringEmitter } from './monitoring.js';
import { sqlEmitter } from './sql.js';
import { streamparkEmitter } from './streampark.js';
import { vvpEmitter } from './vvp.js';

export const EMITTERS = [sqlEmitter, streamparkEmitter, vvpEmitter, alibabaEmitter, monitoringEmitter] as const;

/** Every target a pipeline can configure. */
export type TargetName = (typeof EMITTERS)[number]['name'] | 'lineage';
export const TARGET_NAMES: readonly TargetName[] = Object.freeze([...EMITTERS.map((e) => e.name), 'lineage' as const]);
