/**
 * `monitorJobs(…)`: the Flink SQL monitor jobs of a pipeline's quality declarations — one job for the whole
 * pipeline, or one per layer (the user's choice). Each declaration becomes one INSERT into the result table
 * the user declares (`QUALITY_RESULT_COLUMNS`); a job with several is one statement set. The jobs are ordinary
 * jobs: add them to the pipeline's `jobs` and every target ships them.
 *
 * State: the window aggregations free their state when a window fires, so the only state that could grow is
 * a ChangelogNormalize the planner puts in front of an upsert source (per key, forever without a TTL). The
 * jobs therefore set `table.exec.state.ttl` (default: twice the largest window, at least one hour): long enough
 * for every key to be seen again within a window, short enough to stay bounded. An environment's own
 * `table.exec.state.ttl` takes precedence (settings layers), which keeps the state bounded all the same.
 */
import { checkNameArgument, checkObjectArgument, checkTableArgument } from '../arguments.js';
import type { Diagnostic, Insert, Table } from '@flinkts/core';
import { FlinktsError } from '@flinkts/core';
import type { FlinkSettingsInput } from '@flinkts/connectors';
import { TEXTS } from '../codes.js';
import { argumentError, textFields } from '@flinkts/core/internal';
import { job } from '../job.js';
import type { Job } from '../job.js';
import type { Resources } from '../resources.js';
import { monitorInserts } from './monitor-query.js';
import type { QualityDeclaration } from './quality.js';
import { QUALITY_RESULT_COLUMNS } from './result-table.js';

export interface MonitorSpec {
  /** The pipeline's name (the `pipeline` column of every result row). */
  readonly pipeline: string;
  /** The job's name; per layer, `<name>-<layer>`. */
  readonly name: string;
  readonly qualities: readonly QualityDeclaration[];
  /** The result table (StarRocks, JDBC, Kafka …) with the QUALITY_RESULT_COLUMNS. */
  readonly sink: Table<string, unknown, string>;
  /** One job for the pipeline, or one per layer. */
  readonly per: 'pipeline' | 'layer';
  readonly parallelism?: number;
  readonly settings?: FlinkSettingsInput;
  readonly resources?: Resources;
}

function stateTtl(qualities: readonly QualityDeclaration[]): `${number}s` {
  const largest = Math.max(...qualities.map((x) => x.window.size.seconds));
  return `${Math.max(2 * largest, 3600)}s`;
}

export function monitorJobs(spec: MonitorSpec): Job[] {
  checkObjectArgument('monitorJobs()', 'spec', spec);
  checkNameArgument('monitorJobs()', 'spec.pipeline', spec.pipeline);
  checkNameArgument('monitorJobs()', 'spec.name', spec.name);
  if (!Array.isArray(spec.qualities)) throw argumentError('monitorJobs()', 'spec.qualities', 'a list of quality(…) declarations', spec.qualities, undefined, TEXTS.badArgument);
  checkTableArgument('monitorJobs()', 'spec.sink', spec.sink);
  const problems: Diagnostic[] = [];
  const sinkColumns = spec.sink.columnTypes.map((c) => c.name);
  const missing = Object.keys(QUALITY_RESULT_COLUMNS).filter((c) => !sinkColumns.includes(c));
  if (missing.length > 0) problems.push({ ...textFields(TEXTS.badMonitoring({ kind: 'resultColumns', table: spec.sink.name, missing })), severity: 'error', path: `monitor.${spec.name}.sink` });
  if (spec.qualities.length === 0) problems.push({ ...textFields(TEXTS.badMonitoring({ kind: 'noQualities', monitor: spec.name })), severity: 'error', path: `monitor.${spec.name}.qualities` });
  const labels = spec.qualities.map((x) => x.label);
  const twice = labels.filter((l, i) => labels.indexOf(l) !== i);
  if (twice.length > 0) problems.push({ ...textFields(TEXTS.badQuality({ kind: 'declaredTwice', tables: [...new Set(twice)] })), severity: 'error', path: `monitor.${spec.name}.qualities` });
  if (problems.length > 0) throw new FlinktsError(problems);

  const groups = new Map<string, QualityDeclaration[]>();
  for (const x of spec.qualities) {
    const key = spec.per === 'layer' ? x.layer : '';
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  return [...groups].map(([layer, qualities]) => {
    const inserts: Insert[] = qualities.flatMap((x) => monitorInserts(spec.pipeline, x, spec.sink.path));
    const name = layer === '' ? spec.name : `${spec.name}-${layer}`;
    return job(name, {
      description: `data quality of ${qualities.map((x) => x.label).join(', ')}: ${[...new Set(qualities.flatMap((x) => x.dimensions.map((d) => d.dimension)))].join(', ')}`,
      statements: inserts,
      ...(spec.parallelism === undefined ? {} : { parallelism: spec.parallelism }),
      settings: { 'table.exec.state.ttl': stateTtl(qualities), ...spec.settings },
      ...(spec.resources === undefined ? {} : { resources: spec.resources }),
    });
  });
}
