/**
 * Binding `input MATCH_RECOGNIZE (…)` into a MatchRecognize node (match-recognize.ts): PARTITION BY / ORDER BY
 * columns, the pattern as a list of quantified variables, and MEASURES / DEFINE expressions bound over slots (each
 * navigation, aggregate over a variable, MATCH_ROWTIME() becomes one slot the expression reads as a column).
 * What Flink's planner refuses is a diagnostic (match-recognize-codes.ts).
 */
import type { ColumnRef, Expression, FunctionCall } from '../ast/expression.js';
import type { MatchRecognize as MatchAst, PatternTerm } from '../ast/query.js';
import { didYouMean } from '../diagnostics/did-you-mean.js';
import { printExpression } from '../sql/printer/expression.js';
import { builtinFunction } from '../functions/registry.js';
import type { DataType } from '../types/data-type.js';
import { withNullable } from '../types/type-predicates.js';
import { show } from '../typing/families.js';
import type { BindContext, Scope } from './bind-context.js';
import { problem, report, unsupported } from './bind-context.js';
import type { CodeText } from '../diagnostics/code-table.js';
import { bindExpression } from './bind-expression.js';
import type { Bound } from './bind-relation.js';
import { copiedColumn } from './expression.js';
import type { MatchAccess, MatchExpression, MatchPatternElement, MatchRecognize, MatchSkip } from './match-recognize.js';
import type { UnsupportedPattern } from './match-recognize-codes.js';
import { MATCH_TEXTS } from './match-recognize-codes.js';
import type { PlanColumn } from './node.js';
import { TYPE_TEXTS } from '../typing/codes.js';

const TS3: DataType = { kind: 'TIMESTAMP', precision: 3, nullable: false };
const LTZ3: DataType = { kind: 'TIMESTAMP_LTZ', precision: 3, nullable: false };

/** Binds `r` over its already bound input. */
export function bindMatchRecognize(r: MatchAst, input: Bound, ctx: BindContext): Bound | undefined {
  const scope = input.scope;
  const column = (e: Expression, what: string): number | undefined => {
    const b = bindExpression(e, scope, ctx);
    const c = copiedColumn(b);
    if (c === undefined && b.type !== undefined) unsupported(ctx, e, `${what} on an expression (not a column) in MATCH_RECOGNIZE`);
    return c;
  };
  const partitionKeys = r.partitionBy.map((e) => column(e, 'PARTITION BY'));
  const [first, ...rest] = r.orderBy;
  const timeColumn = first === undefined ? undefined : column(first.expr, 'ORDER BY');
  const time = timeColumn === undefined ? undefined : input.node.columns[timeColumn]?.time;
  if (first === undefined) {
    report(ctx, MATCH_TEXTS.orderNotTime({ kind: 'none' }), r);
    return undefined;
  }
  if (time === undefined) {
    if (timeColumn !== undefined) report(ctx, MATCH_TEXTS.orderNotTime({ kind: 'notTime' }), first);
    return undefined;
  }
  if (first.direction === 'DESC') {
    report(ctx, MATCH_TEXTS.orderNotTime({ kind: 'descending', column: input.node.columns[timeColumn!]?.name ?? 'rowtime' }), first);
    return undefined;
  }
  const orderKeys = rest.map((o) => ({ column: column(o.expr, 'ORDER BY'), direction: o.direction ?? 'ASC', ...(o.nulls === undefined ? {} : { nulls: o.nulls }) }));
  if (partitionKeys.some((k) => k === undefined) || orderKeys.some((k) => k.column === undefined)) return undefined;

  if (r.rowsPerMatch === 'ALL') {
    report(ctx, MATCH_TEXTS.unsupportedClause({ kind: 'allRows' }), r);
    return undefined;
  }
  const pattern = patternElements(r.pattern, ctx);
  if (pattern === undefined) return undefined;
  const variables = pattern.map((p) => p.variable);
  const suggest = (name: string) => didYouMean(name, variables) ?? `the pattern's variables: ${variables.join(', ')}`;
  const known = (name: string, at: { readonly span?: import('../ast/node.js').Span | undefined }): boolean => {
    if (variables.includes(name)) return true;
    report(ctx, MATCH_TEXTS.unknownVariable({ kind: 'skip', name, suggestion: suggest(name) }), at);
    return false;
  };
  // without AFTER MATCH SKIP, Calcite (and so Flink) skips to the next row (checked on Flink 1.20.1)
  let after: MatchSkip = { kind: 'ToNextRow' };
  if (r.after !== undefined) {
    if ((r.after.kind === 'ToFirst' || r.after.kind === 'ToLast') && !known(r.after.variable, r.after)) return undefined;
    after = r.after.kind === 'ToFirst' || r.after.kind === 'ToLast' ? { kind: r.after.kind, variable: r.after.variable } : { kind: r.after.kind };
  }
  const define = new Map<string, MatchExpression>();
  for (const d of r.define) {
    if (!variables.includes(d.variable)) {
      // Flink ignores the definition of a variable its pattern does not have
      report(ctx, MATCH_TEXTS.unknownVariable({ kind: 'define', name: d.variable, suggestion: suggest(d.variable) }), d, 'warning');
      continue;
    }
    const bound = matchExpression(d.condition, { variables, current: d.variable }, input, ctx);
    if (bound === undefined) return undefined;
    const t = bound.expr.type;
    if (t !== undefined && t.kind !== 'BOOLEAN' && t.kind !== 'NULL') {
      report(ctx, TYPE_TEXTS.caseConditionNotBoolean({ clause: 'DEFINE', variable: d.variable, type: show(t) }), d.condition);
      return undefined;
    }
    define.set(d.variable, bound);
  }
  const measures: MatchExpression[] = [];
  for (const m of r.measures) {
    const bound = matchExpression(m.expr, { variables }, input, ctx);
    if (bound === undefined) return undefined;
    measures.push(bound);
  }
  const within = r.within === undefined ? undefined : bindExpression(r.within, { columns: [], relations: [] }, ctx);
  if (within !== undefined && within.type !== undefined && (within.type.kind !== 'INTERVAL_DAY_TIME' || r.within?.kind !== 'IntervalLiteral')) {
    report(ctx, MATCH_TEXTS.unsupportedClause({ kind: 'within' }), r.within!);
    return undefined;
  }
  const keyColumns = (partitionKeys as number[]).map((k): PlanColumn => {
    const c = input.node.columns[k]!;
    return { name: c.name, ...(c.type === undefined ? {} : { type: c.type }), ...(c.time === undefined ? {} : { time: c.time }) };
  });
  const measureColumns = measures.map((m, i): PlanColumn => {
    const only = m.slots.length === 1 && m.expr.ast.kind === 'ColumnRef' ? m.slots[0]! : undefined;
    const t = only?.kind === 'MatchRowtime' ? 'rowtime' : only?.kind === 'MatchProctime' ? 'proctime' : undefined;
    return { name: r.measures[i]!.alias, ...(m.expr.type === undefined ? {} : { type: m.expr.type }), ...(t === undefined ? {} : { time: t }) };
  });
  const columns = [...keyColumns, ...measureColumns];
  const node: MatchRecognize = Object.freeze({
    kind: 'MatchRecognize',
    input: input.node,
    partitionKeys: partitionKeys as number[],
    timeColumn: timeColumn!,
    time,
    orderKeys: orderKeys as MatchRecognize['orderKeys'],
    pattern,
    after,
    ...(within === undefined ? {} : { within }),
    define,
    measures,
    columns,
    ...(r.span === undefined ? {} : { span: r.span }),
  });
  const relation = r.alias ?? '';
  const names = r.columnAliases ?? columns.map((c) => c.name);
  if (names.length !== columns.length) {
    report(ctx, TYPE_TEXTS.aliasListLength({ aliases: names.length, columns: columns.length }), r);
    return undefined;
  }
  return {
    node,
    scope: {
      columns: columns.map((c, i) => ({ relation, name: names[i]!, ...(c.type === undefined ? {} : { type: c.type }), index: i, ...(c.time === undefined ? {} : { time: c.time }) })),
      relations: [relation],
    },
  };
}

/**
 * The pattern as quantified variables in order. Refused as Flink 1.20's planner (StreamExecMatch) and CEP's Pattern
 * builder refuse them, in their order: a group, a variable twice, a reluctant `?`, an optional variable (`*`, `?`)
 * right after a greedy one, a pattern that can match no row, a greedy quantifier last.
 */
function patternElements(t: PatternTerm, ctx: BindContext): MatchPatternElement[] | undefined {
  // an unquantified group is its terms in the sequence, as Calcite reads it
  const flat = (x: PatternTerm): PatternTerm[] => (x.kind === 'PatternSequence' ? x.terms.flatMap(flat) : x.kind === 'PatternGroup' && x.quantifier === undefined ? flat(x.term) : [x]);
  const terms = flat(t);
  const out: MatchPatternElement[] = [];
  const refuse = (at: { readonly span?: import('../ast/node.js').Span | undefined }, p: UnsupportedPattern): undefined => {
    report(ctx, MATCH_TEXTS.unsupportedPattern(p), at);
    return undefined;
  };
  for (const term of terms) {
    if (term.kind === 'PatternAlternation') {
      return refuse(term, { kind: 'alternation' });
    }
    if (term.kind !== 'PatternVariable') {
      return refuse(term.kind === 'PatternGroup' ? term : {}, { kind: 'group' });
    }
    if (out.some((e) => e.variable === term.name)) {
      return refuse(term, { kind: 'repeated', variable: term.name });
    }
    const q = term.quantifier;
    const element: MatchPatternElement = { variable: term.name, min: q?.min ?? 1, ...(q === undefined ? { max: 1 } : q.max === undefined ? {} : { max: q.max }), greedy: q === undefined || !q.reluctant };
    const optional = element.min === 0 && element.max === 1;
    if (optional && !element.greedy) return refuse(term, { kind: 'reluctantOptional', variable: term.name });
    // CEP's Pattern.optional() (for `*` and `?`, not `{0,m}`) refuses to follow a greedy quantifier
    const previous = out[out.length - 1];
    if (element.min === 0 && (element.max === undefined || optional) && previous !== undefined && greedyInCep(previous)) {
      return refuse(term, { kind: 'optionalAfterGreedy', variable: previous.variable });
    }
    out.push(element);
  }
  if (out.every((e) => e.min === 0)) {
    return refuse(t.kind === 'PatternVariable' || t.kind === 'PatternGroup' ? t : {}, { kind: 'empty' });
  }
  const last = out[out.length - 1]!;
  const lastTerm = terms[terms.length - 1]! as { readonly span?: import('../ast/node.js').Span };
  if (greedyInCep(last)) {
    return refuse(lastTerm, { kind: 'greedyLast', variable: last.variable });
  }
  return out;
}

/** Whether Flink's translation marks the CEP pattern of `e` greedy: a greedy quantifier that is neither `?` nor `{n}`. */
export function greedyInCep(e: MatchPatternElement): boolean {
  return e.greedy && !(e.min === 0 && e.max === 1) && e.min !== e.max;
}

interface Where {
  readonly variables: readonly string[];
  /** The variable DEFINE is defining (its unqualified columns are the current row). */
  readonly current?: string;
}

const NAVIGATION = new Set(['FIRST', 'LAST']);

/** Binds a MEASURES / DEFINE expression over slots (see match-recognize.ts). */
function matchExpression(e: Expression, where: Where, input: Bound, ctx: BindContext): MatchExpression | undefined {
  const slots: MatchAccess[] = [];
  let failed = false;
  const fail = (code: string, at: { readonly span?: import('../ast/node.js').Span | undefined }, message: string, hint?: string): undefined => {
    if (!failed) problem(ctx, code, at, message, hint);
    failed = true;
    return undefined;
  };
  const failText = (text: CodeText, at: { readonly span?: import('../ast/node.js').Span | undefined }): undefined => fail(text.code, at, text.message, text.hint);
  /** What Flink accepts and flinkts does not bind: FTS4501 (a warning; the local runtime answers FTS7001). */
  const notBound = (at: { readonly span?: import('../ast/node.js').Span | undefined }, what: string): undefined => {
    if (!failed) unsupported(ctx, at, what);
    failed = true;
    return undefined;
  };
  /** The one variable `x` reads (undefined: none) with its qualifiers removed, or undefined after an error. */
  const strip = (x: Expression, at: string): { expr: Expression; variable: string | undefined } | undefined => {
    const found = new Set<string>();
    const stripped = mapExpression(x, (n) => {
      if (n.kind !== 'ColumnRef' || n.table === undefined) return undefined;
      if (!where.variables.includes(n.table)) {
        const t = MATCH_TEXTS.unknownVariable({ kind: 'qualifier', name: n.table, suggestion: didYouMean(n.table, where.variables) ?? `the pattern's variables: ${where.variables.join(', ')}` });
        fail(t.code, n, t.message, t.hint);
        return n;
      }
      found.add(n.table);
      return { kind: 'ColumnRef', name: n.name, ...(n.span === undefined ? {} : { span: n.span }) } as ColumnRef;
    });
    if (found.size > 1) return failText(MATCH_TEXTS.unsupportedClause({ kind: 'severalVariables', at, variables: [...found] }), x);
    return failed ? undefined : { expr: stripped, variable: [...found][0] };
  };
  const rowExpr = (x: Expression) => bindExpression(x, input.scope, ctx);
  const slot = (n: Expression): MatchAccess | undefined => {
    if (n.kind === 'ColumnRef') {
      const s = strip(n, printExpression(n));
      if (s === undefined) return undefined;
      const b = rowExpr(s.expr);
      if (b.type === undefined) return notBound(n, 'a column of unknown type in MATCH_RECOGNIZE');
      const variable = s.variable ?? where.current;
      const current = where.current !== undefined && variable === where.current;
      return { kind: 'Navigate', from: 'LAST', offset: 0, ...(variable === undefined ? {} : { variable }), expr: b, type: current ? b.type : withNullable(b.type, true) };
    }
    if (n.kind !== 'FunctionCall' || n.name.length !== 1) return undefined;
    const name = n.name[0]!.toUpperCase();
    if (name === 'MATCH_ROWTIME' || name === 'MATCH_PROCTIME') {
      // Flink accepts them in DEFINE too (not reproduced)
      if (where.current !== undefined) return notBound(n, `${name}() in DEFINE`);
      if (name === 'MATCH_PROCTIME') return { kind: 'MatchProctime', type: LTZ3 };
      const arg = n.args[0] === undefined ? undefined : rowExpr(n.args[0]);
      return { kind: 'MatchRowtime', type: arg?.type?.kind === 'TIMESTAMP_LTZ' ? LTZ3 : TS3 };
    }
    // Flink's code generator refuses PREV and NEXT (checked on Flink 1.20.1)
    if (name === 'NEXT' || name === 'PREV') return failText(MATCH_TEXTS.unsupportedClause({ kind: 'physicalOffset', fn: name }), n);
    if (NAVIGATION.has(name)) {
      const arg = n.args[0];
      if (arg === undefined || n.args.length > 2) return failText(TYPE_TEXTS.wrongArity({ fn: name, expected: 'a column and an optional constant offset' }), n);
      const offsetArg = n.args[1];
      const offset = offsetArg === undefined ? 0 : offsetArg.kind === 'NumericLiteral' && /^\d+$/.test(offsetArg.text) ? Number(offsetArg.text) : undefined;
      if (offset === undefined) return failText(MATCH_TEXTS.unsupportedClause({ kind: 'offset', fn: name }), offsetArg ?? n);
      const nested = firstCall(arg, (c) => NAVIGATION.has(c) || c === 'PREV' || c === 'NEXT');
      if (nested !== undefined) {
        const inner = nested.args[1] === undefined ? [...nested.args, { kind: 'NumericLiteral', text: '0' } as Expression] : nested.args;
        return failText(MATCH_TEXTS.unsupportedClause({ kind: 'nestedNavigation', call: printExpression({ ...nested, args: inner }), fn: name, column: printExpression(nested.args[0] ?? nested) }), nested);
      }
      const aggregate = firstCall(arg, (c) => builtinFunction(c)?.kind === 'aggregate');
      if (aggregate !== undefined) return failText(MATCH_TEXTS.unsupportedClause({ kind: 'aggregateInNavigation', call: printExpression(aggregate), aggregate: printExpression(aggregate) }), aggregate);
      const s = strip(arg, `${name}(${printExpression(arg)}, ${offset})`);
      if (s === undefined) return undefined;
      const b = rowExpr(s.expr);
      if (b.type === undefined) return notBound(n, `${name} over a value of unknown type`);
      // unqualified, FIRST / LAST read every row matched so far (and in DEFINE the current one last), not only the
      // defined variable's: Calcite qualifies them with the universal variable `*` (checked on Flink 1.20.1)
      const variable = s.variable;
      return { kind: 'Navigate', from: name as 'FIRST' | 'LAST', offset, ...(variable === undefined ? {} : { variable }), expr: b, type: withNullable(b.type, true) };
    }
    if (builtinFunction(name)?.kind === 'aggregate') {
      if (n.distinct === true) return failText(MATCH_TEXTS.unsupportedClause({ kind: 'distinct', call: printExpression(n) }), n);
      if (n.filter !== undefined || n.over !== undefined || n.withinGroup !== undefined) return failText(MATCH_TEXTS.unsupportedClause({ kind: 'aggregateClause', fn: name }), n);
      if (n.args.length > 1) return notBound(n, `${name} with more than one argument in MATCH_RECOGNIZE`);
      // Flink accepts SUM(LAST(A.v)) and the like (not reproduced)
      if (n.args.some((a) => firstCall(a, (c) => NAVIGATION.has(c) || builtinFunction(c)?.kind === 'aggregate') !== undefined)) return notBound(n, `navigation or an aggregate inside ${name}`);
      const s = n.args[0] === undefined ? { expr: undefined, variable: undefined } : strip(n.args[0], printExpression(n));
      if (s === undefined) return undefined;
      const call: FunctionCall = { ...n, args: s.expr === undefined ? [] : [s.expr] };
      const typed = rowExpr(call);
      if (typed.type === undefined) return notBound(n, `${name} over a value of unknown type`);
      // COUNT(*) and an aggregate of unqualified columns read every row matched so far, in DEFINE the current one
      // too — not only the defined variable's rows (Flink's ALL_PATTERN_VARIABLE; differential seed 1208303)
      const variable = s.variable;
      return { kind: 'Aggregate', fn: name, ...(variable === undefined ? {} : { variable }), ...(s.expr === undefined ? {} : { arg: rowExpr(s.expr) }), type: typed.type };
    }
    return undefined;
  };
  const rewritten = mapExpression(e, (n) => {
    if (failed) return n;
    const s = slot(n);
    if (s === undefined) return undefined;
    slots.push(s);
    return { kind: 'ColumnRef', name: `$slot${slots.length - 1}`, ...(n.span === undefined ? {} : { span: n.span }) } as ColumnRef;
  });
  if (failed) return undefined;
  const scope: Scope = { columns: slots.map((s, i) => ({ relation: '', name: `$slot${i}`, type: s.type, index: i })), relations: [''] };
  return { expr: bindExpression(rewritten, scope, ctx), slots };
}

/** The first call in `e` whose upper-case name satisfies `p`. */
function firstCall(e: Expression, p: (name: string) => boolean): FunctionCall | undefined {
  let found: FunctionCall | undefined;
  mapExpression(e, (n) => {
    if (found === undefined && n.kind === 'FunctionCall' && n.name.length === 1 && p(n.name[0]!.toUpperCase())) found = n;
    return undefined;
  });
  return found;
}

/**
 * A copy of `e` in which every expression node `f` replaces (returns a node for) is replaced, children first not
 * visited below a replaced node. AST nodes are plain objects: every field but `span` is copied through.
 */
function mapExpression(e: Expression, f: (n: Expression) => Expression | undefined): Expression {
  const visit = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(visit);
    if (x === null || typeof x !== 'object') return x;
    const kind = (x as { kind?: unknown }).kind;
    if (typeof kind === 'string') {
      const replaced = f(x as Expression);
      if (replaced !== undefined) return replaced;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(x)) out[k] = k === 'span' ? v : visit(v);
    return out;
  };
  return visit(e) as Expression;
}
