import { expectTypeOf } from 'vitest';
import { table } from '../../src/table/index.js';
import { t } from '../../src/types/index.js';
import { rowsOf } from '../../src/testing/index.js';
import type { TestEntry } from '../../src/testing/index.js';

const orders = table('orders', { columns: { id: t.bigint(), status: t.string(), amount: t.decimal(10, 2) } });

expectTypeOf(rowsOf(orders, [{ id: 1n, status: 'PAID' }])).toEqualTypeOf<{ readonly orders: readonly TestEntry[] }>();
// @ts-expect-error a column the table does not have
rowsOf(orders, [{ id: 1n, stat: 'PAID' }]);
// @ts-expect-error a value of the wrong type (DECIMAL values are exact decimal text)
rowsOf(orders, [{ id: 1n, amount: 12.5 }]);
rowsOf(orders, [{ kind: '-D', row: { id: 1n } }, { watermark: '2024-01-01 00:00:00' }]);
