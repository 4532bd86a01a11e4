/**
 * Base shapes shared by every AST node.
 *
 * AST nodes are plain, serialisable, frozen objects with a `kind` discriminant. Builders, the SQL parser,
 * the printer, the analyzer, the local runtime, lineage and codegen all read and write the same nodes.
 * Nodes never hold methods or class instances, so `JSON.stringify` round-trips them.
 */

/** A position in SQL text. `line` and `column` are 1-based; `offset` is the 0-based UTF-16 index. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The source range a node was parsed from: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

/** Fields every node may carry. `span` is set by the parser and absent on builder-made nodes. */
export interface NodeBase {
  readonly span?: Span;
}

/** Comments written before a statement, column, or select item, kept so `flinkts fmt` never drops them. */
export interface Commented {
  /** Comment texts including their markers (`-- …` or `/* … *\/`), in source order. */
  readonly comments?: readonly string[];
}

/** A possibly qualified object name: `[catalog, database, table]`, `[database, table]` or `[table]`. */
export type ObjectPath = readonly string[];

/** Freeze a freshly built node (shallow: children are frozen when they are built). */
export function freeze<T extends object>(node: T): T {
  return Object.freeze(node);
}
