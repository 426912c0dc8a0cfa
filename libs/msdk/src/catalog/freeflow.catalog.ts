import type { CatalogEntry } from './catalog-entry.js';

/** freeflow interfaces. */
export const FREEFLOW_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
