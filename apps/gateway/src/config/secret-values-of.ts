import type { GatewayConfig } from './gateway-config.js';

/** Every configured key, so the logger can scrub them wherever they would appear. */
export function secretValuesOf(config: GatewayConfig): string[] {
  return config.games.flatMap((g) => {
    const { v3, v5 } = g.credentials;
    return [v3.msdkKey, v3.qqAppKey, v3.wechatAppKey, v5?.sigKey].filter((v): v is string => !!v);
  });
}
