import { fn, t, table } from '../../../src/index.js';
const a = table('ok_wm', { columns: { id: t.bigint() }, computed: (c) => ({ ts: fn.toTimestampLtz(c.id, 3) }), watermark: { column: 'ts' } });
a.__columns satisfies 'x';
const a2 = table('ok_wm', { columns: { id: t.bigint() }, watermark: { column: 'ts' }, computed: (c) => ({ ts: fn.toTimestampLtz(c.id, 3) }) });
a2.__columns satisfies 'x';
const a3 = table('ok_wm', { columns: { id: t.bigint() }, computed: (c: any) => ({ ts: fn.toTimestampLtz(c.id, 3) }), watermark: { column: 'ts' } });
a3.__columns satisfies 'x';
