import { md5Hex } from './md5-hex.js';
import type { Platform } from '../catalog/catalog-entry.js';
import type { V3Credentials } from '../credentials.js';
import { MissingCredentialError } from '../errors/msdk-errors.js';

/** The last sig per signing key: it changes once a second, so most calls need no md5 at all. */
const lastSig = new Map<string, { readonly seconds: number; readonly sig: string }>();
/** Signing keys come from configuration (a few per game); past this many, sigs are not kept. */
const MAX_KEPT = 256;

/** V3 sig: lowercase hex md5(key + timestamp), timestamp in seconds. */
export function signV3(key: string, timestampSeconds: number): string {
  const last = lastSig.get(key);
  if (last !== undefined && last.seconds === timestampSeconds) return last.sig;
  const sig = md5Hex(key + String(timestampSeconds));
  if (last !== undefined || lastSig.size < MAX_KEPT) lastSig.set(key, { seconds: timestampSeconds, sig });
  return sig;
}

/** The appid a platform's calls carry: guests use `G_<qq appid>`, Apple `A_<qq appid>`. */
export function v3AppId(creds: V3Credentials, platform: Platform): string {
  switch (platform) {
    case 'qq':
      return require_(creds.qqAppId, 'qqAppId');
    case 'wechat':
      return require_(creds.wechatAppId, 'wechatAppId');
    case 'guest':
      return `G_${require_(creds.qqAppId, 'qqAppId')}`;
    case 'apple':
      return `A_${require_(creds.qqAppId, 'qqAppId')}`;
  }
}

/** encode=2 signs with the msdkkey; encode=1 with the platform's appkey (guest/Apple use QQ's). */
export function v3SigningKey(creds: V3Credentials, platform: Platform): string {
  if (creds.encode === 2) return creds.msdkKey;
  return platform === 'wechat'
    ? require_(creds.wechatAppKey, 'wechatAppKey')
    : require_(creds.qqAppKey, 'qqAppKey');
}

function require_(value: string | undefined, name: string): string {
  if (!value) throw new MissingCredentialError(name);
  return value;
}
