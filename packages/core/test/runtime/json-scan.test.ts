import { describe, expect, it } from 'vitest';
import { scanKeyPath } from '../../src/runtime/functions/json-scan.js';
import { JsonNumber, JsonSyntaxError, parseJson, parsePath, readPath } from '../../src/runtime/functions/json-text.js';

/** The general reader in lax mode: the value, or null when there is none (JSON null or not there). */
const general = (doc: string, path: string) => readPath(parseJson(doc), parsePath(`lax ${path}`) as NonNullable<ReturnType<typeof parsePath>>);
const keys = (path: string) => (parsePath(path)?.steps ?? []).map((s) => (s as { key: string }).key);

describe('the key-path JSON scanner agrees with the general reader', () => {
  const docs = [
    '{"a": {"b": "x"}, "c": 1}',
    '{"a": 1, "a": 2}',
    '{"k\\u0041": "escaped key", "s": "q\\"uote"}',
    '{"n": 123456789.987654321, "z": null, "t": true}',
    '{"a": {"b": {"c": [1, {"d": 2}]}}}',
    '  {"a": "x"}  ',
    '{}',
  ];
  const paths = ['$.a', '$.a.b', '$.c', '$.kA', '$.s', '$.n', '$.z', '$.t', '$.a.b.c', '$.missing', '$.a.b.c.d'];
  for (const doc of docs) {
    for (const p of paths) {
      it(`${doc} ${p}`, () => {
        const scanned = scanKeyPath(doc, keys(p));
        const fast = scanned === undefined ? general(doc, p) : { value: scanned[0] ?? null };
        const slow = general(doc, p);
        const norm = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x instanceof JsonNumber ? `#${x.text}` : x));
        expect(norm(fast)).toBe(norm(slow));
      });
    }
  }
  it('leaves a key on an array to the general reader', () => {
    expect(scanKeyPath('{"a": [{"b": 1}]}', ['a', 'b'])).toBeUndefined();
  });
  it('rejects invalid documents', () => {
    for (const bad of ['{"a": 1', '{"a": 01}', "{'a': 1}", '{"a": tru}', '1x', 'nullx']) {
      expect(() => scanKeyPath(bad, ['a'])).toThrow(JsonSyntaxError);
    }
  });
  it('reads the first value and ignores what follows it, as Flink 1.20.1 does', () => {
    expect(scanKeyPath('{"a": "x"} x', ['a'])).toEqual(['x']);
    expect(scanKeyPath('{"a": "x"}{"a": "y"}', ['a'])).toEqual(['x']);
    expect(scanKeyPath('1 x', ['a'])).toEqual([]);
  });
});
