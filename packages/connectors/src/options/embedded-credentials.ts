/**
 * Credentials hidden inside ordinary values: a password in a URL's user-info (`mysql://app:s3cret@db:3306`) or in
 * a query / connection parameter (`jdbc:mysql://db/x?user=app&password=s3cret`, `…;password=s3cret`). A `${NAME}`
 * placeholder there is fine (the platform resolves it); anything else would be written into SQL scripts and job
 * specs. Used for every option value and every pipeline variable value.
 */
import { isSensitive } from './sensitive.js';

const PLACEHOLDER_ONLY = /^\$\{[A-Za-z_][A-Za-z0-9_.-]*\}$/;
/** `scheme://user:password@` (the password part non-empty). */
const USER_INFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#@\s:]*):([^/?#@\s]+)@/;
/** `?key=value`, `&key=value`, `;key=value` parameters. */
const PARAMETER = /[?&;]([A-Za-z0-9_.-]+)=([^&;#\s]*)/g;

/** Where `value` embeds a plaintext credential (`'the password of its URL user-info'`, `"parameter 'password'"`), or undefined. */
export function embeddedCredential(value: string): string | undefined {
  const info = USER_INFO.exec(value);
  if (info !== null && !PLACEHOLDER_ONLY.test(info[2]!)) return 'a password in its URL (user:password@host)';
  for (const m of value.matchAll(PARAMETER)) {
    const [, key, v] = m as unknown as [string, string, string];
    if (v !== '' && !PLACEHOLDER_ONLY.test(v) && isSensitive(key)) return `a '${key}' parameter`;
  }
  return undefined;
}
