import { signV5, v5PlatformOfChannel, type Platform } from '#msdk';
import type { AppRegistry } from './app-registry.js';

export type V5Verdict =
  | { readonly ok: true; readonly platform: Platform; readonly appid: string }
  | { readonly ok: false; readonly ret: number; readonly msg: string };

/** What arrived on the wire, before any parsing: the sig covers these exact bytes. */
export interface V5Received {
  /** The request target as received: base path + interface path + raw query. */
  readonly rawUrl: string;
  /** Where the sandbox serves V5 (`/v5`); not part of the signed path. */
  readonly basePath: string;
  readonly rawBody: string;
}

/** seq and version may legitimately be empty; these may not. */
const REQUIRED = ['channelid', 'gameid', 'os', 'ts', 'sig'] as const;
const SIG_ERROR = { ok: false, ret: -502, msg: 'sig error' } as const;

/**
 * ITOP's access layer: required query present, channel known, gameid known, ts within the skew,
 * sig = md5(interface path + "?" + query without sig + raw body + sigkey). The query is taken
 * from the raw URL, not re-encoded from parsed values, so encoding slips are caught too.
 */
export function verifyV5Call(
  received: V5Received,
  apps: AppRegistry,
  maxSkewSeconds: number,
  nowSeconds: number,
): V5Verdict {
  const q = received.rawUrl.indexOf('?');
  const fullPath = q < 0 ? received.rawUrl : received.rawUrl.slice(0, q);
  const rawQuery = q < 0 ? '' : received.rawUrl.slice(q + 1);
  const params = new URLSearchParams(rawQuery);

  const missing = REQUIRED.filter((k) => !params.get(k));
  if (missing.length) return { ok: false, ret: -506, msg: `missing params: ${missing.join(',')}` };
  const platform = v5PlatformOfChannel(params.get('channelid')!);
  if (!platform) return { ok: false, ret: -506, msg: 'invalid params: channelid' };
  const app = apps.byV5GameId(params.get('gameid')!);
  if (!app?.v5) return SIG_ERROR;
  const ts = Number(params.get('ts'));
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > maxSkewSeconds) return SIG_ERROR;

  const path = fullPath.startsWith(received.basePath) ? fullPath.slice(received.basePath.length) : fullPath;
  const expected = signV5(path, withoutSig(rawQuery), received.rawBody, app.v5.sigKey);
  if (expected !== params.get('sig')) return SIG_ERROR;
  return { ok: true, platform, appid: app.v5.gameId };
}

/** The raw query minus its `sig` pair, every other byte untouched. */
function withoutSig(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => !pair.startsWith('sig='))
    .join('&');
}
