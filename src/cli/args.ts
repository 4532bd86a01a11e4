/**
 * The argument reader every command uses: `--flag`, `--name value` / `--name=value`, and positionals. All flags are
 * validated here, before a command does any work. Commands that report diagnostics take the shared reporting
 * options (`reporting: true`): `--json`, `--strict` and `--max-warnings <n>`.
 */
import type { WarningPolicy } from './exit-code.js';

export interface ArgSpec {
  readonly flags: readonly string[];
  readonly values: readonly string[];
  /** Adds `--json`, `--strict` and `--max-warnings <n>`. */
  readonly reporting?: boolean;
  /** Checks of option values: return the problem, or undefined when the value is fine. */
  readonly validate?: Readonly<Record<string, (value: string) => string | undefined>>;
}

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
  /** Options the command does not know, value options without a value, and values that fail their check. */
  readonly problems: readonly string[];
  /** `--json` was given (reporting commands). */
  readonly json: boolean;
  /** `--strict` / `--max-warnings` (reporting commands). */
  readonly policy: WarningPolicy;
}

const REPORTING_FLAGS = ['json', 'strict'];
const REPORTING_VALUES = ['max-warnings'];

export const REPORTING_HELP = `  --json              print the result as JSON on stdout
  --strict            fail (exit 1) on any warning, like --max-warnings 0
  --max-warnings <n>  fail (exit 1) when there are more than n warnings`;

function maxWarnings(value: string): string | undefined {
  return /^\d+$/.test(value) ? undefined : `--max-warnings needs a whole number ≥ 0, got '${value}'`;
}

/** `--target sql,vvp`: every name must be one of `names`. */
export function oneOrMoreOf(option: string, names: readonly string[]): (value: string) => string | undefined {
  return (value) => {
    const bad = value.split(',').map((v) => v.trim()).filter((v) => !names.includes(v));
    return bad.length === 0 ? undefined : `--${option} ${bad.join(',')}: unknown; choose from ${names.join(', ')}`;
  };
}

export function parseArgs(args: readonly string[], spec: ArgSpec): ParsedArgs {
  const flagNames = spec.reporting === true ? [...spec.flags, ...REPORTING_FLAGS] : spec.flags;
  const valueNames = spec.reporting === true ? [...spec.values, ...REPORTING_VALUES] : spec.values;
  const validate: Record<string, (value: string) => string | undefined> = { 'max-warnings': maxWarnings, ...spec.validate };
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
    if (flagNames.includes(name) && eq < 0) flags.add(name);
    else if (valueNames.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) problems.push(`--${name} needs a value`);
      else {
        const problem = validate[name]?.(value);
        if (problem !== undefined) problems.push(problem);
        else values.set(name, value);
      }
    } else problems.push(`unknown option ${a}`);
  }
  const max = flags.has('strict') ? 0 : values.has('max-warnings') ? Number(values.get('max-warnings')) : undefined;
  return { flags, values, positionals, problems, json: flags.has('json'), policy: max === undefined ? {} : { maxWarnings: max } };
}
