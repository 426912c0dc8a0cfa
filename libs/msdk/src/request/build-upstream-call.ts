import type { CatalogEntry } from '../catalog/catalog-entry.js';
import type { GameCredentials } from '../credentials.js';
import { MissingCredentialError } from '../errors/msdk-errors.js';
import { MSDK_EXT_INFO_PATTERN, type CallerPayload, type UpstreamCall } from './caller-payload.js';
import { v3AppId } from '../signing/v3-signer.js';
import { resolvePlatform } from './resolve-platform.js';
import { buildV3Call } from './v3-request-builder.js';
import { buildV5Call } from './v5-request-builder.js';

export interface BuildOptions {
  readonly nowSeconds?: number;
  /** Our request id: V3 msdkExtInfo when the caller gave none, V5 seq. */
  readonly requestId?: string;
}

/** The one entry point from a catalog row and a caller's payload to a signed upstream call. */
export function buildUpstreamCall(
  entry: CatalogEntry,
  creds: GameCredentials,
  payload: CallerPayload,
  options: BuildOptions = {},
): UpstreamCall {
  if (entry.protocol === 'v3') {
    return buildV3Call(entry, creds.v3, payload, {
      nowSeconds: options.nowSeconds,
      defaultExtInfo: options.requestId ? extInfoSafe(options.requestId) : undefined,
    });
  }
  if (!creds.v5) throw new MissingCredentialError('v5');
  return buildV5Call(entry, creds.v5, payload, { nowSeconds: options.nowSeconds, seq: options.requestId });
}

/**
 * The appid a call for this row and payload goes out under (V3: the platform's appid, G_/A_ for
 * guests and Apple; V5: the gameid), without building or signing the call: cache keys need it
 * before anyone knows whether MSDK will be asked at all.
 */
export function upstreamAppId(entry: CatalogEntry, creds: GameCredentials, payload: CallerPayload): string {
  if (entry.protocol === 'v3') return v3AppId(creds.v3, resolvePlatform(entry, payload));
  if (!creds.v5) throw new MissingCredentialError('v5');
  return creds.v5.gameId;
}

/** msdkExtInfo allows only [A-Za-z0-9_]. Our own ids (hex) already qualify: they pass as they are. */
function extInfoSafe(id: string): string {
  return MSDK_EXT_INFO_PATTERN.test(id) ? id : id.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 64);
}
