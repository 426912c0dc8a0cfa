import type { CatalogEntry } from './catalog-entry.js';

/** friend interfaces. */
export const FRIEND_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
