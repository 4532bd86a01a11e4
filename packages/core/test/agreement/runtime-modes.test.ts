/**
 * The changelog mode of every planned relation is the plan's (plan/properties/changelog.ts): `planBound` sets each
 * node's from `planner.modeOf(node)`, and the runtime's planners and operators decide none of their own. A relation
 * may carry the plan's mode (`planner.modeOf(node)`) or pass its input's on (`input.mode`, for the window TVF
 * helpers the window aggregations read); no literal or computed mode anywhere in runtime/ but the expression scope
 * (plan.ts, columns to compile over, not a relation). Sources' modes come from plan/properties/source-modes.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runtime = fileURLToPath(new URL('../../src/runtime/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** Every `mode: …` property of an object literal that holds a changelog mode, as `file:line: value`. */
function modeAssignments(): string[] {
  const out: string[] = [];
  for (const f of files(runtime)) {
    readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\bmode:\s*([^,}]+?)\s*(?=[,}]|$)/g)) {
        const value = m[1]!;
        if (/^ChangelogMode;?$/.test(value) || !/insert-only|updating|\.mode\b|modeOf|emits/.test(value)) continue;
        out.push(`${relative(runtime, f)}:${i + 1}: ${value}`);
      }
    });
  }
  return out;
}

describe('runtime changelog modes come from the plan', () => {
  it('no planner or operator assigns a mode of its own', () => {
    const own = modeAssignments().filter((a) => {
      const value = a.slice(a.indexOf(': ') + 2);
      if (value === 'planner.modeOf(node)' || /^\w+\.mode$/.test(value)) return false;
      return !(a.startsWith('plan.ts:') && value === "'insert-only'" && /expressionScope/.test(scopeOf(a)));
    });
    expect(own).toEqual([]);
  });

  it('the check sees the assignments it rules on', () => {
    expect(modeAssignments().some((a) => a.includes('planner.modeOf(node)'))).toBe(true);
    expect(modeAssignments().filter((a) => a.startsWith('plan.ts:') && a.endsWith("'insert-only'"))).toHaveLength(1);
  });
});

/** The text of the function around an assignment (`file:line: …`): the lines above it up to its `function`. */
function scopeOf(assignment: string): string {
  const [file, line] = assignment.split(':') as [string, string];
  const lines = readFileSync(join(runtime, file), 'utf8').split('\n').slice(0, Number(line));
  const start = lines.findLastIndex((l) => /^export function|^function/.test(l));
  return lines.slice(start).join('\n');
}
