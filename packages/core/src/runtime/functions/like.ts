/** LIKE and SIMILAR TO patterns as JavaScript regular expressions. */
import { evalError } from '../errors.js';

const META = /[.*+?^${}()|[\]\\/]/;

const quoteMeta = (c: string): string => (META.test(c) ? '\\' + c : c);

/**
 * The regular-expression source of a LIKE / SIMILAR TO pattern: `%` and `_` become any-run and any-character,
 * an escaped character goes through `escaped`, every other character through `literal`.
 */
function translate(pattern: string, escape: string | undefined, escaped: (c: string) => string, literal: (c: string) => string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const n = pattern[i + 1];
      if (n === undefined) throw evalError('IllegalArgumentException', `Invalid escape sequence in '${pattern}'`);
      out += escaped(n);
      i++;
    } else if (c === '%') out += '[\\s\\S]*';
    else if (c === '_') out += '[\\s\\S]';
    else out += literal(c);
  }
  return out;
}

/** LIKE: every character but `%` and `_` stands for itself. */
export function likeToRegex(pattern: string, escape?: string): RegExp {
  return new RegExp(`^${translate(pattern, escape, quoteMeta, quoteMeta)}$`);
}

/** SIMILAR TO: the other characters keep their regular-expression meaning; an escaped one is taken literally. */
export function similarToRegex(pattern: string, escape?: string): RegExp {
  return new RegExp(`^(?:${translate(pattern, escape, (c) => '\\' + c, (c) => c)})$`);
}
