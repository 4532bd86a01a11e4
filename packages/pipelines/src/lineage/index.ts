export { pipelineLineage, pipelineLineageWithDiagnostics } from './pipeline-lineage.js';
export type { PipelineLineageResult } from './pipeline-lineage.js';
export { datasetAddress, parseJdbcUrl, pathAddress } from './dataset-address.js';
export type { AddressInput } from './dataset-address.js';
export { tableGraph } from './table-graph.js';
