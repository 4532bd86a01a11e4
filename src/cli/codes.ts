/** Diagnostic codes of the CLI and of loading its configuration (FTS9xxx; the import codes are in @flinkts/pipelines). */
import { codeTable } from '@flinkts/core';

export const CLI_CODE_TABLE = codeTable({
  configLoad: ['FTS9001', 'The pipeline config threw or did not compile while loading (reported at its file and line).'],
  noPipelineExport: ['FTS9002', 'The config module has no default export made with pipeline(…).'],
  fmtRefused: ['FTS9101', "flinkts fmt refused a file: formatting would change its meaning or comments."],
  fmtFailed: ['FTS9102', 'flinkts fmt failed on a file (a flinkts bug; the file is left as it is).'],
  unsafePathSegment: ['FTS9110', 'An environment name or artifact path segment that is not file-name-safe (nothing may be written outside --out).'],
  outIsFile: ['FTS9111', '--out names an existing file, not a folder.'],
});

export const CLI_CODES = CLI_CODE_TABLE.codes;
