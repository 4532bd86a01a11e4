/** Keys whose values are credentials: only `${NAME}` placeholders (`secret('NAME')`) may be written there. */
import type { OptionSpec } from './spec.js';

const SENSITIVE_KEY = /(^|[.\-_])(password|passwd|pwd|secret|token|credentials?|jaas\.config|access[-_.]?key([-_.]?id)?|secret[-_.]?key|private[-_.]?key|user-info|api[-_.]?key|sasl\.password|key\.password)($|[.\-_])/i;

export function isSensitive(key: string, spec?: OptionSpec): boolean {
  if (spec?.secret === true) return true;
  if (/credentials-source$/.test(key)) return false;
  return SENSITIVE_KEY.test(key);
}
