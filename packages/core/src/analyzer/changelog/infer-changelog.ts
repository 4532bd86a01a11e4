/**
 * Time-attribute inference over a query, operator by operator (see the files next to this one for each operator's
 * rule): which columns are time attributes, and why a column lost its time attribute, so the time checks can say
 * so. Those diagnostics are reported on the way. Changelog modes are derived on the bound plan instead
 * (plan/properties/changelog.ts); the sink checks read them there.
 */
import type { Expression } from '../../ast/expression.js';
import type { Query, Relation, Select } from '../../ast/query.js';
import { walkAst } from '../../ast/walk.js';
import { isWindowTvf, windowTvfStream } from '../time/window-tvf.js';
import { checkOverAggregates, checkSort } from '../time/order-checks.js';
import { aggregation, groupWindow } from './aggregate.js';
import { checkGroupWindow, checkGroupWindowAuxiliaries } from '../time/group-window.js';
import type { Stream, StreamColumn } from './changelog-mode.js';
import { joinStream } from './join.js';
import { project } from './projection.js';
import type { RankPattern } from './rank.js';
import { rankPattern } from './rank.js';
import { tableRefStream } from './source-mode.js';
import type { StreamContext } from './stream-context.js';
import { withCtes } from './stream-context.js';

function renamed(s: Stream, relation: string, aliases?: readonly string[]): Stream {
  const rename = (name: string, i: number) => aliases?.[i] ?? name;
  return s.columns === undefined ? s : { columns: s.columns.map((c, i) => ({ ...c, relation, name: rename(c.name, i) })) };
}

export function inferRelation(r: Relation, ctx: StreamContext, where?: Expression): Stream {
  switch (r.kind) {
    case 'TableRef':
      return tableRefStream(r, ctx) ?? {};
    case 'SubqueryRelation':
      return renamed(inferQuery(r.query, ctx), r.alias ?? '', r.columnAliases);
    case 'TableFunction': {
      if (!isWindowTvf(r)) return {};
      const table = r.call.args.map((a) => (a.kind === 'NamedArg' ? a.value : a)).find((a) => a.kind === 'TableArg');
      const input = table?.kind === 'TableArg' ? inferRelation(table.relation, ctx) : {};
      return windowTvfStream(r, input, ctx);
    }
    case 'Unnest':
      return r.columnAliases === undefined ? {} : { columns: r.columnAliases.map((name) => ({ relation: r.alias ?? '', name })) };
    case 'Join':
      return joinStream(r, ctx, inferRelation, where);
  }
}

/** The sub-queries of a WHERE (IN, EXISTS, scalar), checked as queries of their own. */
function inferSubqueries(where: Expression | undefined, ctx: StreamContext): void {
  if (where === undefined) return;
  walkAst(where, (node) => {
    if (node.kind === 'In' && (node as { query?: Query }).query !== undefined) {
      inferQuery((node as { query: Query }).query, ctx);
      return false;
    }
    if (node.kind === 'Exists' || node.kind === 'ScalarSubquery') {
      inferQuery((node as { query: Query }).query, ctx);
      return false;
    }
    return true;
  });
}

/** The input of a deduplication / TopN: the ranked sub-query's columns. */
function rankInput(rank: RankPattern, ctx: StreamContext): Stream {
  const inner = rank.inner;
  const source = inner.from === undefined ? { columns: [] } : inferRelation(inner.from, ctx, inner.where);
  inferSubqueries(inner.where, ctx);
  const projected = project(inner.items, source.columns ?? []);
  return renamed(source.columns === undefined ? {} : { columns: projected.map((p) => p.column) }, rank.relation.alias ?? '', rank.relation.columnAliases);
}

function inferSelect(select: Select, ctx: StreamContext): Stream {
  const rank = rankPattern(select, ctx.ranks);
  let input: Stream;
  if (rank !== undefined) input = rankInput(rank, ctx);
  else input = select.from === undefined ? { columns: [] } : inferRelation(select.from, ctx, select.where);
  inferSubqueries(select.where, ctx);

  const legacyWindow = groupWindow(select);
  if (legacyWindow !== undefined) checkGroupWindow(legacyWindow, input, ctx);
  checkGroupWindowAuxiliaries(select, ctx);
  const over = checkOverAggregates(select, input, ctx);
  const agg = over ? undefined : aggregation(select, input);
  const projected = project(select.items, input.columns ?? [], agg?.loses);
  const columns: StreamColumn[] | undefined = input.columns === undefined ? undefined : projected.map((p) => p.column);
  checkSort(select, input, columns, ctx);
  return columns === undefined ? {} : { columns };
}

/** The columns (with their time attributes) of a query. */
export function inferQuery(query: Query, ctx: StreamContext): Stream {
  switch (query.kind) {
    case 'Values':
      return { columns: (query.rows[0] ?? []).map((_, i) => ({ relation: '', name: `EXPR$${i}` })) };
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
      for (let i = spine.length - 1; i >= 0; i--) stream = combinedStream(stream, inferQuery(spine[i]!.right, ctx));
      return stream;
    }
    case 'Select':
      return inferSelect(query, ctx);
  }
}

/** A set operation keeps a time attribute where both sides have the same one. */
function combinedStream(left: Stream, right: Stream): Stream {
  const columns = left.columns?.map((c, i) => {
    const r = right.columns?.[i];
    return r !== undefined && r.time === c.time ? c : { relation: c.relation, name: c.name };
  });
  return columns === undefined ? {} : { columns };
}
