import type { RateLimitConfig, WindowLimit } from '../config/rate-limit-config.js';

export interface ClientLimits {
  /** The client's budget across all its calls. */
  readonly overall: WindowLimit;
  /** The client's own budget for this one interface, when one is configured. */
  readonly interface?: WindowLimit;
}

/** Which budgets a client's call of an interface draws on: per-client settings win over defaults. */
export function clientLimits(config: RateLimitConfig, client: string, interfaceId: string | undefined): ClientLimits {
  const own = config.clients[client];
  const overall = own?.limit ?? config.perClient;
  if (interfaceId === undefined) return { overall };
  return { overall, interface: own?.interfaces[interfaceId] ?? config.interfaces[interfaceId] };
}

/**
 * Counter keys. Catalog ids and game ids never contain `:`, and each key kind puts its
 * free-form part (client name, openid) last, so no two budgets can share a key.
 */
export const budgetKeys = {
  client: (client: string) => `rl:v1:client:${client}`,
  clientInterface: (interfaceId: string, client: string) => `rl:v1:iface:${interfaceId}:${client}`,
  user: (gameId: string, interfaceId: string, openid: string) => `rl:v1:user:${gameId}:${interfaceId}:${openid}`,
};
