/**
 * SQL files are UTF-8, as Flink reads them. Bytes that are not UTF-8 (a Latin-1 `'Müller'`) are refused with the
 * position of the first bad byte, instead of being decoded to U+FFFD and silently written back changed.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { SQL_TEXTS } from '../codes.js';
import { textFields } from '../../diagnostics/code-table.js';

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    const second = bytes[i + 1];
    if (second === undefined || second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

export type DecodedSource = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * Decode a SQL file's bytes; a positioned FTS1007 diagnostic when they are not UTF-8. The decoder's fatal mode refuses
 * exactly the byte sequences that are not well-formed UTF-8 (the WHATWG decoder follows the Unicode standard's table
 * of well-formed sequences, as `firstInvalidUtf8Byte` does), natively: the byte loop runs only to find where a file it
 * refused goes wrong (on a 9.5 MB script it took about 50 ms of `fmt`'s and `check`'s time).
 */
export function decodeSqlSource(bytes: Uint8Array, file?: string): DecodedSource {
  let bad: number;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    bad = firstInvalidUtf8Byte(bytes);
  }
  if (bad === -1) return { ok: true, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
  const lines = before.split(/\r\n|\r|\n/);
  const line = lines.length;
  const column = lines[lines.length - 1]!.length + 1;
  const position = { line, column, offset: before.length };
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, '0');
  return {
    ok: false,
    diagnostic: {
      ...textFields(SQL_TEXTS.notUtf8({ byte, line, column, offset: bad })),
      severity: 'error',
      span: { start: position, end: position },
      ...(file === undefined ? {} : { file }),
    },
  };
}
