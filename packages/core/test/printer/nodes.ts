/** Small AST constructors for printer tests (plain objects, exactly as the AST contract defines them). */
import type { DataType, Expression, Query, Relation, SelectItem } from '../../src/index.js';

export const str = (value: string): Expression => ({ kind: 'StringLiteral', value });
export const num = (text: string): Expression => ({ kind: 'NumericLiteral', text });
export const col = (name: string, table?: string): Expression =>
  table === undefined ? { kind: 'ColumnRef', name } : { kind: 'ColumnRef', table, name };
export const bin = (op: Extract<Expression, { kind: 'Binary' }>['op'], left: Expression, right: Expression): Expression => ({ kind: 'Binary', op, left, right });
export const call = (name: string, ...args: Expression[]): Expression => ({ kind: 'FunctionCall', name: [name], args });
export const item = (expr: Expression, alias?: string): SelectItem =>
  alias === undefined ? { kind: 'SelectExpr', expr } : { kind: 'SelectExpr', expr, alias };
export const tableRef = (name: string, alias?: string): Relation =>
  alias === undefined ? { kind: 'TableRef', path: [name] } : { kind: 'TableRef', path: [name], alias };
export const select = (items: SelectItem[], from?: Relation, rest: Partial<Extract<Query, { kind: 'Select' }>> = {}): Query => ({
  kind: 'Select',
  distinct: false,
  items,
  ...(from === undefined ? {} : { from }),
  ...rest,
});

export const INT: DataType = { kind: 'INT', nullable: true };
export const BIGINT_NN: DataType = { kind: 'BIGINT', nullable: false };
export const STRING: DataType = { kind: 'VARCHAR', length: 2147483647, nullable: true };
export const TS3: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: true };
export const LTZ3: DataType = { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: true };
