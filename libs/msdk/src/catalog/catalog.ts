import type { CatalogEntry } from './catalog-entry.js';
import { AUTH_CATALOG } from './auth.catalog.js';
import { FREEFLOW_CATALOG } from './freeflow.catalog.js';
import { FRIEND_CATALOG } from './friend.catalog.js';
import { GROUP_CATALOG } from './group.catalog.js';
import { PROFILE_CATALOG } from './profile.catalog.js';
import { RELATION_CATALOG } from './relation.catalog.js';
import { SHARE_CATALOG } from './share.catalog.js';

/** Every interface the gateway fronts, by gateway domain. Adding an interface is adding a row. */
export const CATALOG = {
  auth: AUTH_CATALOG,
  relation: RELATION_CATALOG,
  group: GROUP_CATALOG,
  profile: PROFILE_CATALOG,
  share: SHARE_CATALOG,
  freeflow: FREEFLOW_CATALOG,
  friend: FRIEND_CATALOG,
} as const;

export type Domain = keyof typeof CATALOG;

export const ALL_ENTRIES: readonly CatalogEntry[] = Object.values(CATALOG).flatMap(
  (domain) => Object.values(domain) as CatalogEntry[],
);
