import { md5Hex } from './md5-hex.js';
import type { Platform } from '../catalog/catalog-entry.js';
import type { V3Credentials } from '../credentials.js';
import { MissingCredentialError } from '../errors/msdk-errors.js';

/**
 * V3 sig: lowercase hex md5(key + timestamp), timestamp in seconds. Not memoized here: the
 * request builder keeps each game and platform's signed query head for the second it was made.
 */
export function signV3(key: string, timestampSeconds: number): string {
  return md5Hex(key + String(timestampSeconds));
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
  return platform === 'wechat' ? require_(creds.wechatAppKey, 'wechatAppKey') : require_(creds.qqAppKey, 'qqAppKey');
}

function require_(value: string | undefined, name: string): string {
  if (!value) throw new MissingCredentialError(name);
  return value;
}
