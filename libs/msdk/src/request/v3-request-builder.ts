import type { CatalogEntry, Platform } from '../catalog/catalog-entry.js';
import type { V3Credentials } from '../credentials.js';
import { signV3, v3AppId, v3SigningKey } from '../signing/v3-signer.js';
import { UNIFIED_FIELDS, type CallerPayload, type UpstreamCall } from './caller-payload.js';
import { FormQuery, formValue } from './form-query.js';
import { gatewayOnlyField, resolvePlatform } from './resolve-platform.js';

export interface V3BuildOptions {
  /** Seconds since the epoch; injectable so tests can pin signatures. */
  readonly nowSeconds?: number;
  /** msdkExtInfo to send when the caller gave none (the gateway passes its request id). */
  readonly defaultExtInfo?: string;
}

/**
 * Builds the signed V3 call for any catalog row: fixed query (timestamp, appid, sig, openid,
 * encode, then the optional version/ishttps/conn/msdkExtInfo), and the body with the caller's
 * unified fields renamed to what this interface calls them.
 */
export function buildV3Call(
  entry: CatalogEntry,
  creds: V3Credentials,
  payload: CallerPayload,
  options: V3BuildOptions = {},
): UpstreamCall {
  const platform = resolvePlatform(entry, payload);
  const appid = v3AppId(creds, platform);
  const timestamp = options.nowSeconds ?? Math.floor(Date.now() / 1000);

  const shared = sharedQuery(creds, platform, appid, timestamp);
  // Written straight out: the names here are fixed and form-safe, only the values need checking.
  let query = `${shared.head}&openid=${formValue(payload.openid)}${shared.tail}`;
  const extInfo = payload.msdkExtInfo ?? options.defaultExtInfo;
  if (extInfo !== undefined) query += `&msdkExtInfo=${formValue(extInfo)}`;

  const fields = interfaceFields(entry, payload, appid);
  if (entry.method === 'GET') {
    const rest = new FormQuery();
    for (const name of Object.keys(fields)) rest.add(name, queryValue(fields[name]));
    if (rest.text !== '') query += `&${rest.text}`;
    return { method: 'GET', pathAndQuery: `${entry.path}?${query}`, body: undefined, appid };
  }
  return { method: 'POST', pathAndQuery: `${entry.path}?${query}`, body: JSON.stringify(fields), appid };
}

/**
 * What every call of one game and platform sends around the openid: the head (timestamp, appid,
 * sig) changes once a second, the tail (encode, then the configured version, ishttps, conn)
 * never. Written once, not as seven pairs per call.
 */
interface SharedQuery {
  seconds: number;
  head: string;
  /** With its leading `&` (the encode field is always there). */
  readonly tail: string;
}

const sharedQueries = new WeakMap<V3Credentials, Map<Platform, SharedQuery>>();

function sharedQuery(creds: V3Credentials, platform: Platform, appid: string, timestamp: number): SharedQuery {
  let byPlatform = sharedQueries.get(creds);
  if (!byPlatform) sharedQueries.set(creds, (byPlatform = new Map<Platform, SharedQuery>()));
  let shared = byPlatform.get(platform);
  if (!shared) byPlatform.set(platform, (shared = { seconds: Number.NaN, head: '', tail: fixedTail(creds) }));
  if (shared.seconds !== timestamp) {
    const head = new FormQuery();
    head.add('timestamp', String(timestamp));
    head.add('appid', appid);
    head.add('sig', signV3(v3SigningKey(creds, platform), timestamp));
    shared.seconds = timestamp;
    shared.head = head.text;
  }
  return shared;
}

function fixedTail(creds: V3Credentials): string {
  const tail = new FormQuery();
  tail.add('encode', String(creds.encode));
  if (creds.version !== undefined) tail.add('version', creds.version);
  if (creds.ishttps !== undefined) tail.add('ishttps', String(creds.ishttps));
  if (creds.conn !== undefined) tail.add('conn', String(creds.conn));
  return `&${tail.text}`;
}

/** Where a row's appid goes (`reqBody.appid` is a path of two) and whether MSDK wants it as a number. */
interface AppidField {
  readonly path: readonly string[];
  readonly numeric: boolean;
}

/** Catalog rows never change: their appid fields are read once, not on every call. */
const appidFieldsOf = new WeakMap<CatalogEntry, readonly AppidField[]>();

function appidFields(entry: CatalogEntry): readonly AppidField[] {
  let fields = appidFieldsOf.get(entry);
  if (!fields) {
    fields = Object.entries(entry.fields.appid ?? {}).map(([name, type]) => ({
      path: name.split('.'),
      numeric: type === 'number',
    }));
    appidFieldsOf.set(entry, fields);
  }
  return fields;
}

/** The interface's own fields: appid fields first (as MSDK's examples), then identity, then the rest. */
export function interfaceFields(entry: CatalogEntry, payload: CallerPayload, appid: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = appidFields(entry);
  const valueOf = (field: AppidField) => (field.numeric && /^\d+$/.test(appid) ? Number(appid) : appid);
  for (const field of fields) if (field.path.length === 1) out[field.path[0]] = valueOf(field);
  if (entry.fields.openid) out[entry.fields.openid] = payload.openid;
  if (entry.fields.accessToken && payload.accessToken !== undefined)
    out[entry.fields.accessToken] = payload.accessToken;
  const skip = gatewayOnlyField(entry);
  for (const name of Object.keys(payload)) {
    const value = payload[name];
    if (value === undefined || UNIFIED_FIELDS.has(name) || name === skip) continue;
    out[name] = value;
  }
  // A nested appid (wxsend_groupmsg's reqBody.appid) goes into a copy of the caller's object.
  for (const field of fields)
    if (field.path.length === 2) withNested(out, field.path[0], field.path[1], valueOf(field));
  return out;
}

function withNested(out: Record<string, unknown>, parent: string, child: string, value: unknown): void {
  const inner = out[parent];
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) out[parent] = { ...inner, [child]: value };
}

function queryValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
