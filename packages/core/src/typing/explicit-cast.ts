/**
 * Which CASTs Flink 1.20 accepts at planning time (the CAST matrix of the 1.20.1 docs with its corrections:
 * numeric → BOOLEAN is allowed; numeric ↔ TIMESTAMP/TIMESTAMP_LTZ is rejected — use TO_TIMESTAMP_LTZ). Fallible
 * casts (STRING → INT …) are allowed here: they fail, or give NULL with TRY_CAST, at run time.
 */
import type { DataType } from '../types/data-type.js';
import { family } from './families.js';

/** Why `from` cannot be CAST to `to`, or undefined when it can. */
export function explicitCastProblem(from: DataType, to: DataType): string | undefined {
  const f = family(from);
  const t = family(to);
  if (f === 'null' || t === 'character' || f === t && !['array', 'multiset', 'map', 'row'].includes(f)) return undefined;
  const temporal = (x: string) => x === 'date' || x === 'time' || x === 'timestamp';
  switch (f) {
    case 'character':
      return ['binary', 'boolean', 'numeric', 'date', 'time', 'timestamp'].includes(t) ? undefined : reason(from, to);
    case 'binary':
      return reason(from, to);
    case 'boolean':
      return t === 'numeric' ? undefined : reason(from, to);
    case 'numeric':
      if (t === 'boolean') return undefined;
      if (t === 'timestamp') return `the cast from a numeric type to ${to.kind} is not allowed; use TO_TIMESTAMP_LTZ(epoch, 0 | 3) instead`;
      if (t === 'interval-ym' && from.kind === 'INT') return undefined;
      if (t === 'interval-dt' && from.kind === 'BIGINT') return undefined;
      return reason(from, to);
    case 'date':
      return t === 'timestamp' ? undefined : reason(from, to);
    case 'time':
      return t === 'timestamp' ? undefined : reason(from, to);
    case 'timestamp':
      if (temporal(t)) return undefined;
      if (t === 'numeric') return `the cast from ${from.kind} to a numeric type is not allowed; use UNIX_TIMESTAMP(CAST(… AS STRING)) or EXTRACT(EPOCH FROM …)`;
      return reason(from, to);
    case 'interval-ym':
      return to.kind === 'INT' || t === 'interval-ym' ? undefined : reason(from, to);
    case 'interval-dt':
      return to.kind === 'BIGINT' || t === 'interval-dt' ? undefined : reason(from, to);
    case 'array': case 'multiset':
      return from.kind === to.kind ? explicitCastProblem((from as { element: DataType }).element, (to as { element: DataType }).element) : reason(from, to);
    case 'map':
      return to.kind === 'MAP' && from.kind === 'MAP' ? explicitCastProblem(from.key, to.key) ?? explicitCastProblem(from.value, to.value) : reason(from, to);
    case 'row': {
      if (to.kind !== 'ROW' || from.kind !== 'ROW' || from.fields.length !== to.fields.length) return reason(from, to);
      for (let i = 0; i < from.fields.length; i++) {
        const problem = explicitCastProblem(from.fields[i]!.type, to.fields[i]!.type);
        if (problem !== undefined) return problem;
      }
      return undefined;
    }
    case 'raw':
      return t === 'binary' ? undefined : reason(from, to);
  }
}

function reason(from: DataType, to: DataType): string {
  return `Flink cannot CAST ${from.kind.replaceAll('_', ' ')} to ${to.kind.replaceAll('_', ' ')}`;
}
