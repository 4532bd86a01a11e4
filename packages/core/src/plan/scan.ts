/** Reading a catalog table: every column of its schema, computed and metadata columns kept with their expressions. */
import type { Span } from '../ast/node.js';
import type { CatalogTableEntry } from '../catalog/catalog.js';
import type { BoundExpression } from './expression.js';
import type { PlanColumn } from './node.js';

export interface ScanColumn extends PlanColumn {
  readonly origin: 'physical' | 'computed' | 'metadata';
  /** A computed column's expression, bound over this table's own columns. */
  readonly expr?: BoundExpression;
  /** A metadata column's key (`METADATA FROM 'key'`, or its name). */
  readonly metadataKey?: string;
  /** A VIRTUAL metadata column: read only, not written by INSERT. */
  readonly virtual?: true;
}

export interface Scan {
  readonly kind: 'Scan';
  readonly table: CatalogTableEntry;
  /** The catalog-qualified name joined with dots. */
  readonly name: string;
  readonly columns: readonly ScanColumn[];
  /** Where the table is read (the reference in FROM), for diagnostics; one Scan per reference. */
  readonly span?: Span;
}
