/**
 * Changelog-mode and time-attribute inference over a query, operator by operator (see the files next to this
 * one for each operator's rule). Diagnostics for time attributes and for operators that cannot consume their
 * input's changes are reported on the way; the sink checks read the resulting `Stream`.
 */
import type { Expression } from '../../ast/expression.js';
import type { Query, Relation, Select } from '../../ast/query.js';
import { isWindowTvf, windowTvfStream } from '../time/window-tvf.js';
import { checkOverAggregates, checkSort } from '../time/order-checks.js';
import { aggregation, groupWindow } from './aggregate.js';
import { checkGroupWindow, checkGroupWindowAuxiliaries } from '../time/group-window.js';
import type { ChangelogMode, Stream, StreamColumn } from './changelog-mode.js';
import { firstUpdating, INSERT_ONLY, isUpdating } from './changelog-mode.js';
import { joinStream } from './join.js';
import { keyRefs, mapKey, project } from './projection.js';
import type { RankPattern } from './rank.js';
import { rankMode, rankPattern } from './rank.js';
import { subqueryFilterMode } from './subquery-filter.js';
import { tableRefStream } from './source-mode.js';
import type { StreamContext } from './stream-context.js';
import { withCtes } from './stream-context.js';

function renamed(s: Stream, relation: string, aliases?: readonly string[]): Stream {
  const rename = (name: string, i: number) => aliases?.[i] ?? name;
  const names = s.columns?.map((c) => c.name);
  const key = s.mode.upsertKey?.map((k) => {
    const i = names?.indexOf(k) ?? -1;
    return i < 0 ? k : rename(k, i);
  });
  return {
    ...s,
    mode: key === undefined ? s.mode : { ...s.mode, upsertKey: key },
    ...(s.columns === undefined ? {} : { columns: s.columns.map((c, i) => ({ ...c, relation, name: rename(c.name, i) })) }),
  };
}

export function inferRelation(r: Relation, ctx: StreamContext, where?: Expression): Stream {
  switch (r.kind) {
    case 'TableRef':
      return tableRefStream(r, ctx) ?? { mode: INSERT_ONLY };
    case 'SubqueryRelation':
      return renamed(inferQuery(r.query, ctx), r.alias ?? '', r.columnAliases);
    case 'TableFunction': {
      if (!isWindowTvf(r)) return { mode: INSERT_ONLY };
      const table = r.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'TableArg');
      const input = table?.kind === 'TableArg' ? inferRelation(table.relation, ctx) : { mode: INSERT_ONLY };
      return windowTvfStream(r, input, ctx);
    }
    case 'Unnest':
      return { mode: INSERT_ONLY, ...(r.columnAliases === undefined ? {} : { columns: r.columnAliases.map((name) => ({ relation: r.alias ?? '', name })) }) };
    case 'Join':
      return joinStream(r, ctx, inferRelation, where);
  }
}

/** The input of a deduplication / TopN: the ranked sub-query, with the rank's mode. */
function rankInput(rank: RankPattern, ctx: StreamContext): Stream {
  const inner = rank.inner;
  const source = inner.from === undefined ? { mode: INSERT_ONLY, columns: [] } : inferRelation(inner.from, ctx, inner.where);
  const filtered = subqueryFilterMode(inner.where, ctx, inferQuery);
  const base = filtered !== undefined && !isUpdating(source.mode) ? { ...source, mode: filtered } : source;
  const result = rankMode(rank, base);
  const projected = project(inner.items, base.columns ?? []);
  // The row number is a key column under its alias.
  const keyable = projected.map((p) => (p.expr === rank.item.expr ? { ...p, expr: { kind: 'ColumnRef', name: rank.alias } as const } : p));
  const mode: ChangelogMode = { ...result.mode, ...(isUpdating(result.mode) ? { upsertKey: mapKey(result.keys, keyable) } : {}) };
  return renamed({ mode, ...(base.columns === undefined ? {} : { columns: projected.map((p) => p.column) }) }, rank.relation.alias ?? '', rank.relation.columnAliases);
}

function inferSelect(select: Select, ctx: StreamContext): Stream {
  const rank = rankPattern(select, ctx.ranks);
  let input: Stream;
  if (rank !== undefined) input = rankInput(rank, ctx);
  else input = select.from === undefined ? { mode: INSERT_ONLY, columns: [] } : inferRelation(select.from, ctx, select.where);
  const anti = subqueryFilterMode(select.where, ctx, inferQuery);
  if (anti !== undefined && !isUpdating(input.mode)) input = { ...input, mode: anti };

  const legacyWindow = groupWindow(select);
  if (legacyWindow !== undefined) checkGroupWindow(legacyWindow, input, ctx);
  checkGroupWindowAuxiliaries(select, ctx);
  const over = checkOverAggregates(select, input, ctx);
  const agg = over ? undefined : aggregation(select, input);
  let mode: ChangelogMode = agg?.mode ?? input.mode;
  const keys = agg !== undefined ? agg.keys : keyRefs(input.mode.upsertKey);
  if (select.orderBy !== undefined && select.orderBy.length > 0 && select.limit !== undefined && !isUpdating(mode)) {
    const span = select.orderBy[0]!.span ?? select.orderBy[0]!.expr.span;
    mode = { kind: 'upsert', origin: { operator: 'ORDER BY … LIMIT (TopN)', ...(span === undefined ? {} : { span }), fix: 'rank within a window TVF, or write into a sink that accepts updates' } };
  }
  const projected = project(select.items, input.columns ?? [], agg?.loses);
  const columns: StreamColumn[] | undefined = input.columns === undefined ? undefined : projected.map((p) => p.column);
  checkSort(select, input, columns, ctx);
  const upsertKey = isUpdating(mode) ? mapKey(keys, projected) : undefined;
  return { mode: { kind: mode.kind, ...(upsertKey === undefined ? {} : { upsertKey }), ...(mode.origin === undefined ? {} : { origin: mode.origin }) }, ...(columns === undefined ? {} : { columns }) };
}

/** The changelog mode and columns of a query. */
export function inferQuery(query: Query, ctx: StreamContext): Stream {
  switch (query.kind) {
    case 'Values':
      return { mode: INSERT_ONLY, columns: (query.rows[0] ?? []).map((_, i) => ({ relation: '', name: `EXPR$${i}` })) };
    case 'With': {
      const ctes = new Map(ctx.ctes);
      for (const cte of query.ctes) {
        const s = inferQuery(cte.query, withCtes(ctx, ctes));
        ctes.set(cte.name, renamed(s, cte.name, cte.columns));
      }
      return inferQuery(query.body, withCtes(ctx, ctes));
    }
    case 'SetOperation': {
      // `q1 UNION ALL q2 UNION ALL …` is a left spine as deep as it is long: folded in a loop, left to right.
      const spine = [query];
      for (let left = query.left; left.kind === 'SetOperation'; left = left.left) spine.push(left);
      let stream = inferQuery(spine[spine.length - 1]!.left, ctx);
      for (let i = spine.length - 1; i >= 0; i--) stream = combinedStream(spine[i]!, stream, inferQuery(spine[i]!.right, ctx));
      return stream;
    }
    case 'Select':
      return inferSelect(query, ctx);
  }
}

function combinedStream(query: Extract<Query, { kind: 'SetOperation' }>, left: Stream, right: Stream): Stream {
  const columns = left.columns?.map((c, i) => {
    const r = right.columns?.[i];
    return r !== undefined && r.time === c.time ? c : { relation: c.relation, name: c.name };
  });
  const updating = firstUpdating([left.mode, right.mode]);
  let mode: ChangelogMode = updating === undefined ? INSERT_ONLY : { kind: 'retract', ...(updating.origin === undefined ? {} : { origin: updating.origin }) };
  if (!query.all || query.op !== 'UNION') {
    const span = query.right.span ?? query.span;
    mode = updating ?? { kind: query.op === 'UNION' ? 'upsert' : 'retract', ...(query.op === 'UNION' && columns !== undefined ? { upsertKey: columns.map((c) => c.name) } : {}), origin: { operator: `${query.op}${query.all ? ' ALL' : ''} (a set operation keeping state)`, ...(span === undefined ? {} : { span }), fix: query.op === 'UNION' ? 'use UNION ALL, which emits inserts from insert-only inputs' : 'write into a sink that accepts updates' } };
  }
  return { mode, ...(columns === undefined ? {} : { columns }) };
}

