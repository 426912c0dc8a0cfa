import type { CatalogEntry } from './catalog-entry.js';

/** profile interfaces. */
export const PROFILE_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
