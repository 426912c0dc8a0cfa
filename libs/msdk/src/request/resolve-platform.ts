import { isPlatformFromField, type CatalogEntry, type Platform } from '../catalog/catalog-entry.js';
import { UnsupportedPlatformError } from '../errors/msdk-errors.js';
import type { CallerPayload } from './caller-payload.js';

/** The platform a call is made on: fixed by the row, or read from the field the row names. */
export function resolvePlatform(entry: CatalogEntry, payload: CallerPayload): Platform {
  if (!isPlatformFromField(entry.platform)) return entry.platform;
  const selector = entry.platform;
  const value = payload[selector.field];
  const platform = typeof value === 'string' || typeof value === 'number' ? selector.values[String(value)] : undefined;
  if (!platform) throw new UnsupportedPlatformError(selector.field, Object.keys(selector.values));
  return platform;
}

/** The selector field, when the row says it exists only for the gateway. */
export function gatewayOnlyField(entry: CatalogEntry): string | undefined {
  return isPlatformFromField(entry.platform) && !entry.platform.forward ? entry.platform.field : undefined;
}
