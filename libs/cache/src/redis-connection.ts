import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';
import { redisTlsOptions, type RedisTlsOptions } from './redis-tls.js';

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL (single node). */
  readonly url?: string;
  /** Sentinel: the master group name and sentinel addresses. */
  readonly sentinel?: { readonly name: string; readonly sentinels: ReadonlyArray<{ host: string; port: number }> };
  /** Cluster: seed nodes. */
  readonly cluster?: { readonly nodes: readonly ClusterNode[] };
  /**
   * The most a request may wait on Redis, across its commands, before it bypasses the cache or
   * counts locally (RedisBudget); ioredis drops a command unanswered for several times this.
   */
  readonly commandTimeoutMs: number;
  readonly keyPrefix?: string;
  /** TLS to every Redis node (and sentinel); set for rediss:// URLs. Unset: plain TCP. */
  readonly tls?: RedisTlsOptions;
}

export type RedisConnection = Redis | Cluster;

/** ioredis's own timeout, in request budgets: a backstop that never fires before a budget does. */
const COMMAND_TIMEOUT_FACTOR = 4;

/**
 * An ioredis client configured so a slow or dead Redis never holds anyone: no offline queue (fail
 * at once while disconnected), no per-command retries, and reconnection in the background so
 * whoever uses it resumes by itself. Requests bound their own waits (RedisBudget, RedisBreaker);
 * ioredis's command timeout only drops commands no one waits for any more.
 */
export function createRedisConnection(
  options: RedisStoreOptions,
  onError: (error: Error) => void = () => undefined,
): RedisConnection {
  const common: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: Math.max(options.commandTimeoutMs * COMMAND_TIMEOUT_FACTOR, 200),
    connectTimeout: Math.max(options.commandTimeoutMs * 10, 500),
    // On close, ioredis waits this long for the socket's 'close' before destroying it; a socket a
    // failed TLS handshake already destroyed never closes again, so its 2 s default held shutdown.
    disconnectTimeout: 500,
    retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
    keyPrefix: options.keyPrefix,
    lazyConnect: false,
    // Commands issued in the same event-loop turn go out in one write: under load that is one
    // syscall for many requests' GETs and counter hits instead of one each.
    enableAutoPipelining: true,
    ...redisTlsOptions(options.tls, options.sentinel !== undefined),
  };
  let client: RedisConnection;
  if (options.cluster) {
    client = new Cluster([...options.cluster.nodes], {
      enableOfflineQueue: false,
      enableAutoPipelining: true,
      redisOptions: common,
      clusterRetryStrategy: common.retryStrategy,
    });
  } else if (options.sentinel) {
    client = new Redis({ ...common, name: options.sentinel.name, sentinels: [...options.sentinel.sentinels] });
  } else {
    client = new Redis(options.url ?? 'redis://127.0.0.1:6379', common);
  }
  client.on('error', onError);
  return client;
}

/** Commands fail fast while disconnected, so give the first connection a moment at startup. */
export async function waitUntilReady(client: RedisConnection, timeoutMs: number): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
