/**
 * The matching engine of MATCH_RECOGNIZE, as Flink's CEP runs the pattern it compiles from SQL (NFACompiler / NFA):
 * strict contiguity between rows; each variable a chain of states with its quantifier; a greedy quantifier (not
 * `?`, not `{n}`) makes the state after it refuse a row the quantifier could still take; every row also starts a
 * new partial match. A match completes when, right after a take, proceed edges reach the final state. Completed
 * matches wait while a partial match that started strictly earlier is alive; then the earliest is emitted and the
 * AFTER MATCH SKIP strategy prunes partial and completed matches. Partial and completed matches are kept in
 * priority queues that order as java.util.PriorityQueue does (java-priority-queue.ts), ties included, since which
 * of two matches with the same start is emitted (and which is pruned) follows that order in Flink.
 */
import type { MatchPatternElement, MatchSkip } from '../../plan/match-recognize.js';
import type { Row } from '../compiled.js';
import { evalError } from '../errors.js';
import { JavaPriorityQueue } from './java-priority-queue.js';

/** One row taken into a match: its variable (pattern position) and its sequence number in the partition. */
export interface Taken {
  readonly element: number;
  readonly row: Row;
  readonly id: number;
  readonly time: number;
}

/** A computation state: at pattern element `element` with `count` rows taken by it; `rows` the match so far. */
interface State {
  readonly element: number;
  readonly count: number;
  readonly rows: readonly Taken[];
  /** The first row's id and time (the start state: none). */
  readonly startId: number | undefined;
  readonly startTime: number;
  readonly final: boolean;
}

/** Evaluates element `element`'s DEFINE on `rows` (the partial match) with `row` taken as that element. */
export type Condition = (element: number, rows: readonly Taken[], row: Taken) => boolean;

const compareStates = (a: State, b: State): number => {
  const ta = a.startId === undefined ? Number.MAX_SAFE_INTEGER : a.startTime;
  const tb = b.startId === undefined ? Number.MAX_SAFE_INTEGER : b.startTime;
  if (ta !== tb) return ta < tb ? -1 : 1;
  const ia = a.startId ?? 2147483647;
  const ib = b.startId ?? 2147483647;
  return ia - ib;
};

/** The partial and completed matches of one partition. */
export class MatchNfa {
  private partial = new JavaPriorityQueue<State>(compareStates);
  private readonly completed = new JavaPriorityQueue<State>(compareStates);

  constructor(
    private readonly pattern: readonly MatchPatternElement[],
    private readonly greedy: readonly boolean[],
    private readonly skip: MatchSkip,
    private readonly variables: readonly string[],
    private readonly condition: Condition,
    private readonly within: number | undefined,
  ) {
    this.partial.add(start());
  }

  /** Whether nothing but the start state is kept (the partition's state may be dropped). */
  idle(): boolean {
    return this.partial.size() === 1 && this.completed.size() === 0;
  }

  /** Feeds one row; returns the matches emitted (each: its rows in order). */
  process(row: Taken): (readonly Taken[])[] {
    const next = new JavaPriorityQueue<State>(compareStates);
    const potential = new JavaPriorityQueue<State>(compareStates);
    for (const s of this.partial.items()) {
      for (const n of this.nextStates(s, row)) {
        if (n.final) potential.add(n);
        else next.add(n);
      }
    }
    return this.emit(potential, next);
  }

  /** Drops partial matches older than WITHIN at `time` (Flink's advanceTime), which may free completed ones. */
  advance(time: number): (readonly Taken[])[] {
    if (this.within === undefined) return [];
    const within = this.within;
    const next = new JavaPriorityQueue<State>(compareStates);
    for (const s of this.partial.items()) {
      if (s.startId !== undefined && within > 0 && time - s.startTime >= within) continue;
      next.add(s);
    }
    return this.emit(new JavaPriorityQueue<State>(compareStates), next);
  }

  private emit(potential: JavaPriorityQueue<State>, partial: JavaPriorityQueue<State>): (readonly Taken[])[] {
    const out: (readonly Taken[])[] = [];
    for (const p of potential.items()) this.completed.add(p);
    let earliest = this.completed.peek();
    while (earliest !== undefined) {
      const earliestPartial = partial.peek();
      if (earliestPartial !== undefined && compareStates(earliest, earliestPartial) > 0) break;
      this.completed.poll();
      const pruning = this.pruningId(earliest.rows);
      if (pruning !== undefined) {
        const strict = this.skip.kind === 'ToFirst' || this.skip.kind === 'ToLast';
        const prune = (s: State): boolean => s.startId !== undefined && (strict ? s.startId < pruning : s.startId <= pruning);
        partial.removeIf(prune);
        this.completed.removeIf(prune);
      }
      out.push(earliest.rows);
      earliest = this.completed.peek();
    }
    this.partial = partial;
    return out;
  }

  /** The row id AFTER MATCH SKIP prunes up to (SkipPastLast / SkipToNext: inclusive; SkipToFirst / SkipToLast: exclusive). */
  private pruningId(rows: readonly Taken[]): number | undefined {
    switch (this.skip.kind) {
      case 'PastLastRow': return rows[rows.length - 1]!.id;
      case 'ToNextRow': return rows[0]!.id;
      case 'ToFirst':
      case 'ToLast': {
        const element = this.variables.indexOf(this.skip.variable);
        const of = rows.filter((r) => r.element === element);
        const name = this.skip.variable;
        if (of.length === 0) throw evalError('org.apache.flink.util.FlinkRuntimeException', `Could not skip to ${name}. No such element in the found match ${describe(rows, this.variables)}`);
        const id = (this.skip.kind === 'ToFirst' ? of[0]! : of[of.length - 1]!).id;
        if (id === rows[0]!.id) throw evalError('org.apache.flink.util.FlinkRuntimeException', 'Could not skip to first element of a match.');
        return id;
      }
    }
  }

  /** The states `s` moves to on `row`, in Flink's order: each take edge's target (then the final state it proceeds to); the start state last. */
  private nextStates(s: State, row: Taken): State[] {
    const out: State[] = [];
    const k = this.pattern.length;
    // the decision graph: own take first, then the takes of the states proceed edges reach
    let element = s.element;
    let count = s.count;
    for (;;) {
      if (element >= k) break;
      const e = this.pattern[element]!;
      const entryGuard = count === 0 && element > 0 && this.greedy[element - 1]! ? !this.takes(element - 1, s.rows, row) : true;
      if (entryGuard && this.takes(element, s.rows, row)) this.taken(s, element, count, row, out);
      const canProceed = count >= e.min && entryGuard;
      if (!canProceed) break;
      element++;
      count = 0;
    }
    if (s.startId === undefined) out.push(s);
    return out;
  }

  private takes(element: number, rows: readonly Taken[], row: Taken): boolean {
    return this.condition(element, rows, { ...row, element });
  }

  /** Adds the state after `row` is taken by `element` (at `count` rows so far), and the final state if proceed edges reach it. */
  private taken(s: State, element: number, count: number, row: Taken, out: State[]): void {
    const rows = [...s.rows, { ...row, element }];
    const startId = s.startId ?? row.id;
    const startTime = s.startId === undefined ? row.time : s.startTime;
    const e = this.pattern[element]!;
    let at = element;
    let c = count + 1;
    if (e.max !== undefined && c >= e.max) {
      at = element + 1;
      c = 0;
    }
    const k = this.pattern.length;
    if (at >= k) {
      out.push({ element: at, count: 0, rows, startId, startTime, final: true });
      return;
    }
    out.push({ element: at, count: c, rows, startId, startTime, final: false });
    // proceed edges from the new state, checked on the row just taken
    let pe = at;
    let pc = c;
    for (;;) {
      const guard = pc === 0 && pe > 0 && this.greedy[pe - 1]! ? !this.takes(pe - 1, rows.slice(0, -1), row) : true;
      if (!guard || pc < this.pattern[pe]!.min) return;
      pe++;
      pc = 0;
      if (pe >= k) {
        out.push({ element: pe, count: 0, rows, startId, startTime, final: true });
        return;
      }
    }
  }
}

function start(): State {
  return { element: 0, count: 0, rows: [], startId: undefined, startTime: -1, final: false };
}

function describe(rows: readonly Taken[], variables: readonly string[]): string {
  const by = new Map<string, number[]>();
  for (const r of rows) {
    const v = variables[r.element]!;
    by.set(v, [...(by.get(v) ?? []), r.id]);
  }
  return `{${[...by].map(([v, ids]) => `${v}=[${ids.join(', ')}]`).join(', ')}}`;
}
