/**
 * The typer sits below the plan: typing/ types expressions for the binder (plan/), so it imports nothing from plan/
 * (issue 13). What both read (the AST walk's children) lives in ast/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const typing = fileURLToPath(new URL('../../src/typing/', import.meta.url));

describe('typing/ does not import plan/', () => {
  it('no file of typing/ imports from plan/', () => {
    const found = readdirSync(typing).filter((f) => f.endsWith('.ts')).flatMap((f) =>
      [...readFileSync(join(typing, f), 'utf8').matchAll(/from '(\.\.\/plan\/[^']+)'/g)].map((m) => `${f} → ${m[1]}`));
    expect(found).toEqual([]);
  });
});
