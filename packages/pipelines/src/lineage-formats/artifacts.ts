/**
 * The lineage files `build` writes for an environment under `<env>/lineage/` (the formats the pipeline's
 * `targets.lineage` asks for, default all): `lineage.json`, `lineage.txt`, `lineage.mmd` (tables by layer) and
 * `jobs.mmd` (the job graph), `openlineage.jsonl` (one event per job) and `lineage.html`.
 */
import { checkPipelineArgument, LINEAGE_ARTIFACT_OPTIONS, PIPELINE_LINEAGE } from '../arguments.js';
import { LINEAGE_CONFIG } from '../targets.js';
import type { PipelineLineage } from '@flinkts/core';
import type { ArtifactFile } from '../emit/artifact-file.js';
import type { LineageFormat, LineageOutputTarget } from '../targets.js';
import { LINEAGE_FORMATS } from '../targets.js';
import { lineageHtml } from './html.js';
import { lineageJson } from './json.js';
import { jobGraphMermaid, lineageMermaid } from './mermaid.js';
import { openLineageEvents, openLineageJsonLines } from './openlineage.js';
import { wholeLineage } from './query.js';
import { lineageText } from './text.js';

export interface LineageArtifactOptions {
  /** Time of the OpenLineage events (ISO 8601). */
  readonly eventTime: string;
  /** The OpenLineage producer URI. */
  readonly producer: string;
}

export async function lineageArtifacts(lineage: PipelineLineage, target: LineageOutputTarget, options: LineageArtifactOptions): Promise<ArtifactFile[]> {
  checkPipelineArgument('lineageArtifacts()', 'lineage', PIPELINE_LINEAGE, lineage);
  checkPipelineArgument('lineageArtifacts()', 'target', LINEAGE_CONFIG.whole, target);
  checkPipelineArgument('lineageArtifacts()', 'options', LINEAGE_ARTIFACT_OPTIONS, options);
  const formats: readonly LineageFormat[] = target.formats ?? LINEAGE_FORMATS;
  const view = wholeLineage(lineage);
  const dir = `${lineage.environment}/lineage`;
  const files: ArtifactFile[] = [];
  for (const format of LINEAGE_FORMATS.filter((f) => formats.includes(f))) {
    if (format === 'json') files.push({ path: `${dir}/lineage.json`, content: lineageJson(view) });
    if (format === 'text') files.push({ path: `${dir}/lineage.txt`, content: lineageText(view) });
    if (format === 'mermaid') files.push({ path: `${dir}/lineage.mmd`, content: lineageMermaid(view) }, { path: `${dir}/jobs.mmd`, content: jobGraphMermaid(view) });
    if (format === 'openlineage') {
      const events = openLineageEvents(lineage, { ...options, eventKind: target.events ?? 'run', ...(target.jobNamespace === undefined ? {} : { jobNamespace: target.jobNamespace }) });
      files.push({ path: `${dir}/openlineage.jsonl`, content: openLineageJsonLines(events) });
    }
    if (format === 'html') files.push({ path: `${dir}/lineage.html`, content: await lineageHtml(view) });
  }
  return files;
}
