/** A format attached to a connector (`format`, `key.format`, `value.format`). */
export interface FormatRef {
  readonly kind: 'format';
  readonly identifier: string;
  /** The format's options without its prefix (`ignore-parse-errors`), values as final text, in print order. */
  readonly options: readonly { readonly key: string; readonly value: string }[];
}
