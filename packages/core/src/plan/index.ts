/**
 * The bound plan (see docs in node.ts); node types are exported with a `Plan` prefix where the AST has the same name.
 * Derived properties (properties/, one file each, cached per node): `changelogOf` (changelog mode, upsert keys, the
 * operator that first updates), `uniqueKeys` / `upsertKeys`, `windowColumns` / `isWindowAggregate`; time attributes
 * are each column's `time`, set by the rules of properties/time-attributes.ts. Joins may be SEMI / ANTI (IN / NOT IN
 * sub-queries), whose output is the left columns only.
 */
export type { BindOptions, BoundQuery, BoundScript, BoundStatement, BoundStep } from './bind.js';
export type { BindTrace, BoundTableRef, NamedPlan } from './bind-context.js';
export type { BoundExpression, BoundSubquery, ColumnBinding } from './expression.js';
export type { PlanColumn, PlanNode, PlanRoot, TimeAttribute } from './node.js';
export type { Aggregate as PlanAggregate, AggregateCall } from './aggregate.js';
export type { Correlate as PlanCorrelate } from './correlate.js';
export type { Filter as PlanFilter } from './filter.js';
export type { IntervalBounds, Join as PlanJoin, JoinStrategy } from './join.js';
export type { Over as PlanOver, OverCall } from './over.js';
export type { Project as PlanProject } from './project.js';
export type { Deduplicate as PlanDeduplicate, Rank as PlanRank } from './rank.js';
export type { Scan as PlanScan, ScanColumn } from './scan.js';
export type { SetOp as PlanSetOp } from './set-op.js';
export type { Sink as PlanSink } from './sink.js';
export type { Sort as PlanSort } from './sort.js';
export type { SortKey } from './sort-key.js';
export type { Values as PlanValues } from './values.js';
export type { WindowFunction, WindowTableFunction } from './window-table-function.js';
export { INSERT_ONLY } from './properties/changelog.js';
export type { ChangelogKind, PlanChangelog, SourceModes, UpdateOrigin } from './properties/changelog.js';
export type { Key } from './properties/keys.js';
export type { WindowBound } from './properties/window-columns.js';
export { BIND_CODE_TABLE, BIND_CODES } from './codes.js';
