/** INSERT INTO a catalog table: which sink column each input column is written into. */
import type { Span } from '../ast/node.js';
import type { CatalogTableEntry } from '../catalog/catalog.js';
import type { PlanNode } from './node.js';
import type { ScanColumn } from './scan.js';

export interface Sink {
  readonly kind: 'Sink';
  readonly table: CatalogTableEntry;
  /** The catalog-qualified name joined with dots. */
  readonly name: string;
  /** Every column of the sink table. */
  readonly tableColumns: readonly ScanColumn[];
  readonly input: PlanNode;
  /** For each input column, the position of the sink column it is written into. */
  readonly targets: readonly number[];
  /** Static partition values (`PARTITION (k = 'v')`), by sink column position. */
  readonly staticPartition: readonly number[];
  /** The INSERT, for diagnostics. */
  readonly span?: Span;
}
