/**
 * The bound plan: frozen, typed nodes between the AST and every consumer that reasons about queries (lineage, and
 * in time the analyzer's rules and the runtime's operators). Built once by the binder (bind.ts); each node lists its
 * output columns with their types and time attributes.
 */
import type { DataType } from '../types/data-type.js';
import type { Aggregate } from './aggregate.js';
import type { Correlate } from './correlate.js';
import type { Deduplicate, Rank } from './rank.js';
import type { Filter } from './filter.js';
import type { Join } from './join.js';
import type { MatchRecognize } from './match-recognize.js';
import type { Over } from './over.js';
import type { Project } from './project.js';
import type { Scan } from './scan.js';
import type { SetOp } from './set-op.js';
import type { Sink } from './sink.js';
import type { Sort } from './sort.js';
import type { Values } from './values.js';
import type { WindowTableFunction } from './window-table-function.js';

/** Whether a column is a time attribute, as Flink keeps or loses them. */
export type TimeAttribute = 'rowtime' | 'proctime';

export interface PlanColumn {
  readonly name: string;
  /** Undefined when it cannot be known (a user table function's column). */
  readonly type?: DataType;
  readonly time?: TimeAttribute;
}

export type PlanNode =
  | Scan
  | Values
  | Project
  | Filter
  | Aggregate
  | Over
  | Join
  | WindowTableFunction
  | Rank
  | Deduplicate
  | SetOp
  | Correlate
  | Sort
  | MatchRecognize;

export type PlanRoot = PlanNode | Sink;

/** The inputs of a node, in order (a join's left then right). */
export function inputsOf(node: PlanRoot): readonly PlanNode[] {
  switch (node.kind) {
    case 'Scan':
    case 'Values':
      return [];
    case 'Join':
      return [node.left, node.right];
    case 'SetOp':
      return node.inputs;
    default:
      return [node.input];
  }
}

/** Deep-freezes nothing: nodes are built frozen by their constructors. */
export function frozen<T extends object>(node: T): T {
  return Object.freeze(node);
}
