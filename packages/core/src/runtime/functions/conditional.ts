/** Conditional and miscellaneous functions: IF, COALESCE, IFNULL, NULLIF, GREATEST, LEAST, TYPEOF, CARDINALITY … */
import type { Expression } from '../../ast/expression.js';
import type { Compiled, Evaluator } from '../compiled.js';
import { constant } from '../compiled.js';
import { textError, evalError, notReached } from '../errors.js';
import { T, typeToString, withNullable } from '../types.js';
import { commonType } from '../../functions/infer.js';
import { comparatorFor } from '../values/compare.js';
import type { CompilerApi } from './registry.js';
import { register } from './registry.js';
import { TYPE_TEXTS } from '../../typing/codes.js';

function common(api: CompilerApi, cs: readonly Compiled[], name: string, span?: Expression['span']) {
  const t = commonType(cs.map((c) => c.type));
  if (!t) throw textError(TYPE_TEXTS.arrayNoCommonType({ what: `arguments of ${name}`, types: cs.map((c) => typeToString(c.type)) }), span);
  return t;
}

register('IF', (a, call, api) => {
  if (a.length !== 3) throw notReached(`IF with ${a.length} arguments`);
  const cond = api.coerce(api.compile(a[0] as Expression), T.boolean(), call.span).eval;
  const x = api.compile(a[1] as Expression);
  const y = api.compile(a[2] as Expression);
  const t = common(api, [x, y], 'IF', call.span);
  const xe = api.coerce(x, t).eval;
  const ye = api.coerce(y, t).eval;
  return { type: t, eval: (r) => (cond(r) === true ? xe(r) : ye(r)) };
});

register('COALESCE', (a, call, api) => {
  const cs = a.map((x) => api.compile(x));
  const t0 = common(api, cs, 'COALESCE', call.span);
  const t = withNullable(t0, cs.every((c) => c.type.nullable));
  const evs = cs.map((c) => api.coerce(c, withNullable(t, true)).eval);
  return {
    type: t,
    eval: (r) => {
      for (const e of evs) {
        const v = e(r);
        if (v !== null) return v;
      }
      return null;
    },
  };
});

register('IFNULL', (a, call, api) => {
  const cs = a.map((x) => api.compile(x));
  if (cs.length !== 2) throw notReached(`IFNULL with ${cs.length} arguments`);
  const both = common(api, cs, 'IFNULL', call.span);
  // Flink 1.20: a NOT NULL first argument keeps its type; otherwise the result has the common type of both,
  // nullable only when the replacement is (a longer first value is not cut to the replacement's length; newer
  // Flink releases type it as the replacement and cut it)
  const [first, second] = cs as [Compiled, Compiled];
  // an untyped NULL first argument: the replacement's type (checked on Flink 1.20.1: IFNULL(NULL, 'a') is 'a')
  const t = first.type.kind === 'NULL' ? second.type : first.type.nullable ? withNullable(both, second.type.nullable) : withNullable(first.type, false);
  const [x, y] = cs.map((c) => api.coerce(c, withNullable(t, true)).eval) as [Evaluator, Evaluator];
  return { type: t, eval: (r) => { const v = x(r); return v === null ? y(r) : v; } };
});

register('NULLIF', (a, call, api) => {
  const x = api.compile(a[0] as Expression);
  const y = api.compile(a[1] as Expression);
  const t = common(api, [x, y], 'NULLIF', call.span);
  const xe = api.coerce(x, t).eval;
  const ye = api.coerce(y, t).eval;
  const cmp = comparatorFor(t);
  // compared in the common type, the result is the first argument's value in its own type (NULLIF(i, d102) is an INT)
  return {
    type: withNullable(x.type, true),
    eval: (r) => {
      const v = xe(r);
      const w = ye(r);
      return v !== null && w !== null && cmp(v, w) === 0 ? null : x.eval(r);
    },
  };
});

function extreme(name: string, pickGreater: boolean): void {
  register(name, (a, call, api) => {
    const cs = a.map((x) => api.compile(x));
    const t = common(api, cs, name, call.span);
    const evs = cs.map((c) => api.coerce(c, t).eval);
    const cmp = comparatorFor(t);
    return {
      type: t,
      eval: (r) => {
        let best: unknown = null;
        for (const e of evs) {
          const v = e(r);
          if (v === null) return null;
          if (best === null || (pickGreater ? cmp(v, best) > 0 : cmp(v, best) < 0)) best = v;
        }
        return best;
      },
    };
  });
}
extreme('GREATEST', true);
extreme('LEAST', false);

register('TYPEOF', (a, call, api) => {
  const c = api.compile(a[0] as Expression);
  return constant(T.string(false), typeToString(c.type));
});

register('CARDINALITY', (a, call, api) => {
  const c = api.compile(a[0] as Expression);
  const ev = c.eval;
  if (c.type.kind === 'MAP') return { type: T.int(c.type.nullable), eval: (r) => { const m = ev(r) as Map<unknown, unknown> | null; return m === null ? null : m.size; } };
  if (c.type.kind === 'ARRAY' || c.type.kind === 'MULTISET') return { type: T.int(c.type.nullable), eval: (r) => { const m = ev(r) as unknown[] | Map<unknown, number> | null; return m === null ? null : m instanceof Map ? [...m.values()].reduce((x, y) => x + y, 0) : m.length; } };
  throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'CARDINALITY', types: [typeToString(c.type)] }), call.span);
});

register('ELEMENT', (a, call, api) => {
  const c = api.compile(a[0] as Expression);
  if (c.type.kind !== 'ARRAY') throw textError(TYPE_TEXTS.badArgument({ kind: 'type', fn: 'ELEMENT', types: [typeToString(c.type)] }), call.span);
  const ev = c.eval;
  return {
    type: withNullable(c.type.element, true),
    eval: (r) => {
      const v = ev(r) as unknown[] | null;
      if (v === null || v.length === 0) return null;
      if (v.length > 1) throw evalError('TableRuntimeException', 'Array has more than one element.');
      return v[0];
    },
  };
});
