/**
 * Receiver secrets never appear in generated files: a channel URL with a token in its query string or user info,
 * or a robot API URL (which carries its token), is refused — the token belongs in the bridge / gateway, or in a
 * file Alertmanager reads. Also used by the plaintext-credential scan over generated artifacts.
 */
const TOKEN_PARAMETERS = /[?&](access_token|token|key|secret|sign|password|apikey|api_key)=/i;
const ROBOT_APIS = /oapi\.dingtalk\.com\/robot\/send|qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send/i;

/** Why this URL would put a secret into the configuration, or undefined when it does not. */
export function urlSecretProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `'${url}' is not a URL`;
  }
  if (parsed.username !== '' || parsed.password !== '') return 'it carries credentials in its user info';
  if (TOKEN_PARAMETERS.test(parsed.search)) return 'it carries a token in its query string';
  if (ROBOT_APIS.test(url)) return "it is a robot's API address, whose token would be written into the configuration";
  return undefined;
}

/** Secrets found in a generated text file: URLs with tokens, robot API addresses, password-like YAML keys with values. */
export function secretsInText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s'"]+/g)) {
    const problem = urlSecretProblem(m[0]);
    if (problem !== undefined) found.push(`${m[0]}: ${problem}`);
  }
  for (const m of text.matchAll(/^\s*"?(auth_password|auth_secret|api_secret|password|bot_token|credentials|routing_key|service_key)"?\s*:\s*(.+)$/gim)) {
    if (!/^['"]?\$\{[A-Za-z0-9_]+\}['"]?,?$/.test(m[2]!.trim())) found.push(`${m[1]!}: a value is written`);
  }
  return found;
}
