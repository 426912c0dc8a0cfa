import { ALL_ENTRIES } from '#msdk';
import type { ProblemList } from './config-error.js';
import { asObject, flag, int, num, type Json } from './config-readers.js';
import type { Env } from './env-source.js';
import type { ClientRateLimits, RateLimitConfig, WindowLimit } from './rate-limit-config.js';

const INTERFACE_IDS = new Set(ALL_ENTRIES.map((e) => e.id));

const DEFAULT_PER_CLIENT: WindowLimit = { limit: 1000, windowMs: 1000 };
const DEFAULT_PER_USER: WindowLimit = { limit: 1, windowMs: 1000 };

/**
 * `rateLimits` section: a default budget per client, overrides per client, budgets per
 * client+interface, and the per-user frequency check. Client names must be configured clients; interfaces
 * must be catalog ids. `RATE_LIMITS_ENABLED=0` switches the client limits off for a deployment.
 */
export function loadRateLimitConfig(
  o: Json,
  env: Env,
  clientNames: readonly string[],
  problems: ProblemList,
): RateLimitConfig {
  const interfaces = (raw: unknown, path: string) => {
    const out: Record<string, WindowLimit> = {};
    for (const [id, value] of Object.entries(asObject(raw, path, problems))) {
      if (!INTERFACE_IDS.has(id)) problems.add(`${path}.${id}: not a catalog interface id (e.g. profile.get_gift)`);
      out[id] = windowLimit(value, `${path}.${id}`, problems);
    }
    return out;
  };

  const clients: Record<string, ClientRateLimits> = {};
  for (const [name, raw] of Object.entries(asObject(o.clients, 'rateLimits.clients', problems))) {
    const path = `rateLimits.clients.${name}`;
    if (!clientNames.includes(name)) problems.add(`${path}: not a configured client`);
    const c = asObject(raw, path, problems);
    clients[name] = {
      limit: c.limit === undefined ? undefined : windowLimit(c, path, problems),
      interfaces: interfaces(c.interfaces, `${path}.interfaces`),
    };
  }

  const perUser = asObject(o.perUser, 'rateLimits.perUser', problems);
  return {
    enabled: flag(env.RATE_LIMITS_ENABLED, 'RATE_LIMITS_ENABLED', o.enabled, 'rateLimits.enabled', problems, true),
    perClient: windowLimit(o.perClient, 'rateLimits.perClient', problems, DEFAULT_PER_CLIENT),
    clients,
    interfaces: interfaces(o.interfaces, 'rateLimits.interfaces'),
    perUser: {
      enabled: flag(undefined, '', perUser.enabled, 'rateLimits.perUser.enabled', problems, false),
      ...windowLimit(perUser, 'rateLimits.perUser', problems, DEFAULT_PER_USER),
    },
    fallbackShare: num(o, 'fallbackShare', 'rateLimits', problems, 1, 0.001, 1),
    leaseShare: num(o, 'leaseShare', 'rateLimits', problems, 0.01, 0, 0.5),
  };
}

function windowLimit(raw: unknown, path: string, problems: ProblemList, fallback?: WindowLimit): WindowLimit {
  const o = asObject(raw, path, problems);
  return {
    limit: int(o, 'limit', path, problems, fallback?.limit ?? 0, 1, 10_000_000),
    windowMs: int(o, 'windowMs', path, problems, fallback?.windowMs ?? 1000, 100, 86_400_000),
  };
}
