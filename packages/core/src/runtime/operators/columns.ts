/**
 * Compact storage for operator state that holds many rows for the whole run (a regular join's sides, a sink's
 * rows): one column of values by position, in fixed-size chunks, so growing never copies what is there (a
 * million-row array grown by copying leaves about twice its size as garbage) and a column's values take the
 * smallest form that holds them exactly:
 *  - int32: every value so far is an integer number in 32 bits (4 bytes a value);
 *  - float64: every value is a number (8 bytes, no number object per value);
 *  - dictionary: at most 65,535 distinct values: primitives (equal strings of many rows are kept once) and
 *    objects by identity (a Timestamp object many rows share), 2 bytes a value;
 *  - values: anything else, as it is.
 * A column moves to a wider form when a value does not fit (once: its values are copied then); a value read
 * back is the value written (a dictionary gives back an equal primitive, -0 never enters it). The first chunk
 * starts small and grows to full size, so a state holding a few rows (a unit test's) stays small.
 */

const SHIFT = 13;
/** Values per chunk: a chunk of object pointers stays below V8's large-object size. */
export const CHUNK = 1 << SHIFT;
const MASK = CHUNK - 1;
/** Codes a dictionary chunk holds (Uint16Array). */
const DICT_LIMIT = 0xffff;

const INT = 0;
const FLOAT = 1;
const DICT = 2;
const VALUES = 3;
type Form = typeof INT | typeof FLOAT | typeof DICT | typeof VALUES;

const isInt32 = (v: unknown): v is number => typeof v === 'number' && (v | 0) === v && !(v === 0 && 1 / v < 0);
/**
 * A value a dictionary may hold: a primitive, where one equal value is as good as another (but -0 is not 0), or an
 * object, found by identity (the Map's key equality), so the dictionary gives back the very object written: a
 * column of objects many rows share (a window's window_start) is kept as 2-byte codes, not a pointer per row.
 */
const isDictValue = (v: unknown): boolean => !(v === 0 && 1 / (v as number) < 0);

type Chunk = Int32Array | Float64Array | Uint16Array | unknown[];
type TypedChunk = Int32Array | Float64Array | Uint16Array;

/**
 * Full-size typed chunks of state that has ended (a finished join's sides: `recycle`), for the next columns made to
 * take instead of allocating new ones. A typed chunk's buffer is outside V8's heap, and V8 starts a full collection
 * (marking the whole heap, a test's fixture rows included) for every 64 MB of such memory allocated since the last
 * one: a 1M-row join allocated 29 MB of chunks per job, so every second or third job of a suite paid for a full
 * collection. Chunks are held only through WeakRefs, so the pool lets a chunk that is dead but not yet freed serve
 * again and keeps nothing alive past its task: by the language's rule a WeakRef's target stays alive until the task
 * that made the WeakRef ends, so jobs run back to back in one synchronous task keep the last finished join's
 * chunks until it yields (bench/runtime/memory.ts, which collects garbage in the job's task, finds them held: 27 MB
 * after the 1M-row join); once it has yielded (a test suite's next test), a full collection frees them as it would
 * without the pool.
 */
class ChunkPool<T extends TypedChunk> {
  private readonly refs: WeakRef<T>[] = [];
  constructor(private readonly make: (size: number) => T) {}

  /** A zeroed chunk of `size` values: a recycled one when `size` is the full size and one is still there. */
  take(size: number): T {
    if (size === CHUNK) {
      const refs = this.refs;
      while (refs.length > 0) {
        const c = (refs.pop() as WeakRef<T>).deref();
        if (c !== undefined) {
          c.fill(0);
          return c;
        }
      }
    }
    return this.make(size);
  }

  give(c: T): void {
    if (c.length === CHUNK && this.refs.length < POOL_LIMIT) this.refs.push(new WeakRef(c));
  }
}

/** The most chunks a pool refers to (4,096 full Int32 chunks are 128 MB). */
const POOL_LIMIT = 4096;
const INT_CHUNKS = new ChunkPool<Int32Array>((n) => new Int32Array(n));
const FLOAT_CHUNKS = new ChunkPool<Float64Array>((n) => new Float64Array(n));
const CODE_CHUNKS = new ChunkPool<Uint16Array>((n) => new Uint16Array(n));

/** Hands a column's typed chunks to their pool. */
function recycleChunks(chunks: readonly (Chunk | undefined)[]): void {
  for (const c of chunks) {
    if (c instanceof Int32Array) INT_CHUNKS.give(c);
    else if (c instanceof Float64Array) FLOAT_CHUNKS.give(c);
    else if (c instanceof Uint16Array) CODE_CHUNKS.give(c);
  }
}

export class ValueColumn {
  private form: Form | undefined;
  private chunks: Chunk[] = [];
  /** Dictionary form: the values by code, and the code of each value. */
  private dict: unknown[] = [];
  private codes: Map<unknown, number> | undefined;

  /** The value at `i` (written before). */
  get(i: number): unknown {
    const c = this.chunks[i >>> SHIFT] as Chunk;
    const at = i & MASK;
    switch (this.form) {
      case DICT:
        return this.dict[(c as Uint16Array)[at] as number];
      default:
        return c[at];
    }
  }

  set(i: number, v: unknown): void {
    if (this.form === undefined) this.form = isInt32(v) ? INT : typeof v === 'number' ? FLOAT : isDictValue(v) ? DICT : VALUES;
    const n = i >>> SHIFT;
    const at = i & MASK;
    let c = this.chunks[n];
    if (c === undefined || at >= c.length) c = this.chunkFor(n, at);
    switch (this.form) {
      case INT:
        if (isInt32(v)) (c as Int32Array)[at] = v;
        else {
          this.widen(typeof v === 'number' ? FLOAT : VALUES);
          this.set(i, v);
        }
        return;
      case FLOAT:
        if (typeof v === 'number') (c as Float64Array)[at] = v;
        else {
          this.widen(VALUES);
          this.set(i, v);
        }
        return;
      case DICT: {
        const codes = this.codes as Map<unknown, number>;
        // checked first: a Map finds 0's code for -0
        const fits = isDictValue(v);
        let code = fits ? codes.get(v) : undefined;
        if (code === undefined && fits && this.dict.length < DICT_LIMIT) {
          code = this.dict.length;
          this.dict.push(v);
          codes.set(v, code);
        }
        if (code !== undefined) (c as Uint16Array)[at] = code;
        else {
          this.widen(VALUES);
          this.set(i, v);
        }
        return;
      }
      default:
        (c as unknown[])[at] = v;
    }
  }

  /**
   * The values of chunk `n` (positions `n * CHUNK` on) as they are read by `get`: the chunk itself, or a
   * dictionary chunk decoded into `into` (reused by the caller). Positions past those written read as 0 or
   * undefined.
   */
  chunkValues(n: number, into: unknown[]): ArrayLike<unknown> {
    const c = this.chunks[n];
    if (c === undefined) return into;
    if (this.form !== DICT) return c;
    const dict = this.dict;
    for (let j = 0; j < c.length; j++) into[j] = dict[(c as Uint16Array)[j] as number];
    return into;
  }

  /**
   * Ends the column: its typed chunks go to their pool for columns made later (see `ChunkPool`). Nothing may be
   * read or written afterwards (a read fails).
   */
  recycle(): void {
    recycleChunks(this.chunks);
    this.chunks = [];
    this.dict = [];
    this.codes = undefined;
  }

  /**
   * Forgets the value at `i` (a removed row's objects are not kept alive); reading it again is not allowed. A
   * dictionary keeps its values (at most 65,535 per column) until the column is widened.
   */
  release(i: number): void {
    if (this.form === VALUES) (this.chunks[i >>> SHIFT] as unknown[])[i & MASK] = undefined;
  }

  /**
   * `set(at + j - start, values[j])` for each `j` of `start..end`: within a chunk, the values that fit the column's
   * form are written by a loop of that form; the first that does not (or a chunk's end) goes through `set`.
   */
  setRun(at: number, values: ArrayLike<unknown>, start: number, end: number): void {
    let j = start;
    while (j < end) {
      const i = at + j - start;
      this.set(i, values[j++]);
      const c = this.chunks[i >>> SHIFT] as Chunk;
      // the rest of this chunk (as `set` just made or grew it)
      const stop = Math.min(end, j + c.length - 1 - (i & MASK));
      let k = (i & MASK) + 1;
      switch (this.form) {
        case INT: {
          const ints = c as Int32Array;
          for (; j < stop; j++, k++) {
            const v = values[j];
            if (!isInt32(v)) break;
            ints[k] = v;
          }
          break;
        }
        case FLOAT: {
          const floats = c as Float64Array;
          for (; j < stop; j++, k++) {
            const v = values[j];
            if (typeof v !== 'number') break;
            floats[k] = v;
          }
          break;
        }
        case DICT: {
          const codes = c as Uint16Array;
          const known = this.codes as Map<unknown, number>;
          for (; j < stop; j++, k++) {
            // a value not coded yet (or -0) goes through `set`
            const code = known.get(values[j]);
            if (code === undefined || !isDictValue(values[j])) break;
            codes[k] = code;
          }
          break;
        }
        default: {
          const vs = c as unknown[];
          for (; j < stop; j++, k++) vs[k] = values[j];
        }
      }
    }
  }

  /** Chunk `n`, made (and the first chunk grown) so that it holds position `at`. */
  private chunkFor(n: number, at: number): Chunk {
    const cs = this.chunks;
    const first = cs[0];
    if (first !== undefined && first.length < CHUNK && (n > 0 || at >= first.length)) {
      const grown = this.newChunk(n > 0 ? CHUNK : Math.min(CHUNK, Math.max(at + 1, first.length * 2)));
      for (let j = 0; j < first.length; j++) (grown as unknown[])[j] = first[j];
      cs[0] = grown;
    }
    while (cs.length <= n) cs.push(this.newChunk(cs.length === 0 && n === 0 ? Math.min(CHUNK, Math.max(16, at + 1)) : CHUNK));
    return cs[n] as Chunk;
  }

  private newChunk(size: number): Chunk {
    switch (this.form) {
      case INT:
        return INT_CHUNKS.take(size);
      case FLOAT:
        return FLOAT_CHUNKS.take(size);
      case DICT:
        this.codes ??= new Map();
        return CODE_CHUNKS.take(size);
      default:
        return new Array<unknown>(size).fill(undefined);
    }
  }

  /** Rewrites every chunk in the wider `form` (the values written so far keep their positions). */
  private widen(form: Form): void {
    const old = this.chunks;
    const from = this.form;
    const dict = this.dict;
    this.form = form;
    this.chunks = [];
    for (const c of old) {
      const next = this.newChunk(c.length);
      for (let j = 0; j < c.length; j++) (next as unknown[])[j] = from === DICT ? dict[(c as Uint16Array)[j] as number] : c[j];
      this.chunks.push(next);
    }
    if (from === DICT) {
      this.dict = [];
      this.codes = undefined;
    }
  }
}

/**
 * A growing array of 32-bit integers in fixed-size chunks, 0 where nothing was written: a chunk is made only when a
 * value other than 0 is written into it, so a column that stays 0 (a join key's rows without a second row, rows
 * matching nothing) costs nothing. The first chunk starts small and grows.
 */
export class IntColumn {
  private chunks: (Int32Array | undefined)[] = [];

  /** Ends the column: as `ValueColumn.recycle`. */
  recycle(): void {
    recycleChunks(this.chunks);
    this.chunks = [];
  }

  get(i: number): number {
    const c = this.chunks[i >>> SHIFT];
    return c === undefined ? 0 : (c[i & MASK] ?? 0);
  }

  set(i: number, v: number): void {
    const n = i >>> SHIFT;
    const at = i & MASK;
    let c = this.chunks[n];
    if (c === undefined || at >= c.length) {
      // what is not there reads 0 already
      if (v === 0) return;
      const grown = INT_CHUNKS.take(n > 0 ? CHUNK : Math.min(CHUNK, Math.max(16, at + 1, c === undefined ? 0 : c.length * 2)));
      if (c !== undefined) grown.set(c);
      while (this.chunks.length < n) this.chunks.push(undefined);
      this.chunks[n] = c = grown;
    }
    c[at] = v;
  }
}
