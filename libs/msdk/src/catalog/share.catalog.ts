import type { CatalogEntry } from './catalog-entry.js';

/** share interfaces. */
export const SHARE_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
