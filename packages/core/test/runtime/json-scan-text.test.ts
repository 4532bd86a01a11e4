/**
 * JSON_VALUE's scalar fast path (`scanKeyPathText`) gives exactly what the general reader gives: the scalar's
 * text, NULL for JSON null, absent for missing keys, a deferral for objects / arrays / lax unwrapping, and a
 * JsonSyntaxError for every invalid document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ABSENT, keyPathReader, loopKeyPathText, NOT_SCALAR, numberText, quickKeyPathText, scanKeyPathText, scannedKeyPathText } from '../../src/runtime/functions/json-scan.js';
import { JsonNumber, JsonSyntaxError, parseJson, parsePath, readPath } from '../../src/runtime/functions/json-text.js';
import type { JsonValue } from '../../src/runtime/functions/json-text.js';

type Outcome = string | null | typeof ABSENT | typeof NOT_SCALAR | 'INVALID';

/** The general reader's answer, in the fast path's terms. */
function general(doc: string, keys: readonly string[]): Outcome {
  let root: JsonValue;
  try {
    root = parseJson(doc);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return 'INVALID';
    throw e;
  }
  // strict mode tells a JSON null (its own error) from a value that is not there
  const path = parsePath('strict $' + keys.map((k) => `['${k.replace(/'/g, "''")}']`).join(''));
  if (!path) throw new Error('bad test path');
  const r = readPath(root, path);
  if (r.error !== undefined) return /but is null/.test(r.error) ? null : ABSENT;
  const v = r.value;
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof JsonNumber) return numberText(v.text);
  return NOT_SCALAR;
}

function fast(doc: string, keys: readonly string[]): Outcome {
  try {
    return scanKeyPathText(doc, keys);
  } catch (e) {
    if (e instanceof JsonSyntaxError) return 'INVALID';
    throw e;
  }
}

/** NOT_SCALAR from the fast path means "ask the general reader"; anything else must match exactly. */
function agrees(doc: string, keys: readonly string[]): void {
  const f = fast(doc, keys);
  const g = general(doc, keys);
  if (f === NOT_SCALAR && g !== 'INVALID') return;
  expect(f).toEqual(g);
}

describe('scanKeyPathText agrees with the general reader', () => {
  const cases: [string, string[], Outcome][] = [
    ['{"subject":"math","score":37,"question":{"id":5,"tags":["a","b"]}}', ['subject'], 'math'],
    ['{"subject":"math","score":37}', ['score'], '37'],
    ['{"a": {"b": "x"}, "c": 1}', ['a', 'b'], 'x'],
    ['{"a": {"b": "x"}}', ['a', 'c'], ABSENT],
    ['{"a": {"b": "x"}}', ['missing'], ABSENT],
    ['{"a": "x"}', ['a', 'b'], ABSENT],
    ['{"a": 1, "a": 2}', ['a'], '2'],
    ['{"a": {"b": 1}, "a": 5}', ['a', 'b'], ABSENT],
    ['{"k\\u0041": "escaped key"}', ['kA'], 'escaped key'],
    // a backslash anywhere sends the document to the scanner: here a later key equal to the plain one once unescaped
    ['{"kA": "plain", "k\\u0041": "escaped, later"}', ['kA'], 'escaped, later'],
    ['{"s": "a\\"b", "kA": "after an escape"}', ['kA'], 'after an escape'],
    ['{"s": "q\\"uote \\\\ \\n \\u00e9"}', ['s'], 'q"uote \\ \n é'],
    // numbers as Flink 1.20.1 returns them: integers as written, others as a Java double
    ['{"n": 123456789.987654321}', ['n'], '1.2345678998765433E8'],
    ['{"n": -0.5e+10}', ['n'], '-5.0E9'],
    ['{"n": 1E3}', ['n'], '1000.0'],
    ['{"n": 12345678901234567890}', ['n'], '12345678901234567890'],
    ['{"z": null}', ['z'], null],
    ['{"t": true, "f": false}', ['t'], 'true'],
    ['{"t": true, "f": false}', ['f'], 'false'],
    ['  {  "a"  :  "x"  ,  "b" : [ 1 , 2 ] }  ', ['a'], 'x'],
    ['{"a": ""}', ['a'], ''],
    ['{"a": "a longer string value, beyond the short-string cache"}', ['a'], 'a longer string value, beyond the short-string cache'],
    ['{"a": [1, 2]}', ['a'], NOT_SCALAR],
    ['{"a": {"b": 1}}', ['a'], NOT_SCALAR],
    ['{"a": [{"b": 1}]}', ['a', 'b'], NOT_SCALAR],
    ['[{"a": 1}]', ['a'], NOT_SCALAR],
    ['{}', ['a'], ABSENT],
    ['{"a": 1', ['a'], 'INVALID'],
    ['{"a": 01}', ['a'], 'INVALID'],
    ['{"a": 1.}', ['a'], 'INVALID'],
    ['{"a": 1e}', ['a'], 'INVALID'],
    ['{"a": -}', ['a'], 'INVALID'],
    // what follows the document's first value is ignored, as Flink's Jackson reads it (probed on Flink 1.20.1),
    // except after a root number (whitespace or the end) or a root literal (no Java identifier character)
    ['{"a": "x"} x', ['a'], 'x'],
    ['{"a": "x"}}', ['a'], 'x'],
    ['{"a":1}abc', ['a'], '1'],
    ['{"a": "x"}{"a": "y"}', ['a'], 'x'],
    ['{"a": "é"} x', ['a'], 'é'],
    ['1 x', ['a'], ABSENT],
    ['1x', ['a'], 'INVALID'],
    ['1,', ['a'], 'INVALID'],
    ['true,', ['a'], ABSENT],
    ['truex', ['a'], 'INVALID'],
    ['true_', ['a'], 'INVALID'],
    ["{'a': 1}", ['a'], 'INVALID'],
    ['{"a": tru}', ['a'], 'INVALID'],
    ['{"a": "bad \\x escape"}', ['a'], 'INVALID'],
    ['{"a": "\\u12g4"}', ['a'], 'INVALID'],
    ['{"a": "raw \u0001 control"}', ['a'], 'INVALID'],
    ['{"a": "unterminated}', ['a'], 'INVALID'],
    ['{"a" 1}', ['a'], 'INVALID'],
    ['{"a": 1,}', ['a'], 'INVALID'],
    ['{"b": [1, 2,]}', ['a'], 'INVALID'],
    ['', ['a'], 'INVALID'],
  ];
  for (const [doc, keys, expected] of cases) {
    it(`${JSON.stringify(doc)} $.${keys.join('.')}`, () => {
      expect(fast(doc, keys)).toEqual(expected);
      agrees(doc, keys);
    });
  }

  it('repeated short values come back equal (the short-string cache never mixes values up)', () => {
    const words = ['math', 'maths', 'htam', 'mbth', 'physics', 'a', 'b', 'ab', 'ba'];
    for (let round = 0; round < 3; round++) {
      for (const w of words) expect(scanKeyPathText(`{"x": "${w}"}`, ['x'])).toBe(w);
    }
  });

  const key = fc.constantFrom('a', 'b', 'kA', 'é', 'x y', 'q"t');
  const doc = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v));
  const withKeys = fc.tuple(fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  })).object, fc.boolean()).map(([v, pretty]) => JSON.stringify(v, null, pretty ? 1 : 0));

  it('agrees on random documents followed by random text (ignored after the first value, as Flink does)', () => {
    const tail = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(' x', 'x', ',', '}', ']', '{', ' {"a":1}', '_', '1', '\u00e9', '\u0085'));
    fc.assert(fc.property(fc.oneof(doc, withKeys), tail, fc.array(key, { minLength: 1, maxLength: 3 }), (d, t, keys) => agrees(d + t, keys)), { numRuns: 1000 });
  });

  it('agrees on random documents and key paths', () => {
    fc.assert(fc.property(fc.oneof(doc, withKeys), fc.array(key, { minLength: 1, maxLength: 3 }), (d, keys) => agrees(d, keys)), { numRuns: 2000 });
  });

  it('agrees on random corruptions of valid documents', () => {
    const corrupt = fc.tuple(withKeys, fc.nat(), fc.constantFrom('', '"', '{', '}', ',', ':', '\\', ' ', '1', '-', '.', 'e', 'n', '\u0001'))
      .map(([d, at, ins]) => d.slice(0, at % (d.length + 1)) + ins + d.slice((at % (d.length + 1)) + 1));
    fc.assert(fc.property(corrupt, fc.array(key, { minLength: 1, maxLength: 2 }), (d, keys) => agrees(d, keys)), { numRuns: 2000 });
  });
});

describe('the quick way (a document validated by a regular expression)', () => {
  function scanned(doc: string, key: string): Outcome {
    try {
      return scannedKeyPathText(doc, [key]);
    } catch (e) {
      if (e instanceof JsonSyntaxError) return 'INVALID';
      throw e;
    }
  }
  const key = fc.constantFrom('a', 'b', 'é', 'x y', 'q"t', '{');
  const doc = fc.tuple(fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  })).value, fc.boolean()).map(([v, pretty]) => JSON.stringify(v, null, pretty ? 1 : 0));
  const corrupt = fc.tuple(doc, fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', ' ', '1', '-', '.', 'e', 'n', '\u0001', '"a":1,', '"a"'))
    .map(([d, at, ins]) => d.slice(0, at % (d.length + 1)) + ins + d.slice((at % (d.length + 1)) + 1));

  it('answers exactly as the scanner when it answers, and leaves invalid documents to the scanner', () => {
    let answered = 0;
    fc.assert(fc.property(fc.oneof(doc, corrupt), key, (d, k) => {
      const q = quickKeyPathText(d, [k]);
      if (q === undefined) return;
      answered++;
      expect(q).toEqual(scanned(d, k));
    }), { numRuns: 5000 });
    expect(answered).toBeGreaterThan(1000);
  });

  it('answers for paths of two and three keys exactly as the scanner when it answers', () => {
    let answered = 0;
    // objects three levels deep at most (what the expressions take), keys from a small set so paths are found
    const k3 = fc.constantFrom('a', 'b', 'c');
    const scalar = fc.oneof(fc.constantFrom(1, -2.5, 1e21, 'x', '', 'a b', true, false, null), fc.integer());
    const level3 = fc.dictionary(k3, scalar, { minKeys: 2, maxKeys: 3 });
    const level2 = fc.dictionary(k3, fc.oneof(scalar, level3, level3), { minKeys: 2, maxKeys: 3 });
    const level1 = fc.dictionary(k3, fc.oneof(scalar, level2, level2, fc.array(scalar, { maxLength: 2 })), { minKeys: 2, maxKeys: 3 });
    const nested = fc.tuple(level1, fc.boolean()).map(([v, pretty]) => JSON.stringify(v, null, pretty ? 1 : 0));
    const broken = fc.tuple(nested, fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', ' ', '1', '"a":{"b":1},', '"a"'))
      .map(([d, at, ins]) => d.slice(0, at % (d.length + 1)) + ins + d.slice((at % (d.length + 1)) + 1));
    fc.assert(fc.property(fc.oneof(nested, broken), fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 2, maxLength: 3 }), (d, keys) => {
      const q = quickKeyPathText(d, keys);
      if (q === undefined) return;
      answered++;
      let s: Outcome;
      try {
        s = scannedKeyPathText(d, keys);
      } catch (e) {
        if (!(e instanceof JsonSyntaxError)) throw e;
        s = 'INVALID';
      }
      // the scanner defers to the general reader once an array stood at the path, even where a later repeated
      // key replaced it: then the general reader is the yardstick
      expect(q).toEqual(s === NOT_SCALAR ? general(d, keys) : s);
    }), { numRuns: 4000 });
    expect(quickKeyPathText('{"a":[-2.5],"a":{"b":1},"b":0}', ['a', 'b'])).toBe('1');
    expect(answered).toBeGreaterThan(160);
    expect(quickKeyPathText('{"a":{"b":1},"a":{"b":2}}', ['a', 'b'])).toBe('2');
    expect(quickKeyPathText('{"a":{"b":1,"b":"x"}}', ['a', 'b'])).toBe('x');
    expect(quickKeyPathText('{"a":{"b":1},"a":{"c":2}}', ['a', 'b'])).toBeUndefined(); // absent: the loop's
    expect(quickKeyPathText('{"a":[{"b":1}]}', ['a', 'b'])).toBeUndefined(); // lax unwrapping: the loop's
    expect(quickKeyPathText('{"x":1,"a":{"y":[1],"b":{"c":true}}}', ['a', 'b', 'c'])).toBe('true');
  });

  const quick1 = (d: string, k: string) => quickKeyPathText(d, [k]);
  it('answers for valid documents nested up to three levels, without backslashes', () => {
    expect(quick1('{"subject":"math","score":37,"question":{"id":5,"tags":["a","b"]}}', 'subject')).toBe('math');
    expect(quick1('{"x":{"a":1},"a":2,"y":["a",{"a":3}],"a":4}', 'a')).toBe('4');
    expect(quick1('{"x":"a","y":{"a":1}}', 'a')).toBe(ABSENT);
    expect(quickKeyPathText('{"a":[[[1]]]}', ['a'])).toBeUndefined(); // four levels: the scanner's
    expect(quickKeyPathText('{"a":"\\n"}', ['a'])).toBeUndefined(); // a backslash: the scanner's
    expect(quickKeyPathText('{"a":1} x', ['a'])).toBeUndefined();
  });

  it('stays fast on long invalid documents', () => {
    const bad = [
      `{"a":[${'1,'.repeat(1500)}]}`,
      `{${'"k":"v",'.repeat(400)}"a":}`,
      `[${'[1,{"a":"b"}],'.repeat(250)}x]`,
      `{"a":"${'x'.repeat(4000)}`,
      `{"a":${'0'.repeat(4000)}`,
    ];
    const t0 = performance.now();
    for (let r = 0; r < 20; r++) for (const d of bad) expect(fast(d, ['a'])).toBe('INVALID');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('the byte loop (any key path, escapes, deeper nesting) and the per-call reader', () => {
  function outcome(f: () => Outcome | undefined): Outcome | undefined {
    try {
      return f();
    } catch (e) {
      if (e instanceof JsonSyntaxError) return 'INVALID';
      throw e;
    }
  }
  const key = fc.constantFrom('a', 'b', 'kA', 'é', 'x y', 'q"t', '{');
  const doc = fc.tuple(fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 3 })),
    object: fc.dictionary(fc.oneof(key, fc.string({ maxLength: 3 })), tie('value'), { maxKeys: 4 }),
  })).object, fc.boolean()).map(([v, pretty]) => JSON.stringify(v, null, pretty ? 1 : 0));
  // escapes written the long way (a key or value JSON.stringify would write plainly), and corruptions
  const escapedDoc = doc.map((d) => d.replace(/"a"/g, '"\\u0061"').replace(/"b/g, '"\\u0062'));
  const corrupt = fc.tuple(fc.oneof(doc, escapedDoc), fc.nat(), fc.constantFrom('', '"', '{', '}', '[', ']', ',', ':', ' ', '\\', '\\u', '1', '-', '.', 'e', 'n', 't', '\u0001', '\u0000', '"a":1,', '"a"'))
    .map(([d, at, ins]) => d.slice(0, at % (d.length + 1)) + ins + d.slice((at % (d.length + 1)) + 1));

  it('answers exactly as the scanner when it answers (NOT_SCALAR: the general reader decides)', () => {
    let answered = 0;
    fc.assert(fc.property(fc.oneof(doc, escapedDoc, corrupt), fc.array(key, { minLength: 1, maxLength: 3 }), (d, keys) => {
      const l = outcome(() => loopKeyPathText(d, keys));
      if (l === undefined) return;
      const s = outcome(() => scannedKeyPathText(d, keys));
      if (l === NOT_SCALAR && s !== 'INVALID') return;
      answered++;
      expect(l).toEqual(s);
    }), { numRuns: 4000 });
    expect(answered).toBeGreaterThan(1600);
  });

  it('pins escapes, duplicates, nesting and the end of the document', () => {
    expect(loopKeyPathText('{"a":{"b":"x"},"c":1}', ['a', 'b'])).toBe('x');
    expect(loopKeyPathText('{"a":{"b":1},"a":{"c":2}}', ['a', 'b'])).toBe(ABSENT);
    expect(loopKeyPathText('{"a":{"b":1,"b":2}}', ['a', 'b'])).toBe('2');
    expect(loopKeyPathText('{"a":{"b":1},"a":5}', ['a', 'b'])).toBe(ABSENT);
    expect(loopKeyPathText('{"a":[{"b":1}]}', ['a', 'b'])).toBe(NOT_SCALAR);
    expect(loopKeyPathText('{"\\u0061":"x\\ny"}', ['a'])).toBe('x\ny');
    expect(loopKeyPathText('{"a":"1","a\\"":"2"}', ['a"'])).toBe('2');
    expect(loopKeyPathText('{"x":[[[[{"a":1}]]]],"a":-1.5e3}', ['a'])).toBe('-1500.0');
    expect(loopKeyPathText(`{"a":${'['.repeat(40)}${']'.repeat(40)}}`, ['b'])).toBeUndefined(); // deeper: the scanner's
    expect(loopKeyPathText('{"a":"é"}', ['a'])).toBeUndefined(); // not ASCII: the scanner's
    expect(loopKeyPathText('[1]', ['a'])).toBeUndefined(); // not an object: the scanner's
    expect(() => loopKeyPathText('{"a":[1}', ['a'])).toThrow(JsonSyntaxError);
    expect(loopKeyPathText('"s"', ['a'])).toBeUndefined();
    expect(loopKeyPathText('{"a":1} x', ['a'])).toBe('1'); // the rest ignored, as Flink does
    expect(() => loopKeyPathText('{"a":1,}', ['a'])).toThrow(JsonSyntaxError);
    expect(() => loopKeyPathText('{"a":"\u0000"}', ['a'])).toThrow(JsonSyntaxError);
    expect(() => loopKeyPathText('{"a":1', ['a'])).toThrow(JsonSyntaxError);
    // a shorter document after a longer one: the bytes left behind are not read
    expect(loopKeyPathText('{"a":"long value here","b":[1,2,3]}', ['a'])).toBe('long value here');
    expect(() => loopKeyPathText('{"a":"lo', ['a'])).toThrow(JsonSyntaxError);
  });

  it('a reader answers as scanKeyPathText whether or not it is trying the quick way', () => {
    const docs = fc.sample(fc.oneof(doc, escapedDoc, corrupt), 3000);
    for (const keys of [['a'], ['a', 'b'], ['q"t']]) {
      const read = keyPathReader(keys);
      for (const d of docs) expect(outcome(() => read(d))).toEqual(outcome(() => scanKeyPathText(d, keys)));
    }
  });
});
