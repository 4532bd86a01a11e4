/** Diagnostic codes of lineage queries and lineage output (FTS807x). */
export const LINEAGE_CODES = {
  /** A lineage query names a table the pipeline's lineage does not have. */
  unknownTable: 'FTS8070',
  /** A lineage query names a column its table does not have (or is not `<table>.<column>`). */
  unknownColumn: 'FTS8071',
  /** A lineage query's table name matches several tables. */
  ambiguousTable: 'FTS8072',
  /** A lineage query names a job the pipeline does not have. */
  unknownJob: 'FTS8073',
  /** A lineage file that is not lineage JSON as `flinkts lineage --format json` writes it. */
  badLineageFile: 'FTS8074',
  /** The OpenLineage endpoint refused the events or could not be reached (after the retries). */
  openLineagePostFailed: 'FTS8075',
  /** A lineage target or option that is not valid (unknown format, an endpoint that is not an http(s) URL). */
  badLineageTarget: 'FTS8076',
  /** buildPipeline (synchronous) was asked for the lineage target, whose files lineageArtifacts (asynchronous) writes. */
  lineageNeedsArtifacts: 'FTS8077',
} as const;
