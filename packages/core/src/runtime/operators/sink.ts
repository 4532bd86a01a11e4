/**
 * The sink: casts rows to the sink's column types (with the NOT NULL enforcer), delivers an upsert stream
 * (no -U, unless a filter made the producer emit them) when the sink has a PRIMARY KEY and the full retract
 * stream otherwise, and keeps the final table.
 */
import type { Change, RowKind } from '../changelog.js';
import type { Row } from '../compiled.js';
import { isAccumulate } from '../changelog.js';
import type { Converter } from '../functions/cast.js';
import { groupKey, singleKey } from '../values/compare.js';
import { FlinktsError } from '../../diagnostics/diagnostic.js';
import { Operator, tagSourceRow } from './operator.js';
import { ChangeStore } from './change-store.js';
import { RowBag } from './row-bag.js';
import { RUNTIME_TEXTS } from '../codes.js';

export interface SinkColumn {
  readonly name: string;
  readonly nullable: boolean;
  readonly convert: Converter | undefined;
}

export class SinkOperator extends Operator {
  /** The changelog kept (`keepChangelog`), flat: see change-store.ts. */
  private readonly changes: ChangeStore;
  private readonly byKey: Map<unknown, readonly unknown[]>;
  private readonly rows: RowBag;

  constructor(
    readonly sinkName: string,
    private readonly columns: readonly SinkColumn[],
    private readonly primaryKey: readonly number[] | undefined,
    /** Keep every change (for assertions); large runs can keep only the final table. */
    private readonly keepChangelog = true,
    /** 'table.exec.sink.not-null-enforcer' = 'DROP': rows with NULL in a NOT NULL column are dropped. */
    private readonly dropNullRows = false,
    /** The producer emits UPDATE_BEFORE for this upsert sink (a filter needs them): a -U deletes its key. */
    private readonly updateBefore = false,
    /**
     * Another INSERT's sink of the same table (a statement set writing one table twice): this one converts its own
     * query's rows and writes them into that sink's changelog and table, as Flink's one sink table receives both.
     */
    writesInto?: SinkOperator,
  ) {
    super(1);
    this.changes = writesInto?.changes ?? new ChangeStore(columns.length);
    this.byKey = writesInto?.byKey ?? new Map();
    this.rows = writesInto?.rows ?? new RowBag(columns.length);
    this.identity = columns.every((c) => c.nullable && !c.convert);
    this.nullSafe = columns.every((c) => !c.convert);
    this.single = primaryKey?.length === 1 ? (primaryKey[0] as number) : -1;
  }

  private readonly identity: boolean;
  private readonly nullSafe: boolean;
  private readonly single: number;

  /** Rows that need no conversion: no value is `undefined` and no NOT NULL column holds NULL. */
  private plain(row: readonly unknown[]): boolean {
    const cols = this.columns;
    if (row.length !== cols.length) return false;
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === undefined || (v === null && !(cols[i] as SinkColumn).nullable)) return false;
    }
    return true;
  }

  /** A sink keeps rows as they arrive: watermarks change nothing in it. */
  override readsWatermarks(): boolean {
    return false;
  }

  process(change: Change): void {
    this.accept(change.kind, change.row);
  }

  override receiveRow(kind: RowKind, row: Row): void {
    this.accept(kind, row);
  }

  override processInserts(rows: readonly Row[], origin: Int32Array | undefined): void {
    let i = 0;
    try {
      for (; i < rows.length; i++) this.accept('+I', rows[i] as Row);
    } catch (e) {
      throw tagSourceRow(e, origin, i);
    }
  }

  /**
   * Inserts into a sink that keeps only its final table, without a primary key, and whose columns need no
   * conversion: a row would be kept as it is, so each column's values go into the table's columns directly.
   */
  override takesColumns(): boolean {
    return this.identity && this.primaryKey === undefined && !this.keepChangelog;
  }

  override processColumns(columns: readonly ArrayLike<unknown>[], start: number, end: number, input: number): void {
    if (this.takesColumns() && columns.length === this.columns.length) this.rows.addColumns(columns, start, end);
    else super.processColumns(columns, start, end, input);
  }

  private accept(kind: RowKind, input: Row): void {
    if (this.dropNullRows && this.columns.some((c, i) => !c.nullable && (input[i] === null || input[i] === undefined))) return;
    const row = this.identity || (this.nullSafe && (!isAccumulate(kind) || this.plain(input))) ? input : input.map((v, i) => {
      const c = this.columns[i] as SinkColumn;
      if (v === null || v === undefined) {
        if (!c.nullable && isAccumulate(kind)) {
          throw new FlinktsError([{ ...RUNTIME_TEXTS.notNullViolated({ column: c.name, sink: this.sinkName }), severity: 'error' }]);
        }
        return null;
      }
      return c.convert ? c.convert(v) : v;
    });
    // an upsert sink delivers no -U, and every retraction as -D
    let delivered = kind;
    if (this.primaryKey) {
      if (kind === '-U' && !this.updateBefore) return;
      const k = this.single >= 0 ? singleKey(row[this.single]) : groupKey(this.primaryKey.map((i) => row[i]));
      if (isAccumulate(kind)) this.byKey.set(k, row);
      else {
        this.byKey.delete(k);
        if (kind !== '-U') delivered = '-D';
      }
    } else if (isAccumulate(kind)) this.rows.add(row);
    else this.rows.remove(row);
    if (this.keepChangelog) this.changes.add(delivered, row);
  }

  /** What the sink received, in order (made when first read). */
  get changelog(): readonly Change[] {
    return this.changes.toArray();
  }

  /** The table as it stands after applying the changelog. */
  table(): (readonly unknown[])[] {
    return this.primaryKey ? [...this.byKey.values()] : this.rows.toArray();
  }

  /** Its rows in the order of `table()`, one at a time (reading a large table without an array of all its rows). */
  forEachRow(f: (row: readonly unknown[]) => void): void {
    if (this.primaryKey) for (const r of this.byKey.values()) f(r);
    else this.rows.forEach(f);
  }

  /**
   * `forEachRow` a run of rows at a time as columns (`RowBag.forEachRun`); false, and nothing called, where the
   * table is not kept that way (a primary-key sink's rows, a table rows were removed from).
   */
  forEachRun(f: (columns: readonly ArrayLike<unknown>[], count: number) => void): boolean {
    return this.primaryKey ? false : this.rows.forEachRun(f);
  }

  /** The number of rows of `table()`. */
  get rowCount(): number {
    return this.primaryKey ? this.byKey.size : this.rows.size;
  }
}
