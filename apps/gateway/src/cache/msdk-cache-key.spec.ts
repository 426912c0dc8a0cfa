import { describe, expect, it } from '@jest/globals';
import { CATALOG, type CatalogEntry } from '#msdk';
import { msdkCacheKey } from './msdk-cache-key.js';

describe('msdkCacheKey', () => {
  const friends = CATALOG.relation.qqfriendsDetail as CatalogEntry;

  it('is versioned and names game, appid, interface, openid and the key fields in order', () => {
    const key = msdkCacheKey('demo', '100703379', friends, {
      openid: 'OID',
      accessToken: 'SECRET',
      closefriends_flag: 1,
      flag: 2,
    });
    expect(key).toBe('msdk:v2:demo:100703379:relation.qqfriends_detail:OID:flag=2&closefriends_flag=1');
  });

  it('never contains the token', () => {
    const key = msdkCacheKey('demo', '1', friends, { openid: 'OID', accessToken: 'SECRET-TOKEN', flag: 1 });
    expect(!key.includes('SECRET')).toBeTruthy();
  });

  it('sorts id lists so the same set is the same key', () => {
    const wxprofile = CATALOG.relation.wxprofile as CatalogEntry;
    const a = msdkCacheKey('g', 'wx', wxprofile, { openid: 'o', openids: ['b', 'a'] });
    const b = msdkCacheKey('g', 'wx', wxprofile, { openid: 'o', openids: ['a', 'b'] });
    expect(a).toBe(b);
  });
});
