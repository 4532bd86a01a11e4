export type * from './model.js';
export { scriptLineage } from './column-lineage.js';
export type { ScriptLineage } from './column-lineage.js';
