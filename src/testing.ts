/**
 * `flinkts/testing`: the local runtime and the test helpers (the module `@flinkts/core/testing`), with the
 * connectors' capabilities: `runJob`, `runJobAsync` and `runQuery` read what each source emits (upsert-kafka,
 * CDC connectors and formats, Paimon changelog producers) with `resolveCapabilities` unless the test passes its own
 * `capabilities`, as `flinkts check` checks with the connectors' capabilities.
 */
import { resolveCapabilities } from '@flinkts/connectors';
import { runJob as coreRunJob, runJobAsync as coreRunJobAsync, runQuery as coreRunQuery } from '@flinkts/core/testing';
import type { JobRun, JobSource, RunOptions, SinkOutput } from '@flinkts/core/testing';

export * from '@flinkts/core/testing';

/** Anything but an options object goes to core as given: core's check names the call and the argument (FTS2305). */
const withCapabilities = (options: RunOptions): RunOptions =>
  (options !== null && typeof options === 'object' && !Array.isArray(options) && options.capabilities === undefined ? { ...options, capabilities: resolveCapabilities } : options);

/** `runJob` of `@flinkts/core/testing`, with the connectors' capabilities unless `options.capabilities` is given. */
export function runJob(job: JobSource, options: RunOptions): JobRun {
  return coreRunJob(job, withCapabilities(options));
}

/** `runJobAsync` of `@flinkts/core/testing`, with the connectors' capabilities unless `options.capabilities` is given. */
export function runJobAsync(job: JobSource, options: RunOptions): Promise<JobRun> {
  return coreRunJobAsync(job, withCapabilities(options));
}

/** `runQuery` of `@flinkts/core/testing`, with the connectors' capabilities unless `options.capabilities` is given. */
export function runQuery(ddlAndQuery: JobSource, options: RunOptions): SinkOutput {
  return coreRunQuery(ddlAndQuery, withCapabilities(options));
}
