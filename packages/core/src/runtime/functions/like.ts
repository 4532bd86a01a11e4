/** LIKE and SIMILAR TO patterns as JavaScript regular expressions. */
import { evalError } from '../errors.js';

const META = /[.*+?^${}()|[\]\\/]/;

export function likeToRegex(pattern: string, escape?: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const n = pattern[i + 1];
      if (n === undefined) throw evalError('IllegalArgumentException', `Invalid escape sequence in '${pattern}'`);
      out += META.test(n) ? '\\' + n : n;
      i++;
    } else if (c === '%') out += '[\\s\\S]*';
    else if (c === '_') out += '[\\s\\S]';
    else out += META.test(c) ? '\\' + c : c;
  }
  return new RegExp(`^${out}$`);
}

export function similarToRegex(pattern: string, escape?: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (escape !== undefined && c === escape) {
      const n = pattern[i + 1];
      if (n === undefined) throw evalError('IllegalArgumentException', `Invalid escape sequence in '${pattern}'`);
      out += '\\' + n;
      i++;
    } else if (c === '%') out += '[\\s\\S]*';
    else if (c === '_') out += '[\\s\\S]';
    else out += c;
  }
  return new RegExp(`^(?:${out})$`);
}
