/**
 * Prints queries and relations: one function per node kind. Layout: one clause per line, select items and
 * GROUP BY keys one per line, nested queries indented inside their parentheses.
 */
import { QUERY_KINDS } from '../../ast/query.js';
import { checkNode } from '../../diagnostics/arguments.js';
import type { OrderItem } from '../../ast/expression.js';
import type {
  GroupingElement, Hint, Join, NamedWindow, Query, Relation, Select, SelectItem, SetOperation, SubqueryRelation,
  TableFunction, TableRef, Unnest, Values, With,
} from '../../ast/query.js';
import { printExpression, printOrderItem, printWindowSpec } from './expression.js';
import { printMatchRecognize } from './match-recognize.js';
import { atEntry, atTop, commentLines, indent } from './layout.js';
import { quoteIdentifier, quotePath, quoteString } from './quote.js';

export function printQuery(q: Query): string {
  if (atEntry()) checkNode('printQuery()', 'query', q, 'a query node (parseQuery(…).query, a built query\'s .query)', QUERY_KINDS);
  return atTop(printQueryText, q);
}

function printQueryText(q: Query): string {
  switch (q.kind) {
    case 'Select': return printSelect(q);
    case 'SetOperation': return printSetOperation(q);
    case 'Values': return printValues(q);
    case 'With': return printWith(q);
  }
}

export function printRelation(r: Relation): string {
  return atTop(printRelationText, r);
}

function printRelationText(r: Relation): string {
  switch (r.kind) {
    case 'TableRef': return printTableRef(r);
    case 'SubqueryRelation': return printSubqueryRelation(r);
    case 'TableFunction': return printTableFunction(r);
    case 'Unnest': return printUnnest(r);
    case 'Join': return printJoin(r);
    case 'MatchRecognize': return printMatchRecognize(r);
  }
}

// Hints ---------------------------------------------------------------------------------------------------

export function printHint(h: Hint): string {
  if (h.options !== undefined) {
    return `${h.name}(${h.options.map((o) => `${quoteString(o.key)}=${quoteString(o.value)}`).join(', ')})`;
  }
  return h.args !== undefined && h.args.length > 0 ? `${h.name}(${h.args.map(quoteIdentifier).join(', ')})` : h.name;
}

export function printHints(hints: readonly Hint[] | undefined): string {
  return hints === undefined || hints.length === 0 ? '' : ` /*+ ${hints.map(printHint).join(', ')} */`;
}

// Relations -----------------------------------------------------------------------------------------------

function aliasClause(alias: string | undefined, columns?: readonly string[]): string {
  if (alias === undefined) return '';
  const cols = columns !== undefined && columns.length > 0 ? ` (${columns.map(quoteIdentifier).join(', ')})` : '';
  return ` AS ${quoteIdentifier(alias)}${cols}`;
}

function printTableRef(r: TableRef): string {
  const temporal = r.forSystemTimeAsOf === undefined ? '' : ` FOR SYSTEM_TIME AS OF ${printExpression(r.forSystemTimeAsOf)}`;
  return `${quotePath(r.path)}${printHints(r.hints)}${temporal}${aliasClause(r.alias)}`;
}

function parenthesised(text: string): string {
  return `(\n${indent(text)}\n)`;
}

function printSubqueryRelation(r: SubqueryRelation): string {
  return `${r.lateral ? 'LATERAL ' : ''}${parenthesised(printQuery(r.query))}${aliasClause(r.alias, r.columnAliases)}`;
}

function printTableFunction(r: TableFunction): string {
  return `${r.lateral ? 'LATERAL ' : ''}TABLE(${printExpression(r.call)})${aliasClause(r.alias, r.columnAliases)}`;
}

function printUnnest(r: Unnest): string {
  return `UNNEST(${r.args.map(printExpression).join(', ')})${r.withOrdinality ? ' WITH ORDINALITY' : ''}${aliasClause(r.alias, r.columnAliases)}`;
}

function joinKeyword(j: Join): string {
  switch (j.type) {
    case 'INNER': return 'JOIN';
    case 'LEFT': return 'LEFT JOIN';
    case 'RIGHT': return 'RIGHT JOIN';
    case 'FULL': return 'FULL JOIN';
    case 'CROSS': return 'CROSS JOIN';
  }
}

function printJoin(j: Join): string {
  const left = printRelation(j.left);
  // A join on the right of another join must be parenthesised to keep its grouping.
  const right = j.right.kind === 'Join' ? `(${printRelation(j.right)})` : printRelation(j.right);
  if (j.comma) return `${left},\n${right}`;
  let text = `${left}\n${joinKeyword(j)} ${right}`;
  if (j.on !== undefined) text += `\n${indent(`ON ${printExpression(j.on)}`)}`;
  if (j.using !== undefined) text += ` USING (${j.using.map(quoteIdentifier).join(', ')})`;
  return text;
}

// Queries -------------------------------------------------------------------------------------------------

function printSelectItem(item: SelectItem): string {
  const comments = item.comments === undefined ? '' : commentLines(item.comments);
  if (item.kind === 'SelectStar') return `${comments}${item.table === undefined ? '*' : `${quoteIdentifier(item.table)}.*`}`;
  return `${comments}${printExpression(item.expr)}${item.alias === undefined ? '' : ` AS ${quoteIdentifier(item.alias)}`}`;
}

function printGroupingElement(g: GroupingElement): string {
  switch (g.kind) {
    case 'GroupingSets': return `GROUPING SETS (${g.sets.map((s) => `(${s.map(printExpression).join(', ')})`).join(', ')})`;
    case 'Rollup': return `ROLLUP (${g.exprs.map(printExpression).join(', ')})`;
    case 'Cube': return `CUBE (${g.exprs.map(printExpression).join(', ')})`;
    default: return printExpression(g);
  }
}

function printNamedWindow(w: NamedWindow): string {
  return `${quoteIdentifier(w.name)} AS ${printWindowSpec(w.spec)}`;
}

/** `keyword` followed by the items, one per line, indented. */
function listClause<T>(keyword: string, items: readonly T[], print: (item: T) => string): string {
  let text = keyword;
  for (let i = 0; i < items.length; i++) text += (i === 0 ? '\n' : ',\n') + indent(print(items[i]!));
  return text;
}

function orderLimit(orderBy: readonly OrderItem[] | undefined, limit: Select['limit'], offset: Select['offset']): string[] {
  const lines: string[] = [];
  if (orderBy !== undefined && orderBy.length > 0) lines.push(`ORDER BY ${orderBy.map(printOrderItem).join(', ')}`);
  if (limit !== undefined) lines.push(`LIMIT ${printExpression(limit)}`);
  if (offset !== undefined) lines.push(`OFFSET ${printExpression(offset)}`);
  return lines;
}

function printSelect(s: Select): string {
  let text = listClause(`SELECT${printHints(s.hints)}${s.distinct ? ' DISTINCT' : ''}`, s.items, printSelectItem);
  if (s.from !== undefined) text += '\nFROM ' + printRelation(s.from);
  if (s.where !== undefined) text += '\nWHERE ' + printExpression(s.where);
  if (s.groupBy !== undefined && s.groupBy.length > 0) text += '\n' + listClause('GROUP BY', s.groupBy, printGroupingElement);
  if (s.having !== undefined) text += '\nHAVING ' + printExpression(s.having);
  if (s.windows !== undefined && s.windows.length > 0) text += '\nWINDOW ' + s.windows.map(printNamedWindow).join(', ');
  for (const line of orderLimit(s.orderBy, s.limit, s.offset)) text += '\n' + line;
  return text;
}

function hasOrderOrLimit(q: Query): boolean {
  return (q.kind === 'Select' || q.kind === 'SetOperation') && (q.orderBy !== undefined && q.orderBy.length > 0 || q.limit !== undefined || q.offset !== undefined);
}

function setOperand(q: Query, parent: SetOperation, side: 'left' | 'right'): string {
  const text = printQuery(q);
  const needsParens =
    q.kind === 'With' ||
    hasOrderOrLimit(q) ||
    (q.kind === 'SetOperation' && (side === 'right' || (q.op === 'INTERSECT') !== (parent.op === 'INTERSECT')));
  return needsParens ? parenthesised(text) : text;
}

function printSetOperation(s: SetOperation): string {
  // `q1 UNION ALL q2 UNION ALL …` is a left spine as deep as it is long: walk it in a loop, not by recursion.
  const spine: SetOperation[] = [s];
  for (let left = s.left; left.kind === 'SetOperation' && !hasOrderOrLimit(left) && (left.op === 'INTERSECT') === (spine[spine.length - 1]!.op === 'INTERSECT'); left = left.left) {
    spine.push(left);
  }
  const lines = [setOperand(spine[spine.length - 1]!.left, spine[spine.length - 1]!, 'left')];
  for (let i = spine.length - 1; i >= 0; i--) lines.push(`${spine[i]!.op}${spine[i]!.all ? ' ALL' : ''}`, setOperand(spine[i]!.right, spine[i]!, 'right'));
  lines.push(...orderLimit(s.orderBy, s.limit, s.offset));
  return lines.join('\n');
}

function printValues(v: Values): string {
  return listClause('VALUES', v.rows, (row) => `(${row.map(printExpression).join(', ')})`);
}

function printWith(w: With): string {
  const ctes = w.ctes.map((c) => {
    const cols = c.columns !== undefined && c.columns.length > 0 ? ` (${c.columns.map(quoteIdentifier).join(', ')})` : '';
    return `${quoteIdentifier(c.name)}${cols} AS ${parenthesised(printQuery(c.query))}`;
  });
  return `WITH ${ctes.join(',\n')}\n${printQuery(w.body)}`;
}
