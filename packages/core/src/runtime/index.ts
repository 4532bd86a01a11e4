/**
 * The local runtime: Flink 1.20 semantics in plain Node (expression evaluation, streaming operators over
 * changelogs, a job runner). The testing API on top of it is `@flinkts/core/testing`.
 */
export { createSession, evaluateExpression, formatChange } from './public.js';
export type { EvaluationResult } from './evaluate.js';
// The compiler and the job runner are types here: evaluateExpression and @flinkts/core/testing's runJob drive them.
export type { ExpressionCompiler } from './compile-expression.js';
export type { LocalJob } from './job.js';
export type { InputEntry, JobResult, LocalJobOptions, SinkResult } from './job.js';
export type { SessionOptions } from './session.js';
export type { Session as RuntimeSession } from './compiled.js';
export type { Change as ChangelogRow, ChangelogMode, RowKind } from './changelog.js';
export { EvaluationError } from './errors.js';
