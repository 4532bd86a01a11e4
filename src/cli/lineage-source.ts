/**
 * Where `flinkts lineage` and `flinkts build` get a pipeline's lineage: the one import of the lineage producer.
 * The producer (column lineage from the bound plan, issue #17) is not on this branch yet, so this answers with a
 * diagnostic and the commands work from a saved lineage file (`--from`) only.
 */
import type { Diagnostic, PipelineLineage } from '@flinkts/core';
import type { AnyPipeline } from '@flinkts/pipelines';

export interface LineageOfPipeline {
  readonly lineage?: PipelineLineage;
  readonly diagnostics: readonly Diagnostic[];
}

export function lineageOfPipeline(p: AnyPipeline, env: string): LineageOfPipeline {
  return {
    diagnostics: [
      {
        code: 'FTS8076',
        severity: 'error',
        message: `this flinkts build cannot compute the lineage of pipeline ${p.name} (${env}) yet: the lineage producer is not part of it`,
        hint: 'query a lineage file instead: flinkts lineage --from <lineage.json>',
      },
    ],
  };
}
