/**
 * Compiling a job's statements to Flink's compiled plan (COMPILE PLAN JSON) through the bridge's `/plan`
 * endpoint — real Flink 1.20.1's planner with the real connector factories; placeholders are filled with
 * dummies first, as `verify` does.
 */
import { FlinktsError } from '@flinkts/core';
import { fillPlaceholders } from '@flinkts/core/flink';
import { DEPLOY_CODES } from './codes.js';
import type { CompiledPlanJson } from './compiled-plan.js';
import { httpJson } from './http.js';

export interface PlanCompiler {
  compile(job: string, statements: readonly string[]): Promise<CompiledPlanJson>;
}

interface PlanAnswer {
  readonly ok: boolean;
  readonly compiledPlan?: CompiledPlanJson;
  readonly error?: { readonly index: number; readonly message: string };
}

/** A compiler on a running bridge (`http://127.0.0.1:port`). */
export function bridgeCompiler(bridgeUrl: string): PlanCompiler {
  return {
    async compile(job, statements) {
      const filled = statements.map((s) => fillPlaceholders(s).text);
      const r = await httpJson<PlanAnswer>('compile the job plan', { method: 'POST', url: `${bridgeUrl}/plan`, body: JSON.stringify({ statements: filled, compilePlan: true }), timeoutMillis: 300_000 });
      if (!r.ok || r.compiledPlan === undefined) {
        const first = (r.error?.message ?? 'no plan').split('\n')[0];
        throw new FlinktsError([{ code: DEPLOY_CODES.submitFailed, severity: 'error', message: `Flink could not compile job '${job}'${r.error ? ` (statement ${r.error.index + 1})` : ''}: ${first}`, hint: 'run `flinkts verify` on the pipeline to see the error at its source line' }]);
      }
      return r.compiledPlan;
    },
  };
}
