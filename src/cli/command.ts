/**
 * The contract every `flinkts` sub-command implements. Each command lives in `src/cli/commands/<name>.ts` and
 * exports `command`. Commands never throw for user errors: they print diagnostics and return an exit code
 * (0 = success, 1 = problems found / check failed, 2 = usage or configuration error).
 */
export interface CliIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `-` file arguments). */
  readonly readStdin: () => Promise<string>;
}

export interface Command {
  /** The sub-command name, e.g. `fmt`. */
  readonly name: string;
  /** One line for `flinkts --help`. */
  readonly summary: string;
  /** The full help text for `flinkts <name> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}
