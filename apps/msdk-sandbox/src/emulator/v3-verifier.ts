import { signV3, type Platform, type V3Credentials } from '#msdk';
import type { AppRegistry } from './app-registry.js';

export type V3Verdict =
  | { readonly ok: true; readonly platform: Platform; readonly appid: string }
  | { readonly ok: false; readonly ret: number; readonly msg: string };

const REQUIRED = ['timestamp', 'appid', 'sig', 'encode'] as const;

/** MSDK's access layer: required query present, appid known, sig = md5(key + timestamp). */
export function verifyV3Query(
  query: Record<string, string>,
  apps: AppRegistry,
  maxSkewSeconds: number,
  nowSeconds: number,
): V3Verdict {
  const missing = REQUIRED.filter((k) => !query[k]);
  if (missing.length) return { ok: false, ret: -506, msg: `missing params: ${missing.join(',')}` };
  const known = apps.byAppid(query.appid);
  if (!known) return { ok: false, ret: -502, msg: 'sig error' };
  const timestamp = Number(query.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > maxSkewSeconds)
    return { ok: false, ret: -502, msg: 'sig error' };
  const key = signingKey(known.app, known.platform, query.encode);
  if (!key || signV3(key, timestamp) !== query.sig) return { ok: false, ret: -502, msg: 'sig error' };
  return { ok: true, platform: known.platform, appid: query.appid };
}

function signingKey(
  app: V3Credentials | { msdkKey: string; qqAppKey?: string; wechatAppKey?: string },
  platform: Platform,
  encode: string,
): string | undefined {
  if (encode === '2') return app.msdkKey;
  if (encode === '1') return platform === 'wechat' ? app.wechatAppKey : app.qqAppKey;
  return undefined;
}
