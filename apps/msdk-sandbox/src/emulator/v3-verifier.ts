import { signV3, type Platform } from '#msdk';
import type { SandboxApp } from '../sandbox-options.js';
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
  const keys = signingKeys(known.app, known.platform, query.encode);
  if (!keys.some((key) => signV3(key, timestamp) === query.sig)) return { ok: false, ret: -502, msg: 'sig error' };
  return { ok: true, platform: known.platform, appid: query.appid };
}

/** The keys a signature may be made with: the msdkkey (and any former one still accepted) or the platform appkey. */
function signingKeys(app: SandboxApp, platform: Platform, encode: string): string[] {
  if (encode === '2') return [app.msdkKey, ...(app.formerMsdkKeys ?? [])];
  const appKey = encode === '1' ? (platform === 'wechat' ? app.wechatAppKey : app.qqAppKey) : undefined;
  return appKey ? [appKey] : [];
}
