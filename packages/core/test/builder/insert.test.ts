/** INSERT builders: column lists by name, explicit lists by position, positional inserts, run-time checks. */
import { describe, expect, test } from 'vitest';
import {
  FlinktsError, createCatalog, createTable, from, genericCatalog, insertInto, insertIntoPositional, metadata, printStatement, set, statementSet, t, table,
} from '../../src/index.js';
import type { Diagnostic } from '../../src/index.js';

const orders = table('orders', { columns: { id: t.bigint().notNull(), user_id: t.int(), note: t.string(), created: t.timestampLtz(3) } });
const sink = table('sink', {
  columns: { id: t.bigint(), user_id: t.bigint(), name: t.string(), at: t.timestamp(3), offset: metadata(t.bigint(), { virtual: true }) },
  primaryKey: ['id'],
});

function diagnosticsOf(f: () => unknown): readonly Diagnostic[] {
  try {
    f();
  } catch (e) {
    if (e instanceof FlinktsError) return e.diagnostics;
    throw e;
  }
  throw new Error('expected a FlinktsError');
}

describe('selectList', () => {
  test('keeps column order, names column references after their column and aliases the rest', () => {
    const q = from(orders, 'o').selectList(({ o }) => [o.id, o.user_id.plus(1).as('next_user'), o.note.as('n')]);
    expect(q.columnNames).toEqual(['id', 'next_user', 'n']);
    expect(q.query).toMatchObject({
      kind: 'Select',
      items: [
        { kind: 'SelectExpr', expr: { kind: 'ColumnRef', table: 'o', name: 'id' } },
        { kind: 'SelectExpr', expr: { kind: 'Binary', op: '+' }, alias: 'next_user' },
        { kind: 'SelectExpr', expr: { kind: 'ColumnRef', table: 'o', name: 'note' }, alias: 'n' },
      ],
    });
    expect(q.query.kind === 'Select' && q.query.items[0]).not.toHaveProperty('alias');
  });

  test('a name selected twice is refused', () => {
    const d = diagnosticsOf(() => from(orders, 'o').selectList(({ o }) => [o.id, o.user_id.as('id')]));
    expect(d[0]).toMatchObject({ code: 'FTS2204', path: 'select[1]' });
  });
});

describe('insertInto', () => {
  test('an explicit column list pairs sink columns with the query by position', () => {
    const q = from(orders, 'o').selectList(({ o }) => [o.id, o.note, o.created]);
    const stmt = insertInto(sink, { columns: ['id', 'name', 'at'] }, q);
    expect(stmt).toMatchObject({ kind: 'Insert', target: ['sink'], overwrite: false, columns: ['id', 'name', 'at'] });
    expect(printStatement(stmt)).toBe('INSERT INTO `sink` (`id`, `name`, `at`)\nSELECT\n  `o`.`id`,\n  `o`.`note`,\n  `o`.`created`\nFROM `orders` AS `o`;');
    expect(insertInto(sink, { columns: ['id', 'name', 'at'], overwrite: true }, q).overwrite).toBe(true);
  });

  test('run-time checks: unknown, duplicate and missing columns, count mismatches', () => {
    const q = from(orders, 'o').selectList(({ o }) => [o.id, o.note]);
    const loose = insertInto as unknown as (s: unknown, l: { columns: readonly string[] }, q: unknown) => unknown;
    expect(diagnosticsOf(() => loose(sink, { columns: ['id', 'nam'] }, q))[0]).toMatchObject({ code: 'FTS4106', hint: "did you mean 'name'?", path: 'insert.sink.columns.nam' });
    expect(diagnosticsOf(() => loose(sink, { columns: ['id', 'id'] }, q))[0]).toMatchObject({ code: 'FTS4015' });
    expect(diagnosticsOf(() => loose(sink, { columns: ['id'] }, q))[0]).toMatchObject({ code: 'FTS4101' });
    // 'offset' is a virtual metadata column: not writable.
    expect(diagnosticsOf(() => loose(sink, { columns: ['id', 'offset'] }, q))[0]).toMatchObject({ code: 'FTS4106' });
    // 'id' is the primary key, hence NOT NULL, and must be written.
    const noId = from(orders, 'o').selectList(({ o }) => [o.note]);
    expect(diagnosticsOf(() => loose(sink, { columns: ['name'] }, noId))[0]).toMatchObject({ code: 'FTS4108' });
  });

  test('a positional INSERT must select exactly the writable columns', () => {
    const four = from(orders, 'o').selectList(({ o }) => [o.id, o.user_id, o.note, o.created]);
    expect(insertIntoPositional(sink, four)).not.toHaveProperty('columns');
    const three = from(orders, 'o').selectList(({ o }) => [o.id, o.user_id, o.note]);
    expect(diagnosticsOf(() => insertIntoPositional(sink, three))[0]).toMatchObject({ code: 'FTS4101', message: expect.stringContaining('expects 4 (id, user_id, name, at)') });
  });

  test('a positional INSERT checks implicit casts where the column types are known', () => {
    const ok = from(orders, 'o').selectList(({ o }) => [o.id, o.user_id, o.note, o.created]); // INT→BIGINT, LTZ→TIMESTAMP
    expect(insertIntoPositional(sink, ok).kind).toBe('Insert');
    const wrong = from(orders, 'o').selectList(({ o }) => [o.id, o.note.as('u'), o.note, o.created]);
    expect(diagnosticsOf(() => insertIntoPositional(sink, wrong))[0]).toMatchObject({
      code: 'FTS4102', message: "Incompatible types for sink column 'user_id' at position 1: STRING cannot be written into BIGINT without an explicit CAST", path: 'insert.sink.columns.user_id',
    });
    expect(ok.columnTypes.map((c) => c.type?.kind)).toEqual(['BIGINT', 'INT', 'VARCHAR', 'TIMESTAMP_LTZ']);
  });

  test('PRIMARY KEY columns are NOT NULL in the CREATE TABLE node', () => {
    expect(sink.toStatement().columns[0]).toEqual({ kind: 'PhysicalColumn', name: 'id', type: { kind: 'BIGINT', nullable: false } });
  });
});

describe('statement builders', () => {
  test('createTable overrides TEMPORARY / IF NOT EXISTS without touching the declaration', () => {
    const s = createTable(sink, { temporary: true, ifNotExists: true });
    expect(s).toMatchObject({ kind: 'CreateTable', path: ['sink'], temporary: true, ifNotExists: true });
    expect(sink.toStatement().temporary).toBe(false);
    expect(createTable(sink)).toBe(sink.toStatement());
  });
  test('createCatalog, empty statement sets and SET without a key', () => {
    expect(createCatalog('paimon', genericCatalog('paimon', { warehouse: 's3://w' }))).toEqual({
      kind: 'CreateCatalog', name: 'paimon', ifNotExists: false, options: [{ key: 'type', value: 'paimon' }, { key: 'warehouse', value: 's3://w' }],
    });
    expect(diagnosticsOf(() => statementSet())[0]).toMatchObject({ code: 'FTS2213' });
    expect(diagnosticsOf(() => set(' ', 'x'))[0]).toMatchObject({ code: 'FTS2214' });
  });
});

describe('query scope', () => {
  test('an alias used twice is refused', () => {
    expect(diagnosticsOf(() => from(orders, 'o').join(orders, 'o', ({ o }) => o.id.eq(1n)))[0]).toMatchObject({ code: 'FTS2216', path: 'join.o' });
  });
});
