/** Diagnostic codes of layers and the table graph of a pipeline's jobs (FTS6xxx). */
import { codeTable } from '../diagnostics/code-table.js';

export const LAYER_CODE_TABLE = codeTable({
  layerRead: ['FTS6001', 'A job writes a layer from a layer it may not read (ods → dim/dwd → dws → ads).'],
  cycle: ['FTS6002', "The pipeline's tables form a cycle across jobs."],
  severalWriters: ['FTS6003', 'A table is written by several jobs (warning).'],
  conflictingDeclarations: ['FTS6004', 'Two jobs declare the same table differently.'],
});

export const LAYER_CODES = LAYER_CODE_TABLE.codes;
