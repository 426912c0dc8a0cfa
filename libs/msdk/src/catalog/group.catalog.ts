import type { CatalogEntry } from './catalog-entry.js';

/** group interfaces. */
export const GROUP_CATALOG = {} as const satisfies Record<string, CatalogEntry>;
