/**
 * The ACS3-HMAC-SHA256 signature the Alibaba client sends, against Alibaba's own implementation: the expected
 * Authorization values below were produced by `getAuthorization` of @alicloud/openapi-util 0.3.3 (the util
 * Alibaba's generated SDKs sign with; run outside the repository, which does not depend on it) for the same
 * requests, date and nonce — the path encoded as the SDKs send it (`jobs%3Astart`), a query with a space.
 */
import { describe, expect, it } from 'vitest';
import { enc, encodePath, signAcs3 } from '../../packages/pipelines/src/deploy/acs-signature.js';

const HOST = 'https://ververica.cn-hangzhou.aliyuncs.com';
const SIGNED = 'SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version';
const cases = [
  { action: 'StartJobWithParams', method: 'POST', path: '/api/v2/namespaces/ns-1/jobs:start', query: {}, body: '{"deploymentId":"d-1","restoreStrategy":{"kind":"FROM_SAVEPOINT","savepointId":"sp-1","allowNonRestoredState":false}}', signature: 'c8ebcf2e8e6637fbdf7cca589e38a4f8c6d28191f1ff281d95e71828c64c79f1' },
  { action: 'ListDeployments', method: 'GET', path: '/api/v2/namespaces/ns-1/deployments', query: { name: 'wrongbook wide', pageIndex: '1', pageSize: '100' }, body: '', signature: '419780175a64b0d4d20d982b4220a9ac270826164fa126f7158743a8451160e7' },
  { action: 'StopJob', method: 'POST', path: '/api/v2/namespaces/ns-1/jobs/j-1:stop', query: {}, body: '{"stopStrategy":"STOP_WITH_SAVEPOINT"}', signature: 'dc0884c95fa9827111c623b5219f40c5df8b2493062ad4c0ba2f796bfbb1c636' },
] as const;

describe('ACS3-HMAC-SHA256 as Alibaba signs it', () => {
  for (const c of cases) {
    it(`${c.action}: the same Authorization as @alicloud/openapi-util`, () => {
      const search = Object.entries(c.query).map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
      const href = `${HOST}${encodePath(c.path)}${search === '' ? '' : `?${search}`}`;
      const headers = signAcs3({ id: 'id-1', secret: 'secret-1' }, c.method, href, c.action, '2022-07-18', { 'content-type': 'application/json', workspace: 'ws-1', accept: 'application/json' }, c.body, { date: '2026-12-07T01:00:00Z', nonce: 'nonce-1' });
      expect(headers.authorization).toBe(`ACS3-HMAC-SHA256 Credential=id-1,${SIGNED},Signature=${c.signature}`);
    });
  }
});
