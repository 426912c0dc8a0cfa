import type { CatalogEntry, Platform } from '../catalog/catalog-entry.js';
import type { V5Credentials } from '../credentials.js';
import { UnsupportedPlatformError } from '../errors/msdk-errors.js';
import { signV5 } from '../signing/v5-signer.js';
import type { CallerPayload, UpstreamCall } from './caller-payload.js';
import { resolvePlatform } from './resolve-platform.js';
import { interfaceFields } from './v3-request-builder.js';

/** V5 `channelid` per platform: the friend API serves WeChat (1) and QQ (2) only. */
export const V5_CHANNEL_IDS: Readonly<Partial<Record<Platform, number>>> = { wechat: 1, qq: 2 };

/** The platform a received `channelid` stands for (the sandbox's side of the same table). */
export function v5PlatformOfChannel(channelid: string): Platform | undefined {
  const found = Object.entries(V5_CHANNEL_IDS).find(([, id]) => String(id) === channelid);
  return found?.[0] as Platform | undefined;
}

export interface V5BuildOptions {
  /** Seconds since the epoch; injectable so tests can pin signatures. */
  readonly nowSeconds?: number;
  /** MSDK echoes it back in the answer's `seq`; the gateway passes its request id. */
  readonly seq?: string;
}

/**
 * Builds the signed V5 call for any V5 catalog row. The query is the protocol's fixed set in
 * sorted key order (channelid, gameid, os, seq, source, ts, version) with `sig` appended
 * last; the body is the interface's fields, serialised once and signed as those exact bytes.
 * The caller's `os` (default: the game's) is a query parameter, so it never reaches the body.
 */
export function buildV5Call(
  entry: CatalogEntry,
  creds: V5Credentials,
  payload: CallerPayload,
  options: V5BuildOptions = {},
): UpstreamCall {
  if (entry.method !== 'POST') throw new Error(`${entry.id}: V5 interfaces are POST (the sig covers the body)`);
  const platform = resolvePlatform(entry, payload);
  const channelid = V5_CHANNEL_IDS[platform];
  if (channelid === undefined)
    throw new UnsupportedPlatformError('channelid', Object.values(V5_CHANNEL_IDS).map(String));

  const { os, ...bodyPayload } = payload;
  const query = sortedQuery({
    channelid: String(channelid),
    gameid: creds.gameId,
    // The DTO admits only a number (1-5); anything else here means the game's default.
    os: String(typeof os === 'number' || typeof os === 'string' ? os : creds.os),
    seq: options.seq ?? '',
    source: '0',
    ts: String(options.nowSeconds ?? Math.floor(Date.now() / 1000)),
    version: creds.version,
  });
  const body = JSON.stringify(interfaceFields(entry, bodyPayload, creds.gameId));
  const sig = signV5(entry.path, query, body, creds.sigKey);
  return { method: 'POST', pathAndQuery: `${entry.path}?${query}&sig=${sig}`, body, appid: creds.gameId };
}

/** Keys in code-unit order, empty values kept (`version=` is sent even when empty). */
function sortedQuery(params: Record<string, string>): string {
  const keys = Object.keys(params).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(keys.map((k): [string, string] => [k, params[k]])).toString();
}
