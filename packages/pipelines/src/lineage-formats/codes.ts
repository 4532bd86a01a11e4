/** Diagnostic codes of lineage queries and lineage output (FTS807x), with their texts. */
import { codeTable, template } from '@flinkts/core/internal';

const ENDPOINT = 'give the endpoint as http(s)://host:port/api/v1/lineage';

export const LINEAGE_CODE_TABLE = codeTable({
  unknownTable: ['FTS8070', 'A lineage query names a table the pipeline does not have.', template(
    (p: { readonly pipeline: string; readonly environment: string; readonly name: string; readonly suggestion: string | undefined; readonly tables: readonly string[] }) =>
      `pipeline ${p.pipeline} (${p.environment}) has no table '${p.name}'`,
    (p) => p.suggestion ?? `tables: ${p.tables.join(', ')}`,
  )],
  unknownColumn: ['FTS8071', 'A lineage query names a column its table does not have, or is not <table>.<column>.', template(
    (p: { readonly kind: 'notColumnName'; readonly name: string } | { readonly kind: 'noColumn'; readonly table: string; readonly column: string; readonly suggestion: string | undefined; readonly columns: readonly string[] }) =>
      p.kind === 'notColumnName' ? `'${p.name}' is not a column name: write the table and the column, e.g. 'ods.ods_orders.amount'` : `table ${p.table} has no column '${p.column}'`,
    (p) => (p.kind === 'notColumnName' ? 'a column is named <table>.<column>, the table by its catalog path or its last parts' : p.suggestion ?? `columns: ${p.columns.join(', ')}`),
  )],
  ambiguousTable: ['FTS8072', "A lineage query's table name matches several tables (name more of its catalog path).", template(
    (p: { readonly pipeline: string; readonly name: string; readonly matches: readonly string[]; readonly suggestion: string | undefined }) =>
      `'${p.name}' names ${p.matches.length} tables of pipeline ${p.pipeline}: ${p.matches.join(', ')}`,
    (p) => p.suggestion ?? `name it with more of its catalog path, e.g. '${p.matches[0]}'`,
  )],
  unknownJob: ['FTS8073', 'A lineage query names a job the pipeline does not have.', template(
    (p: { readonly pipeline: string; readonly name: string; readonly suggestion: string | undefined; readonly jobs: readonly string[] }) => `pipeline ${p.pipeline} has no job '${p.name}'`,
    (p) => p.suggestion ?? `jobs: ${p.jobs.join(', ')}`,
  )],
  badLineageFile: ['FTS8074', 'A lineage file that is not lineage JSON as `flinkts lineage --format json` writes it.', template(
    (p: { readonly kind: 'notJson' | 'notLineage' | 'inconsistent'; readonly file: string; readonly problem: string }) =>
      `${p.file} is not ${p.kind === 'notJson' ? 'JSON' : p.kind === 'notLineage' ? 'flinkts lineage JSON' : 'consistent lineage'}: ${p.problem}`,
    (p) => `give a file written by \`flinkts lineage --format json\`${p.kind === 'notLineage' ? ' (format "flinkts-lineage", version 1)' : p.kind === 'inconsistent' ? ', unchanged' : ''}`,
  )],
  openLineagePostFailed: ['FTS8075', 'The OpenLineage endpoint refused the events or could not be reached (after the retries).', template(
    (p: { readonly url: string; readonly event: string; readonly why: string }) => `the OpenLineage endpoint ${p.url} did not accept the event of ${p.event}: ${p.why}`,
    () => 'check that the endpoint is up and takes OpenLineage events (Marquez, DataHub: /api/v1/lineage); the events are also written with --format openlineage',
  )],
  badLineageTarget: ['FTS8076', 'A lineage target or option that is not valid (unknown format, an endpoint that is not an http(s) URL).', template(
    (p: { readonly kind: 'notUrl'; readonly url: string } | { readonly kind: 'notHttp'; readonly protocol: string } | { readonly kind: 'credentials' } | { readonly kind: 'keyNotSet'; readonly variable: string }) =>
      p.kind === 'notUrl' ? `'${p.url}' is not a URL`
        : p.kind === 'notHttp' ? `the OpenLineage endpoint must be http or https, not ${p.protocol}`
          : p.kind === 'credentials' ? 'the OpenLineage endpoint URL carries a user or password' : `environment variable ${p.variable} is not set`,
    (p) =>
      p.kind === 'credentials' ? 'remove the credentials from the URL; pass an API key through an environment variable (--openlineage-api-key-env NAME)'
        : p.kind === 'keyNotSet' ? `export ${p.variable}=<api key>, or leave out --openlineage-api-key-env` : ENDPOINT,
  )],
  lineageNeedsArtifacts: ['FTS8077', 'buildPipeline was asked for the lineage target, whose files only lineageArtifacts (asynchronous) writes.', template(
    (_: Readonly<Record<string, never>>) => 'buildPipeline writes no files for the lineage target: its files come from lineageArtifacts, which is asynchronous',
    () => 'add the files of `await lineageArtifacts(pipelineLineage(pipeline, env), pipeline.spec.targets.lineage ?? {}, …)`, or run `flinkts build`',
  )],
}, { usage: ['badLineageTarget'] });

export const LINEAGE_CODES = LINEAGE_CODE_TABLE.codes;
export const LINEAGE_TEXTS = LINEAGE_CODE_TABLE.texts;
