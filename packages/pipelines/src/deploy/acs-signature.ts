/**
 * Alibaba Cloud's V3 request signature (`ACS3-HMAC-SHA256`) for ROA APIs such as Realtime Compute's ververica
 * 2022-07-18: a canonical request (method, path, sorted query, the signed headers — host, content-type and every
 * `x-acs-*` — and the body's SHA-256) is hashed, the hash signed with the AccessKey secret (HMAC-SHA256), and the
 * result sent as `Authorization: ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<names>,Signature=<hex>`.
 * The secret never leaves this function.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';

export interface AccessKey {
  readonly id: string;
  readonly secret: string;
}

export const enc = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A request path as Alibaba's SDKs send it (and sign it): every segment percent-encoded, `:` included
 * (`/jobs%3Astart`), so the path the service receives is the canonical one.
 */
export const encodePath = (path: string): string => path.split('/').map((seg) => enc(seg)).join('/');

/** (The URL is taken as text: no DOM or Node `URL` type in the published declarations.) */
export function canonicalRequest(method: string, href: string, headers: Readonly<Record<string, string>>, body: string): { readonly text: string; readonly signedHeaders: string } {
  const url = new URL(href);
  const names = Object.keys(headers).map((h) => h.toLowerCase()).filter((h) => h === 'host' || h === 'content-type' || h.startsWith('x-acs-')).sort();
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const query = [...url.searchParams].map(([k, v]) => [enc(k), enc(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const path = url.pathname.split('/').map((seg) => enc(decodeURIComponent(seg))).join('/');
  const text = [method.toUpperCase(), path, query, names.map((n) => `${n}:${(lower[n] ?? '').trim()}\n`).join(''), names.join(';'), sha256Hex(body)].join('\n');
  return { text, signedHeaders: names.join(';') };
}

/** The headers to add to a request: the x-acs-* ones and Authorization. */
export function signAcs3(key: AccessKey, method: string, href: string, action: string, version: string, headers: Readonly<Record<string, string>>, body: string): Record<string, string> {
  const url = new URL(href);
  const all: Record<string, string> = {
    ...headers,
    host: url.host,
    'x-acs-action': action,
    'x-acs-version': version,
    'x-acs-date': new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomUUID(),
    'x-acs-content-sha256': sha256Hex(body),
  };
  const { text, signedHeaders } = canonicalRequest(method, href, all, body);
  const signature = createHmac('sha256', key.secret).update(`ACS3-HMAC-SHA256\n${sha256Hex(text)}`, 'utf8').digest('hex');
  return { ...all, authorization: `ACS3-HMAC-SHA256 Credential=${key.id},SignedHeaders=${signedHeaders},Signature=${signature}` };
}
