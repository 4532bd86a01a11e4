/** Diagnostic codes of layers and the table graph of a pipeline's jobs (FTS6xxx), with the message and hint of each. */
import { codeTable, template } from '../diagnostics/code-table.js';

export const LAYER_CODE_TABLE = codeTable({
  layerRead: ['FTS6001', 'A job writes a layer from a layer it may not read (ods → dim/dwd → dws → ads).', template(
    (p: { readonly job: string; readonly layer: string; readonly target: string; readonly read: string; readonly readName: string; readonly readHasLayer: boolean; readonly allowed: readonly string[] }) =>
      `job '${p.job}' writes ${p.layer} table '${p.target}' from ${p.read}; a ${p.layer} table reads only from ${p.allowed.join(', ')}`,
    (p) => (!p.readHasLayer ? `give '${p.readName}' a layer, or land it in an ods table first` : `read the ${p.allowed.filter((a) => a !== 'source').join('/')} table derived from '${p.readName}' instead, or change '${p.target}''s layer`),
  )],
  cycle: ['FTS6002', "The pipeline's tables form a cycle across jobs.", template(
    (p: { readonly cycle: readonly string[]; readonly job: string }) => `the tables form a cycle: ${p.cycle.join(' → ')} (closed by job '${p.job}')`,
    () => 'a pipeline must flow one way; write the result into a new table instead of one of its inputs',
  )],
  severalWriters: ['FTS6003', 'A table is written by several jobs (warning).', template(
    (p: { readonly table: string; readonly jobs: readonly string[] }) => `table '${p.table}' is written by ${p.jobs.length} jobs: ${p.jobs.join(', ')}`,
    () => 'give each table one writing job, or make sure the writers own disjoint keys and the sink merges them',
  )],
  conflictingDeclarations: ['FTS6004', 'Two jobs declare the same table differently.', template(
    (p: { readonly job: string; readonly table: string; readonly first: string }) => `job '${p.job}' declares '${p.table}' differently from job '${p.first}'`,
    () => 'declare the table once and import that declaration in every job that reads or writes it',
  )],
});

export const LAYER_CODES = LAYER_CODE_TABLE.codes;
export const LAYER_TEXTS = LAYER_CODE_TABLE.texts;
