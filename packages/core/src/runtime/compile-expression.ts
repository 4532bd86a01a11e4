/**
 * The expression compiler: turns an AST `Expression` into a typed closure over a row, once, so rows are never
 * evaluated by walking the tree. It derives no result type: each expression's type is the bound plan's (`typeOf`,
 * recorded by the binder's typer), or — with no plan (`evaluateExpression`) or for an expression the runtime builds
 * itself — the one typer's (typing/); values are computed in that type (integer division, DECIMAL precision/scale…).
 * Anything not implemented exactly raises FTS7001 with the node's span.
 */
import { toBigint } from './values/bigint.js';
import type {
  Between, Binary, Case, Cast, ColumnRef, Expression, FunctionCall, In, IsDistinctFrom, Like, Unary,
} from '../ast/expression.js';
import type { Span } from '../ast/node.js';
import type { DataType } from '../types/data-type.js';
import type { Compiled, Evaluator, Row, Session } from './compiled.js';
import { constant } from './compiled.js';
import { evalError, EvaluationError, notReached, textError, unsupported } from './errors.js';
import { BIND_TEXTS } from '../plan/codes.js';
import { castConverter } from './functions/cast.js';
import { compileArithmetic } from './functions/arithmetic.js';
import { likeToRegex, similarToRegex } from './functions/like.js';
import { FUNCTIONS } from './functions/registry.js';
import type { CompilerApi } from './functions/registry.js';
import { compileSpecialForm } from './functions/special-forms.js';
import './functions/all.js';
import { isCharacter, isDatetime, T, typeToString, withNullable } from './types.js';
import { commonResultType } from '../typing/common-result-type.js';
import { commonType } from '../functions/infer.js';
import { comparatorFor } from './values/compare.js';
import type { Decimal } from './values/decimal.js';
import { compileLiteral, compileNumericText } from './compile-literal.js';
import { sameType } from '../types/type-predicates.js';
import { castType, concatType, expressionType, isBareCall } from '../typing/expression-type.js';
import { BUILTIN_NAMES, builtinFunction } from '../functions/registry.js';
import { checkUntypedNull } from './functions/untyped-null.js';
import { AGGREGATE_NAMES as RUNTIME_AGGREGATES } from './operators/aggregates.js';
import type { TypeScope } from '../typing/expression-type.js';
import { TYPE_TEXTS } from '../typing/codes.js';
import { NAME_TEXTS } from '../diagnostics/name-codes.js';
import { isStackOverflow } from '../diagnostics/stack-overflow.js';

/** A column visible to expressions: its (optional) table qualifier, name, type and position in the row. */
export interface ColumnBinding {
  readonly table?: string;
  readonly name: string;
  readonly type: DataType;
  readonly index: number;
}

export interface CompileScope {
  readonly columns: readonly ColumnBinding[];
  /** Replaces a sub-expression before compiling it (used by the planner for aggregates and group keys). */
  readonly substitute?: (e: Expression) => Compiled | undefined;
  /**
   * The type the bound plan gives each sub-expression (plan/'s BoundExpression.types); when set, expressions are
   * never re-typed here.
   */
  readonly typeOf?: (e: Expression) => DataType | undefined;
}

/** TRY_CAST semantics: the conversion of a non-NULL value, or NULL when the conversion fails. */
/**
 * A BIGINT read from the row as a bigint (a row may hold it as a number, see `values/bigint.ts`); `column` is
 * kept, so operators that copy the column copy the value as it is.
 */
function bigintReader(c: Compiled): Compiled {
  if (c.type.kind !== 'BIGINT' || c.constant !== undefined) return c;
  const ev = c.eval;
  return { ...c, eval: (r) => toBigint(ev(r)) };
}

function nullOnFailure(ev: Evaluator, conv: (v: unknown) => unknown): Evaluator {
  return (r) => {
    const v = ev(r);
    if (v === null) return null;
    try {
      return conv(v);
    } catch (e) {
      if (e instanceof EvaluationError && e.escapesTryCast) throw e;
      return null;
    }
  };
}

export class ExpressionCompiler implements CompilerApi {
  constructor(
    readonly scope: CompileScope,
    readonly session: Session,
  ) {}

  compile(e: Expression): Compiled {
    const sub = this.scope.substitute?.(e);
    // a value read from the row may be a BIGINT held as a number: expressions compute on bigints
    if (sub) return bigintReader(sub);
    if (e.kind === 'ColumnRef') return bigintReader(this.column(e));
    return this.compileExpression(e);
  }

  private compileExpression(e: Expression): Compiled {
    switch (e.kind) {
      case 'StringLiteral':
      case 'NumericLiteral':
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'BinaryLiteral':
      case 'TemporalLiteral':
      case 'IntervalLiteral':
        return compileLiteral(e, this.session);
      case 'ColumnRef':
        return this.column(e);
      case 'FieldAccess': {
        const op = this.compile(e.operand);
        if (op.type.kind !== 'ROW') throw textError(TYPE_TEXTS.fieldOfNonRow({ field: e.field, type: typeToString(op.type) }), e.span);
        const idx = op.type.fields.findIndex((f) => f.name === e.field);
        if (idx < 0) {
          throw textError(NAME_TEXTS.rowFieldNotFound({ field: e.field, fields: op.type.fields.map((f) => f.name) }), e.span);
        }
        const ft = (op.type.fields[idx] as { type: DataType }).type;
        const ev = op.eval;
        return { type: withNullable(ft, ft.nullable || op.type.nullable), eval: (r) => (ev(r) as unknown[] | null)?.[idx] ?? null };
      }
      case 'Subscript':
        return this.subscript(e.operand, e.index, e.span);
      case 'Unary':
        return this.unary(e);
      case 'Binary':
        return this.binary(e);
      case 'IsNull': {
        const op = this.compile(e.operand);
        const ev = op.eval;
        return e.negated ? { type: T.boolean(false), eval: (r) => ev(r) !== null } : { type: T.boolean(false), eval: (r) => ev(r) === null };
      }
      case 'IsTruth': {
        const ev = this.coerce(this.compile(e.operand), T.boolean(), e.span).eval;
        const want = e.value === 'TRUE' ? true : e.value === 'FALSE' ? false : null;
        const neg = e.negated;
        return { type: T.boolean(false), eval: (r) => (ev(r) === want) !== neg };
      }
      case 'IsDistinctFrom':
        return this.isDistinct(e);
      case 'In':
        return this.inList(e);
      case 'Between':
        return this.between(e);
      case 'Like':
        return this.like(e);
      case 'Exists':
      case 'ScalarSubquery':
        throw unsupported(`${e.kind === 'Exists' ? 'EXISTS' : 'a scalar subquery'} inside an expression (only IN / EXISTS filters that become semi/anti joins are supported)`, e.span);
      case 'Case':
        return this.caseExpr(e);
      case 'Cast':
        return this.cast(e);
      case 'FunctionCall':
        return this.call(e);
      case 'TimeUnitArg':
        throw notReached(`a time unit (${e.unit}) outside a function argument`);
      case 'Extract':
      case 'FloorCeil':
      case 'Trim':
      case 'Substring':
      case 'Overlay':
      case 'Position':
      case 'JsonValue':
      case 'JsonQuery':
      case 'JsonExists':
      case 'IsJson':
      case 'JsonObject':
      case 'JsonArray':
        return this.declared(e, compileSpecialForm(e, this));
      case 'ArrayConstructor': {
        const els = e.elements.map((x) => this.compile(x));
        const type = this.typed(e, () => { const et = commonType(els.map((x) => x.type)); return et && { kind: 'ARRAY', element: et, nullable: false }; });
        if (type.kind !== 'ARRAY') throw notReached(`ARRAY[…] typed ${typeToString(type)}`);
        const evs = els.map((x) => this.coerce(x, type.element, e.span).eval);
        return { type, eval: (r) => evs.map((f) => f(r)) };
      }
      case 'MapConstructor': {
        const ks = e.entries.map((x) => this.compile(x.key));
        const vs = e.entries.map((x) => this.compile(x.value));
        const type = this.typed(e, () => {
          const [key, value] = [commonType(ks.map((x) => x.type)), commonType(vs.map((x) => x.type))];
          return key && value && { kind: 'MAP', key, value, nullable: false };
        });
        if (type.kind !== 'MAP') throw notReached(`MAP[…] typed ${typeToString(type)}`);
        const kev = ks.map((x) => this.coerce(x, type.key, e.span).eval);
        const vev = vs.map((x) => this.coerce(x, type.value, e.span).eval);
        return {
          type,
          eval: (r) => {
            const m = new Map<unknown, unknown>();
            for (let i = 0; i < kev.length; i++) m.set((kev[i] as Evaluator)(r), (vev[i] as Evaluator)(r));
            return m;
          },
        };
      }
      case 'RowConstructor': {
        const fs = e.fields.map((x) => this.compile(x));
        const type = this.typed(e, () => ({ kind: 'ROW', fields: fs.map((f, i) => ({ name: `EXPR$${i}`, type: f.type })), nullable: false }));
        if (type.kind !== 'ROW' || type.fields.length !== fs.length) throw notReached(`ROW(…) typed ${typeToString(type)}`);
        const evs = fs.map((x, i) => this.coerce(x, type.fields[i]!.type, e.span).eval);
        return {
          type,
          eval: (r) => evs.map((f) => f(r)),
        };
      }
      // the typer refuses these outside a table function's arguments (FTS4427) and a named argument of a built-in (FTS4428)
      case 'TableArg':
      case 'Descriptor':
        throw notReached(`${e.kind} outside a table function's arguments`);
      case 'NamedArg':
        throw unsupported('a named argument (name => value) of a user-defined function', e.span);
      case 'RawSql':
        throw unsupported('raw SQL fragments (the sql`…` escape hatch) cannot be evaluated locally', e.span);
    }
  }

  coerce(c: Compiled, type: DataType, span?: Span): Compiled {
    if (sameType(c.type, type)) return c;
    if (c.type.kind === 'NULL') return { type: withNullable(type, true), eval: c.eval, ...(c.constant ? { constant: c.constant } : {}) };
    const conv = castConverter(c.type, type, this.session.zone, span);
    const ev = c.eval;
    const t = withNullable(type, c.type.nullable || type.nullable);
    if (c.constant) {
      const v = c.constant.value;
      const value = v === null ? null : conv(v);
      return constant(withNullable(t, value === null || t.nullable), value);
    }
    return {
      type: t,
      eval: (r) => {
        const v = ev(r);
        return v === null ? null : conv(v);
      },
    };
  }

  /** Like `coerce`, but a value that cannot be converted becomes NULL (TRY_CAST semantics). */
  tryCoerce(c: Compiled, type: DataType, span?: Span): Compiled {
    const conv = castConverter(c.type, type, this.session.zone, span);
    const ev = c.eval;
    return {
      type: withNullable(type, true),
      eval: nullOnFailure(ev, conv),
    };
  }

  private column(e: ColumnRef): Compiled {
    const cols = this.scope.columns;
    // Flink resolves names case-sensitively: `A` is not the column `a`.
    const found = cols.filter((c) => c.name === e.name && (e.table === undefined || c.table === e.table));
    if (found.length === 0 && e.table !== undefined) {
      const rowCol = cols.filter((c) => c.name === e.table && c.type.kind === 'ROW');
      if (rowCol.length === 1) return this.compile({ kind: 'FieldAccess', operand: { kind: 'ColumnRef', name: e.table, ...(e.span ? { span: e.span } : {}) }, field: e.name, ...(e.span ? { span: e.span } : {}) });
    }
    if (found.length === 0 && isBareCall(e)) {
      return this.call({ kind: 'FunctionCall', name: [e.name.toUpperCase()], args: [], ...(e.span ? { span: e.span } : {}) });
    }
    if (found.length === 0) {
      const t = BIND_TEXTS.columnNotFound({ ...(e.table === undefined ? {} : { table: e.table }), name: e.name, candidates: cols.map((c) => c.name) });
      throw textError(t, e.span);
    }
    if (found.length > 1 && e.table === undefined) throw textError(BIND_TEXTS.ambiguousColumn({ name: e.name, relations: found.map((c) => c.table ?? '') }), e.span);
    const c = found[0] as ColumnBinding;
    const i = c.index;
    return { type: c.type, eval: (r) => r[i] ?? null, column: i };
  }

  private subscript(operandExpr: Expression, indexExpr: Expression, span?: Span): Compiled {
    const op = this.compile(operandExpr);
    const idx = this.compile(indexExpr);
    const oe = op.eval;
    if (op.type.kind === 'ARRAY') {
      const ev = this.coerce(idx, T.int(), span).eval;
      return {
        type: withNullable(op.type.element, true),
        eval: (r) => {
          const a = oe(r) as unknown[] | null;
          const i = ev(r) as number | null;
          if (a === null || i === null) return null;
          if (i < 1 || i > a.length) throw evalError('ArrayIndexOutOfBoundsException', `Array index ${i} out of bounds`);
          return a[i - 1] ?? null;
        },
      };
    }
    if (op.type.kind === 'MAP') {
      const kt = op.type.key;
      const ke = this.coerce(idx, kt, span).eval;
      const cmp = comparatorFor(kt);
      return {
        type: withNullable(op.type.value, true),
        eval: (r) => {
          const m = oe(r) as Map<unknown, unknown> | null;
          const k = ke(r);
          if (m === null || k === null) return null;
          if (m.has(k)) return m.get(k) ?? null;
          for (const [mk, mv] of m) if (mk !== null && cmp(mk, k) === 0) return mv;
          return null;
        },
      };
    }
    if (op.type.kind === 'ROW') throw unsupported('positional access to ROW fields (use row.field)', span);
    throw textError(TYPE_TEXTS.badArrayIndex({ kind: 'value', type: typeToString(op.type) }), span);
  }

  private unary(e: Unary): Compiled {
    if (e.op === 'NOT') {
      const op = this.coerce(this.compile(e.operand), T.boolean(), e.span);
      const ev = op.eval;
      return foldIfConstant([op], { type: op.type, eval: (r) => { const v = ev(r); return v === null ? null : !v; } });
    }
    const op = this.compile(e.operand);
    if (e.op === '+') return op;
    if (e.operand.kind === 'NumericLiteral') return compileNumericText('-' + e.operand.text);
    // negation keeps its operand's type (the plan's type of the operand)
    const ev = op.eval;
    const t = op.type;
    let f: (v: unknown) => unknown;
    switch (t.kind) {
      case 'TINYINT': f = (v) => ((-(v as number)) << 24) >> 24; break;
      case 'SMALLINT': f = (v) => ((-(v as number)) << 16) >> 16; break;
      case 'INT': f = (v) => -(v as number) | 0; break;
      case 'BIGINT': f = (v) => BigInt.asIntN(64, -(v as bigint)); break;
      case 'FLOAT': case 'DOUBLE': case 'INTERVAL_DAY_TIME': case 'INTERVAL_YEAR_MONTH': f = (v) => -(v as number); break;
      case 'DECIMAL': f = (v) => (v as Decimal).negate(); break;
      default: throw textError(TYPE_TEXTS.badSign({ kind: 'operands', op: '-', types: [typeToString(t)] }), e.span);
    }
    return foldIfConstant([op], { type: t, eval: (r) => { const v = ev(r); return v === null ? null : f(v); } });
  }

  private binary(e: Binary): Compiled {
    if (e.op === 'AND' || e.op === 'OR') {
      const lc = this.compile(e.left);
      const rc = this.compile(e.right);
      const l = this.coerce(lc, T.boolean(lc.type.nullable), e.left.span);
      const r = this.coerce(rc, T.boolean(rc.type.nullable), e.right.span);
      const le = l.eval;
      const re = r.eval;
      const type = T.boolean(l.type.nullable || r.type.nullable);
      const ev: Evaluator = e.op === 'AND'
        ? (row) => {
          const a = le(row);
          if (a === false) return false;
          const b = re(row);
          if (b === false) return false;
          return a === null || b === null ? null : true;
        }
        : (row) => {
          const a = le(row);
          if (a === true) return true;
          const b = re(row);
          if (b === true) return true;
          return a === null || b === null ? null : false;
        };
      return foldIfConstant([l, r], { type, eval: ev });
    }
    const l = this.compile(e.left);
    const r = this.compile(e.right);
    if (e.op === '||') {
      checkUntypedNull('||', [e.left, e.right], e.span);
      const ls = this.toStringArg(l, e.span);
      const rs = this.toStringArg(r, e.span);
      const le = ls.eval;
      const re = rs.eval;
      return foldIfConstant([l, r], {
        type: this.typed(e, () => concatType(l.type, r.type)),
        eval: (row) => {
          const a = le(row);
          if (a === null) return null;
          const b = re(row);
          return b === null ? null : (a as string) + (b as string);
        },
      });
    }
    if (e.op === '=' || e.op === '<>' || e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') {
      return this.comparison(e.op, l, r, e.span);
    }
    return foldIfConstant([l, r], compileArithmetic(e.op, l, r, this.planType(e), e.span));
  }

  toStringArg(c: Compiled, span?: Span): Compiled {
    if (isCharacter(c.type) || c.type.kind === 'NULL') return c;
    return this.coerce(c, T.string(), span);
  }

  /** Bring two operands to a common type for comparison (strings are cast to the other side's type). */
  commonForComparison(l: Compiled, r: Compiled, span?: Span): [Compiled, Compiled, DataType] {
    let lt = l.type;
    let rt = r.type;
    if (isCharacter(lt) && !isCharacter(rt) && rt.kind !== 'NULL') lt = rt;
    else if (isCharacter(rt) && !isCharacter(lt) && lt.kind !== 'NULL') rt = lt;
    const common = commonType([withNullable(lt, true), withNullable(rt, true)]);
    // the typer rejects what Flink cannot compare (FTS4401); what is left (ARRAY<INT> = ARRAY<CHAR(1)> plans on Flink 1.20.1) is not run here
    if (!common) throw unsupported(`comparing ${typeToString(l.type)} with ${typeToString(r.type)}`, span);
    if (common.kind === 'RAW' && (l.type.kind !== 'RAW' || r.type.kind !== 'RAW')) throw textError(TYPE_TEXTS.noImplicitConversion({ types: [typeToString(l.type), typeToString(r.type)], reason: 'a RAW value is compared only with a RAW value' }), span);
    // A string compared with a date/time is parsed; text that does not parse makes the comparison NULL.
    // each side keeps its own nullability: a conversion to the common type adds no NULLs
    const lenient = (c: Compiled): Compiled => (isCharacter(c.type) && isDatetime(common) ? this.tryCoerce(c, common, span) : this.coerce(c, withNullable(common, c.type.nullable), span));
    return [lenient(l), lenient(r), common];
  }

  comparison(op: '=' | '<>' | '<' | '<=' | '>' | '>=', l0: Compiled, r0: Compiled, span?: Span): Compiled {
    const [l, r, common] = this.commonForComparison(l0, r0, span);
    const cmp = comparatorFor(common);
    const le = l.eval;
    const re = r.eval;
    const test: (c: number) => boolean =
      op === '=' ? (c) => c === 0 : op === '<>' ? (c) => c !== 0 : op === '<' ? (c) => c < 0 : op === '<=' ? (c) => c <= 0 : op === '>' ? (c) => c > 0 : (c) => c >= 0;
    const type = T.boolean(l.type.nullable || r.type.nullable);
    const prim = ['TINYINT', 'SMALLINT', 'INT', 'BIGINT', 'FLOAT', 'DOUBLE', 'CHAR', 'VARCHAR', 'DATE', 'TIME'].includes(common.kind);
    if (prim && op === '=') {
      return foldIfConstant([l, r], { type, eval: (row) => { const a = le(row); if (a === null) return null; const b = re(row); return b === null ? null : a === b; } });
    }
    return foldIfConstant([l, r], {
      type,
      eval: (row) => {
        const a = le(row);
        if (a === null) return null;
        const b = re(row);
        return b === null ? null : test(cmp(a, b));
      },
    });
  }

  private isDistinct(e: IsDistinctFrom): Compiled {
    const [l, r, common] = this.commonForComparison(this.compile(e.left), this.compile(e.right), e.span);
    const cmp = comparatorFor(common);
    const le = l.eval;
    const re = r.eval;
    const neg = e.negated;
    return foldIfConstant([l, r], {
      type: T.boolean(false),
      eval: (row) => {
        const a = le(row);
        const b = re(row);
        const same = a === null || b === null ? a === b : cmp(a, b) === 0;
        return neg ? same : !same;
      },
    });
  }

  private inList(e: In): Compiled {
    if (!e.values) throw unsupported('IN (subquery) inside an expression; it is supported only as a WHERE condition that becomes a semi/anti join', e.span);
    const op = this.compile(e.operand);
    const vals = e.values.map((v) => this.compile(v));
    let target = commonType([op.type, ...vals.map((v) => v.type)]);
    if (!target) {
      if (isCharacter(op.type) || vals.some((v) => isCharacter(v.type))) target = isCharacter(op.type) ? vals.find((v) => !isCharacter(v.type))?.type : op.type;
      if (!target) throw textError(TYPE_TEXTS.noImplicitConversion({ op: 'IN', types: [op.type, ...vals.map((v) => v.type)].map(typeToString) }), e.span);
    }
    const tt = target;
    const oe = this.coerce(op, tt, e.span).eval;
    const ves = vals.map((v) => this.coerce(v, tt, e.span).eval);
    const cmp = comparatorFor(tt);
    const neg = e.negated;
    return foldIfConstant([op, ...vals], {
      type: T.boolean(op.type.nullable || vals.some((v) => v.type.nullable)),
      eval: (row) => {
        const a = oe(row);
        if (a === null) return null;
        let sawNull = false;
        for (const ve of ves) {
          const b = ve(row);
          if (b === null) sawNull = true;
          else if (cmp(a, b) === 0) return !neg;
        }
        return sawNull ? null : neg;
      },
    });
  }

  private between(e: Between): Compiled {
    const op = this.compile(e.operand);
    const lo = this.compile(e.low);
    const hi = this.compile(e.high);
    const common = commonType([op.type, lo.type, hi.type]);
    if (!common) throw textError(TYPE_TEXTS.noImplicitConversion({ op: 'BETWEEN', types: [op.type, lo.type, hi.type].map(typeToString) }), e.span);
    const oe = this.coerce(op, common, e.span).eval;
    const le = this.coerce(lo, common, e.span).eval;
    const he = this.coerce(hi, common, e.span).eval;
    const cmp = comparatorFor(common);
    const inRange = (a: unknown, l: unknown, h: unknown): boolean | null => {
      const c1 = l === null ? null : cmp(a, l) >= 0;
      const c2 = h === null ? null : cmp(a, h) <= 0;
      if (c1 === false || c2 === false) return false;
      return c1 === null || c2 === null ? null : true;
    };
    const sym = e.symmetric;
    const neg = e.negated;
    return foldIfConstant([op, lo, hi], {
      type: T.boolean(op.type.nullable || lo.type.nullable || hi.type.nullable),
      eval: (row) => {
        const a = oe(row);
        if (a === null) return null;
        const l = le(row);
        const h = he(row);
        let res = inRange(a, l, h);
        if (sym && res !== true) {
          const res2 = inRange(a, h, l);
          res = res2 === true ? true : res === null || res2 === null ? null : false;
        }
        return res === null ? null : neg ? !res : res;
      },
    });
  }

  private like(e: Like): Compiled {
    const op = this.toStringArg(this.compile(e.operand), e.span);
    const pat = this.toStringArg(this.compile(e.pattern), e.span);
    const esc = e.escape ? this.toStringArg(this.compile(e.escape), e.span) : undefined;
    const toRe = e.op === 'LIKE' ? likeToRegex : similarToRegex;
    const oe = op.eval;
    const pe = pat.eval;
    const ee = esc?.eval;
    let cache: { p: string; e: string | undefined; re: RegExp } | undefined;
    const neg = e.negated;
    return foldIfConstant(esc ? [op, pat, esc] : [op, pat], {
      type: T.boolean(op.type.nullable || pat.type.nullable),
      eval: (row) => {
        const s = oe(row) as string | null;
        const p = pe(row) as string | null;
        const x = ee ? (ee(row) as string | null) : undefined;
        if (s === null || p === null || x === null) return null;
        if (!cache || cache.p !== p || cache.e !== x) cache = { p, e: x, re: toRe(p, x) };
        const m = cache.re.test(s);
        return neg ? !m : m;
      },
    });
  }

  private caseExpr(e: Case): Compiled {
    const thens = e.whens.map((w) => this.compile(w.then));
    const els = e.else ? this.compile(e.else) : constant(T.null(), null);
    const type = this.typed(e, () => commonResultType([...thens.map((t) => t.type), els.type]));
    const thenEvs = thens.map((t) => this.coerce(t, type, e.span).eval);
    const elseEv = this.coerce(els, type, e.span).eval;
    let conds: Evaluator[];
    if (e.operand) {
      const operand = this.compile(e.operand);
      conds = e.whens.map((w) => {
        const whenExprs = w.when.kind === 'RowConstructor' && !w.when.explicit ? w.when.fields : [w.when, ...(w.extraValues ?? [])];
        const tests = whenExprs.map((x) => this.comparison('=', operand, this.compile(x), e.span).eval);
        return (row: Row) => tests.some((t) => t(row) === true);
      });
    } else {
      conds = e.whens.map((w) => this.coerce(this.compile(w.when), T.boolean(), w.when.span).eval);
    }
    const n = conds.length;
    return {
      type,
      eval: (row) => {
        for (let i = 0; i < n; i++) if ((conds[i] as Evaluator)(row) === true) return (thenEvs[i] as Evaluator)(row);
        return elseEv(row);
      },
    };
  }

  private cast(e: Cast): Compiled {
    const op = this.compile(e.operand);
    const to = e.type;
    if (op.type.kind === 'NULL') return constant(this.typed(e, () => castType(op.type, to, e.try === true)), null);
    const conv = castConverter(op.type, to, this.session.zone, e.span);
    const ev = op.eval;
    // Flink 1.20's types: CAST keeps the operand's nullability (a DECIMAL too narrow for the value gives NULL all
    // the same); TRY_CAST is always nullable.
    const typeFinal = this.typed(e, () => castType(op.type, to, e.try === true));
    if (e.try) {
      return {
        type: typeFinal,
        eval: nullOnFailure(ev, conv),
      };
    }
    return foldIfConstant([op], { type: typeFinal, eval: (r) => { const v = ev(r); return v === null ? null : conv(v); } });
  }

  private call(e: FunctionCall): Compiled {
    if (e.over) throw unsupported('OVER windows inside expressions (use the ROW_NUMBER deduplication / TopN patterns)', e.span);
    const name = e.name.length === 1 ? (e.name[0] as string).toUpperCase() : e.name.join('.');
    const builtin = e.name.length === 1 ? builtinFunction(name) : undefined;
    if (builtin === undefined) {
      // a catalog function (`cat.db.fn`) may exist where the job runs; a one-part name Flink does not know is an error
      if (e.name.length > 1) throw unsupported(`function ${e.name.join('.')}`, e.span);
      throw textError(TYPE_TEXTS.noSignature({ fn: e.name.join('.'), types: e.args.map((a) => this.planType(a)).map((t) => (t === undefined ? undefined : typeToString(t))), known: BUILTIN_NAMES }), e.span);
    }
    if (builtin.kind === 'aggregate') {
      if (RUNTIME_AGGREGATES.has(builtin.name)) throw textError(TYPE_TEXTS.aggregateInWhere({ fn: name }), e.span);
      throw unsupported(`aggregate function ${name}`, e.span);
    }
    const impl = FUNCTIONS.get(builtin.name);
    if (!impl) throw unsupported(`function ${e.name.join('.')}`, e.span);
    checkUntypedNull(builtin.name, e.args, e.span, (x) => this.compile(x));
    return this.declared(e, impl(e.args, e, this));
  }

  /**
   * A built-in call or special form typed as the one typer (typing/) types it, so check and a local run declare
   * the same type. The implementation's values are kept where their representation is the same (string and
   * binary lengths, nullability — Flink does not pad a function's result either) and converted where it is not
   * (another numeric root, DECIMAL precision / scale, time precision). Where the typer cannot tell, the
   * implementation's type stands.
   */
  private declared(e: Expression, compiled: Compiled): Compiled {
    return this.conform(compiled, this.analyzerType(e), e.span);
  }

  /** `compiled` given `type` (the bound plan's type of the expression): relabelled where values are the same, else converted. */
  conform(compiled: Compiled, type: DataType | undefined, span?: Span): Compiled {
    if (type === undefined || sameType(type, compiled.type)) return compiled;
    if (compiled.type.kind === 'NULL' || sameRepresentation(compiled.type, type)) return { ...compiled, type };
    return this.coerce(compiled, type, span);
  }

  /** The bound plan's type of `e`, or with no plan the one typer's over this scope; undefined where neither tells. */
  planType(e: Expression): DataType | undefined {
    return this.analyzerType(e);
  }

  /**
   * The type of `e`: the plan's (or with no plan the typer's); for an expression the runtime builds itself (the
   * variance rewrite), which the plan has not typed, the one typer's rule applied to its compiled operands.
   */
  private typed(e: Expression, typerRule: () => DataType | undefined): DataType {
    const t = this.planType(e) ?? typerRule();
    if (t === undefined) throw textError(TYPE_TEXTS.arrayNoCommonType({ what: `operands of ${e.kind}`, types: [] }), e.span);
    return t;
  }

  /** The analyzer's type of an expression over this scope; undefined where it cannot tell. */
  private analyzerType(e: Expression): DataType | undefined {
    if (this.scope.typeOf !== undefined) return this.scope.typeOf(e);
    this.typeScope ??= this.scope.columns.map((c) => ({ relation: c.table ?? '', name: c.name, type: c.type }));
    try {
      return expressionType(e, this.typeScope);
    } catch (err) {
      if (isStackOverflow(err)) return undefined; // nested too deeply for the analyzer: the runtime's type stands
      throw err;
    }
  }

  private typeScope: TypeScope | undefined;
}




/** Fold to a constant when every input is constant (errors are left to evaluation time). */
export function foldIfConstant(inputs: readonly Compiled[], c: Compiled): Compiled {
  if (!inputs.every((i) => i.constant)) return c;
  try {
    const value = c.eval([]);
    return { type: c.type, eval: () => value, constant: { value } };
  } catch {
    return c;
  }
}

/** Whether values of type `a` are values of type `b` unchanged (string and binary lengths and nullability aside). */
function sameRepresentation(a: DataType, b: DataType): boolean {
  if ((isCharacter(a) && isCharacter(b)) || (isBinaryString(a) && isBinaryString(b))) return true;
  switch (a.kind) {
    case 'DECIMAL': return b.kind === 'DECIMAL' && b.precision === a.precision && b.scale === a.scale;
    case 'TIME': case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return b.kind === a.kind && b.precision === a.precision;
    case 'INTERVAL_DAY_TIME': return b.kind === a.kind && b.fractionalPrecision === a.fractionalPrecision;
    case 'ARRAY': case 'MULTISET': return b.kind === a.kind && sameRepresentation(a.element, b.element);
    case 'MAP': return b.kind === 'MAP' && sameRepresentation(a.key, b.key) && sameRepresentation(a.value, b.value);
    case 'ROW': return b.kind === 'ROW' && b.fields.length === a.fields.length && a.fields.every((f, i) => sameRepresentation(f.type, b.fields[i]!.type));
    default: return b.kind === a.kind;
  }
}

const isBinaryString = (t: DataType): boolean => t.kind === 'BINARY' || t.kind === 'VARBINARY';

export { isDatetime };
