/** A small argument reader for the commands: `--flag`, `--name value` / `--name=value`, and positionals. */
export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
  /** Options the command does not know, or value options without a value. */
  readonly problems: readonly string[];
}

export function parseArgs(args: readonly string[], spec: { readonly flags: readonly string[]; readonly values: readonly string[] }): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!a.startsWith('--') || a === '-') {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (spec.flags.includes(name) && eq < 0) flags.add(name);
    else if (spec.values.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') problems.push(`--${name} needs a value`);
      else values.set(name, value);
    } else problems.push(`unknown option ${a}`);
  }
  return { flags, values, positionals, problems };
}
