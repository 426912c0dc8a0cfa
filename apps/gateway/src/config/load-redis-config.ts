import type { RedisStoreOptions } from '#cache';
import type { ProblemList } from './config-error.js';
import { asObject, int, type Json } from './config-readers.js';
import type { Env } from './env-source.js';

type HostPort = { host: string; port: number };

/**
 * Where Redis is, from the `cache` section: one node (`redisUrl`, or REDIS_URL), a master found
 * through sentinels (`redisSentinel`) or a cluster (`redisCluster`): at most one of them. Each
 * object is checked field by field (a missing, empty or unknown field is named), since a
 * half-written one would otherwise start a gateway that quietly has no shared cache.
 */
export function loadRedisConfig(o: Json, env: Env, problems: ProblemList): RedisStoreOptions | undefined {
  const commandTimeoutMs = int(o, 'redisCommandTimeoutMs', 'cache', problems, 50, 1, 10_000);
  const keyPrefix = typeof o.redisKeyPrefix === 'string' ? o.redisKeyPrefix : undefined;
  const url = redisUrl(env.REDIS_URL ?? o.redisUrl, problems);
  const sentinel = o.redisSentinel === undefined ? undefined : redisSentinel(o.redisSentinel, problems);
  const cluster = o.redisCluster === undefined ? undefined : redisCluster(o.redisCluster, problems);

  const chosen = [
    url && 'cache.redisUrl (REDIS_URL)',
    sentinel && 'cache.redisSentinel',
    cluster && 'cache.redisCluster',
  ].filter(Boolean);
  if (chosen.length > 1) problems.add(`${chosen.join(' and ')}: set only one way to reach Redis`);

  if (sentinel) return { commandTimeoutMs, keyPrefix, sentinel };
  if (cluster) return { commandTimeoutMs, keyPrefix, cluster };
  if (url) return { commandTimeoutMs, keyPrefix, url };
  return undefined;
}

/** `{name, sentinels: [{host, port}, ...]}`: the master group the sentinels watch, and where they are. */
function redisSentinel(value: unknown, problems: ProblemList): RedisStoreOptions['sentinel'] {
  const path = 'cache.redisSentinel';
  const o = knownFields(value, path, ['name', 'sentinels'], problems);
  if (typeof o.name !== 'string' || o.name === '') {
    problems.add(`${path}.name must be the master group's name (a non-empty string, as in "sentinel monitor <name>")`);
  }
  const sentinels = hostPorts(o.sentinels, `${path}.sentinels`, problems);
  return { name: typeof o.name === 'string' ? o.name : '', sentinels };
}

/** `{nodes: [{host, port}, ...]}`: seed nodes; the client learns the rest from them. */
function redisCluster(value: unknown, problems: ProblemList): RedisStoreOptions['cluster'] {
  const o = knownFields(value, 'cache.redisCluster', ['nodes'], problems);
  return { nodes: hostPorts(o.nodes, 'cache.redisCluster.nodes', problems) };
}

/** A non-empty array of `{host, port}`, both required. */
function hostPorts(value: unknown, path: string, problems: ProblemList): HostPort[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add(`${path} must be a non-empty array of {"host", "port"}`);
    return [];
  }
  return value.map((raw, i) => {
    const at = `${path}[${i}]`;
    const node = knownFields(raw, at, ['host', 'port'], problems);
    if (typeof node.host !== 'string' || node.host === '') problems.add(`${at}.host must be a non-empty string`);
    if (node.port === undefined) problems.add(`${at}.port is required (an integer from 1 to 65535)`);
    const port = node.port === undefined ? 0 : int(node, 'port', at, problems, 0, 1, 65535);
    return { host: typeof node.host === 'string' ? node.host : '', port };
  });
}

/** The object at `path`, with a problem for each field it should not have (a typo, most often). */
function knownFields(value: unknown, path: string, fields: readonly string[], problems: ProblemList): Json {
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.add(`${path} must be an object with ${fields.map((f) => `"${f}"`).join(', ')}`);
    return {};
  }
  const o = asObject(value, path, problems);
  for (const key of Object.keys(o)) {
    if (!fields.includes(key)) problems.add(`${path}.${key}: unknown field (expected ${fields.join(', ')})`);
  }
  return o;
}

/** A redis:// or rediss:// URL (REDIS_URL or cache.redisUrl), or none. */
function redisUrl(value: unknown, problems: ProblemList): string | undefined {
  // An empty REDIS_URL= (as env files write "unset") means no Redis.
  if (value === undefined || value === '') return undefined;
  const ok = typeof value === 'string' && URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol);
  if (!ok) problems.add('cache.redisUrl (REDIS_URL) must be a redis:// or rediss:// URL');
  return ok ? value : undefined;
}
