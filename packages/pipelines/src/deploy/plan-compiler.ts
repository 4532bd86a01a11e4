/**
 * Compiling a job's statements to Flink's compiled plan (COMPILE PLAN JSON) through the bridge's `/plan`
 * endpoint — real Flink 1.20.1's planner with the real connector factories; placeholders are filled with
 * dummies first, as `verify` does.
 */
import { FlinktsError } from '@flinkts/core';
import { textFields } from '@flinkts/core/internal';
import { fillPlaceholders } from '@flinkts/core/flink';
import { DEPLOY_TEXTS } from './codes.js';
import type { CompiledPlanJson } from './compiled-plan.js';
import { httpJson } from './http.js';

/** One stream operator of a job given as SQL, with the id Flink generates for it and the compiled plan node it comes from. */
export interface GeneratedOperatorId {
  /** The compiled plan's node id (operator names end in `[<node id>]`); null for an operator of no node. */
  readonly node: number | null;
  readonly name: string;
  /** The operator id (hex) a savepoint files this operator's state under. */
  readonly operatorId: string;
  /** Whether it has an operator coordinator (a FLIP-27 source's split enumerator), whose state every savepoint holds. */
  readonly coordinated?: boolean;
}

export interface PlanCompiler {
  compile(job: string, statements: readonly string[]): Promise<CompiledPlanJson>;
  /** The compiled plan and the operator ids Flink generates when the job is given as SQL (computed by Flink). */
  compileWithIds?(job: string, statements: readonly string[]): Promise<{ readonly plan: CompiledPlanJson; readonly operatorIds: readonly GeneratedOperatorId[] }>;
}

interface PlanAnswer {
  readonly ok: boolean;
  readonly compiledPlan?: CompiledPlanJson;
  readonly operatorIds?: readonly GeneratedOperatorId[];
  readonly error?: { readonly index: number; readonly message: string };
}

/** A compiler on a running bridge (`http://127.0.0.1:port`). */
export function bridgeCompiler(bridgeUrl: string): PlanCompiler {
  const ask = async (job: string, statements: readonly string[], operatorIds: boolean): Promise<PlanAnswer & { compiledPlan: CompiledPlanJson }> => {
    const filled = statements.map((s) => fillPlaceholders(s).text);
    const r = await httpJson<PlanAnswer>('compile the job plan', { method: 'POST', url: `${bridgeUrl}/plan`, body: JSON.stringify({ statements: filled, compilePlan: true, operatorIds }), timeoutMillis: 300_000 });
    if (!r.ok || r.compiledPlan === undefined || (operatorIds && r.operatorIds === undefined)) {
      const first = (r.error?.message ?? 'no plan').split('\n')[0] ?? 'no plan';
      throw new FlinktsError([{ ...textFields(DEPLOY_TEXTS.submitFailed({ kind: 'notCompiled', job, statement: r.error ? r.error.index + 1 : undefined, cause: first })), severity: 'error' }]);
    }
    return r as PlanAnswer & { compiledPlan: CompiledPlanJson };
  };
  return {
    async compile(job, statements) {
      return (await ask(job, statements, false)).compiledPlan;
    },
    async compileWithIds(job, statements) {
      const r = await ask(job, statements, true);
      return { plan: r.compiledPlan, operatorIds: r.operatorIds ?? [] };
    },
  };
}
