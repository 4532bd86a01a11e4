/**
 * The arguments of a deploy target's and the deployment records' methods, checked where a JavaScript caller reaches
 * them (`new GatewayTarget(…).start(…)`, `records.update(…)`): FTS8005 naming the method and the argument.
 */
import { z } from 'zod';
import type { JobRecord } from './records.js';
import type { JobArtifact, StartOptions } from './target.js';
import { checkPipelineArgument } from '../arguments.js';

const NAME = z.string().trim().min(1);

const JOB_ARTIFACT = z.object({ job: NAME, statements: z.array(z.string()), hash: z.string().min(1), spec: z.string().optional() }).loose();

const START_OPTIONS = z.object({
  restoreFrom: z.string().min(1).optional(),
  savepointOf: z.string().min(1).optional(),
  allowNonRestoredState: z.boolean().optional(),
  secrets: z.instanceof(Map).optional(),
  tableRenames: z.instanceof(Map).optional(),
}).loose();

const JOB_RECORD = z.object({ job: NAME, versions: z.array(z.object({}).loose()), savepoints: z.array(z.object({}).loose()) }).loose();

export const checkArtifact = (call: string, artifact: unknown): JobArtifact => checkPipelineArgument(call, 'artifact', JOB_ARTIFACT, artifact) as JobArtifact;
export const checkStartOptions = (call: string, options: unknown): StartOptions => checkPipelineArgument(call, 'options', START_OPTIONS, options) as StartOptions;
export const checkJobRecord = (call: string, record: unknown): JobRecord => checkPipelineArgument(call, 'record', JOB_RECORD, record) as unknown as JobRecord;
