/** The changelog checks' codes, declared with the plan (plan/changelog-codes.ts) so the runtime raises them too. */
export { CHANGELOG_CODE_TABLE, CHANGELOG_CODES, CHANGELOG_TEXTS } from '../../plan/changelog-codes.js';
