/** A statement-level diff of two versions of a job (settings are its SET statements), for `plan`. */

export interface StatementDiff {
  /** `=` kept, `-` only in the deployed version, `+` only in the new one. */
  readonly lines: readonly { readonly op: '=' | '-' | '+'; readonly statement: string }[];
  readonly changed: boolean;
}

const SET = /^\s*SET\s+'((?:[^']|'')*)'\s*=\s*'((?:[^']|'')*)'\s*;?\s*$/i;

/** The SET statements as a key → value map. */
export function settingsOf(statements: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of statements) {
    const hit = SET.exec(s);
    if (hit) m.set((hit[1] as string).replace(/''/g, "'"), (hit[2] as string).replace(/''/g, "'"));
  }
  return m;
}

export function settingChanges(before: readonly string[], after: readonly string[]): { readonly key: string; readonly from?: string; readonly to?: string }[] {
  const a = settingsOf(before);
  const b = settingsOf(after);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => ({ key: k, ...(a.has(k) ? { from: a.get(k) } : {}), ...(b.has(k) ? { to: b.get(k) } : {}) }));
}

/** Longest-common-subsequence diff over statements (a job has tens of statements, not thousands). */
export function diffStatements(before: readonly string[], after: readonly string[]): StatementDiff {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const lines: { op: '=' | '-' | '+'; statement: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      lines.push({ op: '=', statement: before[i] as string });
      i++;
      j++;
    } else if (i < n && (j === m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      lines.push({ op: '-', statement: before[i] as string });
      i++;
    } else {
      lines.push({ op: '+', statement: after[j] as string });
      j++;
    }
  }
  return { lines, changed: lines.some((l) => l.op !== '=') };
}
