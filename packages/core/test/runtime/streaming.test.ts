import { describe, expect, it } from 'vitest';
import type { Expression } from '../../src/ast/expression.js';
import type { Query } from '../../src/ast/query.js';
import type { CreateTable, Script } from '../../src/ast/statement.js';
import type { DataType } from '../../src/types/data-type.js';
import { formatChange, LocalJob } from '../../src/runtime/job.js';

const col = (name: string, table?: string): Expression => ({ kind: 'ColumnRef', name, ...(table ? { table } : {}) });
const INT: DataType = { kind: 'INT', nullable: true };
const BIGINT: DataType = { kind: 'BIGINT', nullable: true };
const STRING: DataType = { kind: 'VARCHAR', length: 2147483647, nullable: true };
const DOUBLE: DataType = { kind: 'DOUBLE', nullable: true };

function table(name: string, cols: [string, DataType][], extra: Partial<CreateTable> = {}): CreateTable {
  return {
    kind: 'CreateTable', path: [name], temporary: false, ifNotExists: false, partitionedBy: [],
    columns: cols.map(([n, type]) => ({ kind: 'PhysicalColumn', name: n, type })),
    options: [{ key: 'connector', value: 'values' }], ...extra,
  };
}

describe('streaming group aggregation', () => {
  const query: Query = {
    kind: 'Select', distinct: false,
    from: { kind: 'TableRef', path: ['source_t'] },
    items: [
      { kind: 'SelectExpr', expr: col('b') },
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['COUNT'], args: [], star: true }, alias: 'cnt' },
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['AVG'], args: [col('a')], filter: { kind: 'Binary', op: '>', left: col('a'), right: { kind: 'NumericLiteral', text: '1' } } } },
      { kind: 'SelectExpr', expr: { kind: 'FunctionCall', name: ['MIN'], args: [col('c')] } },
    ],
    groupBy: [col('b')],
  };
  const rows = [[1, 1n, 'Hi'], [2, 2n, 'Hello'], [2, 2n, 'Hello World'], [1, 1n, 'Hi Again!'], [2, 2n, 'Hello Again!'], [2, 2n, 'Hello World Again!']];

  function run(withPk: boolean): string[] {
    const script: Script = {
      kind: 'Script',
      statements: [
        table('source_t', [['a', INT], ['b', BIGINT], ['c', STRING]]),
        table('sink_t', [['b', { ...BIGINT, nullable: !withPk }], ['cnt', BIGINT], ['avg_a', DOUBLE], ['min_c', STRING]], withPk ? { primaryKey: { columns: ['b'] } } : {}),
        { kind: 'Insert', target: ['sink_t'], overwrite: false, query },
      ],
    };
    const job = new LocalJob(script);
    const sink = job.run(new Map([['source_t', [rows]]])).sinks.get('sink_t');
    return (sink?.changelog ?? []).map((c) => formatChange(c, sink?.columns ?? []));
  }

  it('an upsert sink receives +I then +U (no -U); AVG(INT) stays INT and is cast to DOUBLE by the sink', () => {
    expect(run(true)).toEqual(['+I[1, 1, null, Hi]', '+I[2, 1, 2.0, Hello]', '+U[2, 2, 2.0, Hello]', '+U[1, 2, null, Hi]', '+U[2, 3, 2.0, Hello]', '+U[2, 4, 2.0, Hello]']);
  });
  it('a sink without a primary key receives the retract stream', () => {
    expect(run(false).slice(0, 4)).toEqual(['+I[1, 1, null, Hi]', '+I[2, 1, 2.0, Hello]', '-U[2, 1, 2.0, Hello]', '+U[2, 2, 2.0, Hello]']);
  });
});
