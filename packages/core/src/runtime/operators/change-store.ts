/**
 * A sink's kept changelog, stored flat: each change's kind as a byte and its values in one array (a row of the
 * sink's width), so keeping a million changes keeps no object per change. Every change used to be kept as its own
 * `Change` and row array; the garbage collector then copied and marked each of them while the job still ran
 * (keyed COUNT/SUM of 1M rows with the changelog kept: about 90 of 210 ms CPU per run). The `Change` list is made
 * when it is first read (`toArray`), once; a row whose width is not the sink's (none is expected) is kept as it came.
 */
import type { Change, RowKind } from '../changelog.js';

const KINDS: readonly RowKind[] = ['+I', '-U', '+U', '-D'];
/** A kind's index in KINDS (compared, not looked up by name: this runs once per change). */
const code = (k: RowKind): number => (k === '+U' ? 2 : k === '+I' ? 0 : k === '-U' ? 1 : 3);
/** Set on a kind's code when the change's row is kept whole in `odd`. */
const ODD = 4;
/**
 * Values per chunk, at most: chunks are arrays of a fixed size, never grown and copied (one growing array of every
 * value cost more). They start small (a unit test's few changes) and double up to this size, which V8 allocates
 * outside its young generation (above 128 KiB), so a full chunk is not copied by every young collection it survives.
 */
const CHUNK_VALUES = 1 << 16;
const FIRST_CHUNK_ROWS = 16;

export class ChangeStore {
  private kinds = new Uint8Array(64);
  /** The values, `CHUNK_ROWS` rows of the sink's width per chunk. */
  private readonly chunks: unknown[][] = [];
  private chunk: unknown[] = [];
  /** The next free position in `chunk` (its length when full). */
  private at = 0;
  /** Rows of another width, by change index. */
  private readonly odd = new Map<number, readonly unknown[]>();
  private count = 0;
  private made: Change[] | undefined;

  constructor(private readonly width: number) {}

  get size(): number {
    return this.count;
  }

  add(kind: RowKind, row: readonly unknown[]): void {
    const n = this.count;
    if (n === this.kinds.length) {
      const grown = new Uint8Array(n * 2);
      grown.set(this.kinds);
      this.kinds = grown;
    }
    const w = this.width;
    let c = code(kind);
    if (row.length === w) {
      let chunk = this.chunk;
      let at = this.at;
      if (at === chunk.length) {
        const rows = Math.max(FIRST_CHUNK_ROWS, Math.min(2 * (chunk.length / Math.max(1, w)), Math.ceil(CHUNK_VALUES / Math.max(1, w))));
        chunk = this.chunk = new Array<unknown>(Math.max(1, w) * rows);
        this.chunks.push(chunk);
        at = 0;
      }
      for (let i = 0; i < w; i++) chunk[at + i] = row[i];
      this.at = at + w;
    } else {
      c |= ODD;
      this.odd.set(n, row);
    }
    this.kinds[n] = c;
    this.count = n + 1;
    this.made = undefined;
  }

  /** The changes in order, as `Change`s (made on the first read after a change was added, then reused). */
  toArray(): Change[] {
    if (this.made !== undefined) return this.made;
    const n = this.count;
    const w = this.width;
    const chunks = this.chunks;
    const out = new Array<Change>(n);
    let k = 0;
    let values = chunks[0] ?? [];
    for (let c = 0, at = 0; c < n; c++) {
      const code = this.kinds[c] as number;
      const kind = KINDS[code & 3] as RowKind;
      if ((code & ODD) !== 0) {
        out[c] = { kind, row: this.odd.get(c) as readonly unknown[] };
        continue;
      }
      if (at === values.length) {
        values = chunks[++k] as unknown[];
        at = 0;
      }
      const row = new Array<unknown>(w);
      for (let i = 0; i < w; i++) row[i] = values[at + i];
      at += w;
      out[c] = { kind, row };
    }
    this.made = out;
    return out;
  }
}
