import type { UpstreamTlsOptions } from '#msdk';
import type { RedisTlsOptions } from '#cache';
import type { ProblemList } from './config-error.js';
import { flag, type Json } from './config-readers.js';
import type { Env } from './env-source.js';
import { readCaFile } from './read-ca-file.js';

/**
 * `upstream.caFile` (MSDK_CA_FILE): the CA that https: MSDK URLs must verify against. A CA file
 * with no https: URL is a mistake (the operator believes the traffic is encrypted), so it is one.
 */
export function loadUpstreamTls(o: Json, env: Env, urls: readonly string[], problems: ProblemList): UpstreamTlsOptions {
  const ca = readCaFile(env.MSDK_CA_FILE ?? o.caFile, 'upstream.caFile (MSDK_CA_FILE)', problems);
  if (ca !== undefined && !urls.some((u) => u.startsWith('https:')))
    problems.add('upstream.caFile (MSDK_CA_FILE) is set but no MSDK URL is https:');
  return ca === undefined ? {} : { ca };
}

/**
 * Redis over TLS: a single node by its rediss:// URL, a cluster or sentinel group by
 * `cache.redisTls` (REDIS_TLS); `cache.redisCaFile` (REDIS_CA_FILE) names the CA its
 * certificates must verify against. Undefined: plain TCP.
 */
export function loadRedisTls(
  o: Json,
  env: Env,
  redis: { readonly url?: string } | undefined,
  problems: ProblemList,
): RedisTlsOptions | undefined {
  const ca = readCaFile(env.REDIS_CA_FILE ?? o.redisCaFile, 'cache.redisCaFile (REDIS_CA_FILE)', problems);
  const flagged = flag(env.REDIS_TLS, 'REDIS_TLS', o.redisTls, 'cache.redisTls', problems, false);
  let on: boolean;
  if (redis?.url !== undefined) {
    on = redis.url.startsWith('rediss:');
    if (flagged && !on) problems.add('cache.redisTls (REDIS_TLS) is on but the Redis URL is redis://: use rediss://');
  } else {
    on = redis !== undefined && flagged;
  }
  if (ca !== undefined && !on)
    problems.add(
      'cache.redisCaFile (REDIS_CA_FILE) is set but Redis is not reached over TLS (rediss:// URL, or cache.redisTls)',
    );
  if (!on) return undefined;
  return ca === undefined ? {} : { ca };
}
