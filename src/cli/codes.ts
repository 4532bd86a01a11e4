/** Diagnostic codes of the CLI and of loading its configuration (FTS9xxx; the import codes are in @flinkts/pipelines). */
import { codeTable, template } from '@flinkts/core/internal';

const NAME_A_CONFIG = 'name a folder with a pipeline config, a .ts/.js module or a .sql script';
const REPORT_FILE = 'please report this file to the flinkts maintainers';

export const CLI_CODE_TABLE = codeTable({
  configLoad: ['FTS9001', 'The pipeline config threw or did not compile while loading (reported at its file and line).', template(
    (p: { readonly kind: 'compile' | 'misuse' | 'thrown' | 'syntax'; readonly error: string }) =>
      p.kind === 'compile' ? `the pipeline config does not compile: ${p.error}`
        : p.kind === 'misuse' ? `a value passed to flinkts here is not what it expects (${p.error})`
          : `${p.kind === 'syntax' ? 'syntax error' : 'error'} while loading the pipeline: ${p.error}`,
    (p) =>
      p.kind === 'compile' ? 'fix the TypeScript at this line (`npx tsc --noEmit` shows every error)'
        : p.kind === 'misuse' ? 'run `npx tsc --noEmit` to see the type error at this line; flinkts builders only accept what their types allow'
          : 'fix the error at this line of the config (or a module it imports) and run the command again',
  )],
  noPipelineExport: ['FTS9002', 'The config module has no default export made with pipeline(…).', template(
    (p: { readonly kind: 'noDefaultExport' | 'noConfig' | 'missing'; readonly path: string }) =>
      p.kind === 'noDefaultExport' ? `${p.path} has no default export made with pipeline(...)`
        : p.kind === 'noConfig' ? `${p.path} has no flinkts.config.ts (or .mts / .js / .mjs)` : `${p.path} does not exist`,
    (p) => (p.kind === 'noDefaultExport' ? 'export default pipeline({ name, jobs, tables, targets, environments })' : NAME_A_CONFIG),
  )],
  fmtRefused: ['FTS9101', "flinkts fmt refused a file: formatting would change its meaning or comments.", template(
    (_: Readonly<Record<string, never>>) => "formatting would change this script's meaning or comments, so it was left as it is",
    () => REPORT_FILE,
  )],
  fmtFailed: ['FTS9102', 'flinkts fmt failed on a file (a flinkts bug; the file is left as it is).', template(
    (p: { readonly error: string }) => `flinkts failed while formatting this file (${p.error}); it was left as it is`,
    () => REPORT_FILE,
  )],
  unsafePathSegment: ['FTS9110', 'An environment name or artifact path segment that is not file-name-safe (nothing may be written outside --out).', template(
    (p: { readonly kind: 'environment'; readonly name: string } | { readonly kind: 'artifact'; readonly path: string; readonly segment: string | undefined }) =>
      p.kind === 'environment' ? `environment name '${p.name}' is not a safe folder name`
        : `the artifact path '${p.path}' is not a safe path inside the output folder${p.segment === undefined ? '' : ` ('${p.segment}' is not a plain file name)`}`,
    () => 'name environments, jobs and targets with letters, digits, ".", "_" and "-" only (no "/", "\\" or "..")',
  )],
  outIsFile: ['FTS9111', '--out names an existing file, not a folder.', template(
    (p: { readonly out: string }) => `--out ${p.out} is a file, not a folder`,
    () => 'give --out a folder (it is created when missing)',
  )],
}, {
  // no config found, or none that exports a pipeline: a usage / configuration error (exit 2, issue 12 item 6). A config
  // that is found but does not compile or throws (FTS9001) is a problem in the input at its file and line (exit 1), as
  // a builder's refusal while it loads (FTS2xxx) is.
  usage: ['noPipelineExport', 'outIsFile'],
});

export const CLI_CODES = CLI_CODE_TABLE.codes;
export const CLI_TEXTS = CLI_CODE_TABLE.texts;
