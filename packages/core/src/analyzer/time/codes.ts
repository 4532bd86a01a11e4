/** The time-attribute checks' codes, declared with the plan (plan/time-codes.ts) so the runtime raises them too. */
export { TIME_CODE_TABLE, TIME_CODES, TIME_TEXTS } from '../../plan/time-codes.js';
