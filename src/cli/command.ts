/**
 * The contract every `flinkts` sub-command implements. Each command lives in `src/cli/commands/<name>.ts` (the
 * file name is the command name) and exports `command`; `main` imports only the command it runs. Commands never
 * throw for user errors: they print diagnostics and return an exit code (see `exit-code.ts`).
 */
export interface CliIO {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of standard input (for `-` file arguments), as bytes: SQL is decoded strictly (FTS1007), like files. */
  readonly readStdin: () => Promise<Uint8Array>;
}

export interface Command {
  /** The sub-command name, e.g. `fmt` (the same as its file name). */
  readonly name: string;
  /** One line for `flinkts --help`. */
  readonly summary: string;
  /** The full help text for `flinkts help <name>` / `flinkts <name> --help`. */
  readonly help: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}
