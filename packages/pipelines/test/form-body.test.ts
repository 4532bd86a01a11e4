import { describe, expect, test } from 'vitest';
import { decodeForm, encodeForm } from '../src/internal.js';

/** Every UTF-16 code unit up to U+FFFF (lone surrogates included), then astral characters and broken pairs. */
function everyCodeUnit(): string {
  let text = '';
  for (let c = 0; c <= 0xffff; c++) text += String.fromCharCode(c);
  return `${text}\u{1F600}\u{10FFFF}\uD800x\uDC00\uDBFF`;
}

describe('form bodies (StreamPark create form)', () => {
  test('encodes each key and value exactly as URLSearchParams does', () => {
    const all = everyCodeUnit();
    const fields: [string, string][] = [
      ['flinkSql', "CREATE TABLE `t` (\n  `a` STRING\n) WITH ('connector' = 'kafka');\nINSERT INTO t SELECT 'x ~!*()' FROM s;"],
      ['key with space & = + %', 'a+b=c&d %20 ~!\'()*-._'],
      ['all', all],
      ['', ''],
      ['\uD83D', '\uDE00 lone halves'],
    ];
    expect(encodeForm(fields)).toBe(new URLSearchParams(fields).toString());
    for (let i = 0; i < all.length; i += 997) {
      const piece = all.slice(i, i + 997);
      expect(encodeForm([[piece, piece]])).toBe(new URLSearchParams([[piece, piece]]).toString());
    }
  });

  test('decodes what it encodes', () => {
    const fields: [string, string][] = [['flinkSql', "SELECT 'a b' || '~!' FROM t;\n"], ['options', '{"parallelism.default":2}']];
    expect(decodeForm(encodeForm(fields))).toEqual(fields);
  });
});
