import type { Platform } from '#msdk';

/**
 * The sandbox's documented token rule: every token is valid except those starting with
 * `expired`, `revoked` or `invalid`, which get the platform's own rejection, wrapped the way
 * MSDK wraps it (mobile QQ: ret -10000 "<code>,<text>"; WeChat: ret -20000).
 */
export function tokenRejection(token: string, platform: Platform): { ret: number; msg: string } | undefined {
  const kind = token.startsWith('expired')
    ? 'expired'
    : token.startsWith('revoked')
      ? 'revoked'
      : token.startsWith('invalid')
        ? 'invalid'
        : undefined;
  if (!kind) return undefined;
  if (platform === 'wechat') {
    return kind === 'expired'
      ? { ret: -20000, msg: '42001,access_token expired' }
      : { ret: -20000, msg: '40001,invalid credential, access_token is invalid or not latest' };
  }
  const qq = {
    expired: '100014,token expired',
    revoked: '100015,token revoked',
    invalid: '-73,token invalidated',
  } as const;
  return { ret: -10000, msg: qq[kind] };
}
