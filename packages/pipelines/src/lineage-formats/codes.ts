/** Diagnostic codes of lineage queries and lineage output (FTS807x). */
import { codeTable } from '@flinkts/core';

export const LINEAGE_CODE_TABLE = codeTable({
  unknownTable: ['FTS8070', 'A lineage query names a table the pipeline does not have.'],
  unknownColumn: ['FTS8071', 'A lineage query names a column its table does not have, or is not <table>.<column>.'],
  ambiguousTable: ['FTS8072', "A lineage query's table name matches several tables (name more of its catalog path)."],
  unknownJob: ['FTS8073', 'A lineage query names a job the pipeline does not have.'],
  badLineageFile: ['FTS8074', 'A lineage file that is not lineage JSON as `flinkts lineage --format json` writes it.'],
  openLineagePostFailed: ['FTS8075', 'The OpenLineage endpoint refused the events or could not be reached (after the retries).'],
  badLineageTarget: ['FTS8076', 'A lineage target or option that is not valid (unknown format, an endpoint that is not an http(s) URL).'],
  lineageNeedsArtifacts: ['FTS8077', 'buildPipeline was asked for the lineage target, whose files only lineageArtifacts (asynchronous) writes.'],
}, { usage: ['badLineageTarget'] });

export const LINEAGE_CODES = LINEAGE_CODE_TABLE.codes;
