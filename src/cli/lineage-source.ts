/**
 * Where `flinkts lineage` and `flinkts build` get a pipeline's lineage: the producer, `pipelineLineageWithDiagnostics`
 * (column lineage from the bound plan of every job, joined across jobs by the tables they share). A statement the
 * binder cannot follow is an error there, and then no lineage is given: an incomplete lineage is never shown as whole.
 */
import type { Diagnostic, PipelineLineage } from '@flinkts/core';
import type { AnyPipeline } from '@flinkts/pipelines';
import { pipelineLineageWithDiagnostics } from '@flinkts/pipelines/internal';

export interface LineageOfPipeline {
  /** Absent when there is an error (an unknown environment, a statement the binder does not follow). */
  readonly lineage?: PipelineLineage;
  readonly diagnostics: readonly Diagnostic[];
}

export function lineageOfPipeline(p: AnyPipeline, env: string): LineageOfPipeline {
  const r = pipelineLineageWithDiagnostics(p, env);
  const failed = r.diagnostics.some((d) => d.severity === 'error');
  return failed || r.lineage === undefined ? { diagnostics: r.diagnostics } : { lineage: r.lineage, diagnostics: r.diagnostics };
}
