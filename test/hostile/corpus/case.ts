/** One hostile SQL input and what must come of it: the diagnostic codes expected (at least these), or none (valid). */
export interface SqlCase {
  readonly name: string;
  readonly sql: string;
  /** Codes that must be among the diagnostics; `[]` means the script is valid (no errors). */
  readonly codes: readonly string[];
  /** A pattern the first matching diagnostic's message must match. */
  readonly message?: RegExp;
}
