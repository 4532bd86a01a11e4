export { IMPORT_CODES, IMPORT_TEXTS } from './codes.js';
export { applyCertainFixes } from './fixes.js';
export type { FixedScript } from './fixes.js';
export { importScripts, strip } from './import-scripts.js';
export type { ImportedFile, ImportInput, ImportOptions, ImportResult } from './import-scripts.js';
