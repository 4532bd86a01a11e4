/** Moved to diagnostics/name-codes.ts (typing/ reads it and must not import plan/); kept for existing imports. */
export { NAME_CODE_TABLE, NAME_CODES, NAME_TEXTS } from '../diagnostics/name-codes.js';
