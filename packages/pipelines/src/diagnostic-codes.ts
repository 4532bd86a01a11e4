/** Every diagnostic code of @flinkts/pipelines with its title and exit class, sorted: the tables of its stages. */
import { sortedCodes } from '@flinkts/core/internal';
import type { DiagnosticCodeInfo } from '@flinkts/core';
import { CODE_TABLE } from './codes.js';
import { DEPLOY_CODE_TABLE } from './deploy/codes.js';
import { IMPORT_CODE_TABLE } from './import/codes.js';
import { INTROSPECT_CODE_TABLE } from './introspect/codes.js';
import { LINEAGE_CODE_TABLE } from './lineage-formats/codes.js';

export const PIPELINE_DIAGNOSTIC_CODES: readonly DiagnosticCodeInfo[] = sortedCodes([CODE_TABLE.entries, DEPLOY_CODE_TABLE.entries, IMPORT_CODE_TABLE.entries, INTROSPECT_CODE_TABLE.entries, LINEAGE_CODE_TABLE.entries]);
