import { describe, expect, it } from '@jest/globals';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import { CATALOG } from '../catalog/catalog.js';
import { buildV3Call } from './v3-request-builder.js';
import { redactPathAndQuery } from './redact-query.js';
import { signV3 } from '../signing/v3-signer.js';

const creds = {
  qqAppId: '100703379',
  wechatAppId: 'wxcde873f99466f74a',
  encode: 2 as const,
  msdkKey: 'msdkkey-demo-0123',
};
const query = (pathAndQuery: string) => Object.fromEntries(new URL(pathAndQuery, 'http://x').searchParams);

describe('V3 request builder', () => {
  it('signs the fixed query and maps accessToken onto openkey with a numeric appid', () => {
    const call = buildV3Call(
      CATALOG.auth.verifyLogin,
      creds,
      { openid: 'OID', accessToken: 'TOK', userip: '1.2.3.4' },
      { nowSeconds: 1478745715 },
    );
    expect(call.method).toBe('POST');
    expect(call.pathAndQuery.startsWith('/auth/verify_login?')).toBeTruthy();
    expect(query(call.pathAndQuery)).toEqual({
      timestamp: '1478745715',
      appid: '100703379',
      sig: '545bb404a39933023269754b2d52cbb7',
      openid: 'OID',
      encode: '2',
    });
    expect(call.body).toBe('{"appid":100703379,"openid":"OID","openkey":"TOK","userip":"1.2.3.4"}');
  });

  it('signs each second afresh, and each platform under its own appid, with the same credentials', () => {
    const at = (nowSeconds: number, entry: CatalogEntry = CATALOG.auth.verifyLogin) =>
      query(buildV3Call(entry, creds, { openid: 'OID', accessToken: 'TOK' }, { nowSeconds }).pathAndQuery);
    expect(at(1478745715).sig).toBe('545bb404a39933023269754b2d52cbb7');
    const next = at(1478745716);
    expect(next.timestamp).toBe('1478745716');
    expect(next.sig).toBe(signV3(creds.msdkKey, 1478745716));
    expect(at(1478745715).sig).toBe('545bb404a39933023269754b2d52cbb7');
    expect(at(1478745715, CATALOG.auth.guestCheckToken).appid).toBe('G_100703379');
    expect(at(1478745715).appid).toBe('100703379');
  });

  it('sends the guest openid as guestid under the G_ appid', () => {
    const call = buildV3Call(
      CATALOG.auth.guestCheckToken,
      creds,
      { openid: 'G_abc', accessToken: 'T' },
      { nowSeconds: 1 },
    );
    expect(query(call.pathAndQuery).appid).toBe('G_100703379');
    expect(JSON.parse(call.body!)).toEqual({ guestid: 'G_abc', accessToken: 'T' });
  });

  it('picks the appid from get_pfval platform and keeps the field', () => {
    const call = buildV3Call(
      CATALOG.auth.getPfval,
      creds,
      { openid: 'o', accessToken: 'T', platform: 'desktop_m_wx' },
      { nowSeconds: 1 },
    );
    expect(query(call.pathAndQuery).appid).toBe('wxcde873f99466f74a');
    expect(JSON.parse(call.body!)).toEqual({
      appid: 'wxcde873f99466f74a',
      openid: 'o',
      accessToken: 'T',
      platform: 'desktop_m_wx',
    });
  });

  it('adds configured version/ishttps/conn and the caller msdkExtInfo, else the default', () => {
    const withOpts = { ...creds, version: '3.0.0a', ishttps: 1 as const, conn: 1 as const };
    const q1 = query(
      buildV3Call(
        CATALOG.auth.checkToken,
        withOpts,
        { openid: 'o', accessToken: 'T', msdkExtInfo: 'abc_1' },
        { defaultExtInfo: 'rid' },
      ).pathAndQuery,
    );
    expect(q1.version).toBe('3.0.0a');
    expect(q1.ishttps).toBe('1');
    expect(q1.conn).toBe('1');
    expect(q1.msdkExtInfo).toBe('abc_1');
    const q2 = query(
      buildV3Call(CATALOG.auth.checkToken, creds, { openid: 'o', accessToken: 'T' }, { defaultExtInfo: 'rid' })
        .pathAndQuery,
    );
    expect(q2.msdkExtInfo).toBe('rid');
    expect(q2.version).toBe(undefined);
  });

  it('puts every field of a GET interface in the query, and redaction hides its token and sig', () => {
    const getRow: CatalogEntry = {
      ...CATALOG.auth.checkToken,
      method: 'GET',
      fields: { openid: 'openid', accessToken: 'access_token' },
    };
    const call = buildV3Call(getRow, creds, { openid: 'o', accessToken: 'SECRET', scene: 3 }, { nowSeconds: 5 });
    expect(call.body).toBe(undefined);
    const q = query(call.pathAndQuery);
    expect(q.access_token).toBe('SECRET');
    expect(q.scene).toBe('3');
    const redacted = redactPathAndQuery(call.pathAndQuery);
    expect(!redacted.includes('SECRET') && !redacted.includes(q.sig)).toBeTruthy();
  });
});
