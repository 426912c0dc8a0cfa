import type { CatalogEntry } from './catalog-entry.js';

/** relation interfaces. */
export const RELATION_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
