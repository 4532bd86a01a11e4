/** Diagnostic codes the binder declares in a table of its own (the others of FTS40xx–FTS44xx are listed in registry.ts). */
import { codeTable } from '../diagnostics/code-table.js';

export const BIND_CODE_TABLE = codeTable({
  likeRejected: ['FTS4016', "A CREATE TABLE … LIKE that Flink rejects: the source is a view, or both tables define a column, watermark, primary key, partitioning or option that the LIKE options do not let the new table overwrite."],
  notNullColumnOmitted: ['FTS4108', "An INSERT column list leaves out a NOT NULL column of the sink (Flink: \"Column 'x' has no default value and does not allow NULLs\")."],
  notBound: ['FTS4501', 'A construct flinkts does not build a plan for yet (warning): the names and types the construct holds are not checked, nor its statement\'s sink, changelog and time rules, and it has no lineage.'],
});

export const BIND_CODES = BIND_CODE_TABLE.codes;
