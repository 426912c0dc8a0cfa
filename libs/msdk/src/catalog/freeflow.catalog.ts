import { V3_POST, type CatalogEntry, type PlatformFromField } from './catalog-entry.js';

/**
 * The doc's examples sign free-flow calls with a QQ appid, but an openid only means something
 * under the appid it was issued for, so a WeChat user's lookup must be signed as WeChat. The
 * caller picks with a gateway-only `platform` (the DTO defaults it to `qq`); MSDK never sees it.
 */
const LOGIN_PLATFORM: PlatformFromField = { field: 'platform', values: { qq: 'qq', wechat: 'wechat' }, forward: false };

/** Carrier data-free ("free flow") lookups: /freeflow/*. Both are reads. */
export const FREEFLOW_CATALOG = {
  getinfo: {
    ...V3_POST,
    id: 'freeflow.getinfo',
    path: '/freeflow/getinfo',
    platform: LOGIN_PLATFORM,
    retry: 'safe',
    fields: { openid: 'openid', accessToken: null },
    summary: "Query the user's free-flow (data-free) subscription and the game's free-flow domains/IPs",
  },
  getCcinfo: {
    ...V3_POST,
    id: 'freeflow.get_ccinfo',
    path: '/freeflow/get_ccinfo',
    platform: LOGIN_PLATFORM,
    retry: 'safe',
    fields: { openid: 'openid', accessToken: null },
    summary: 'Look up an IP: operator, network type and region (for the free-flow function)',
  },
} as const satisfies Record<string, CatalogEntry>;
