export type * from './model.js';
export { compareEdges, scriptLineage, sinksLineage, sortEdges } from './column-lineage.js';
export type { ScriptLineage } from './column-lineage.js';
