import { Cluster, Redis, type ClusterNode, type ClusterOptions, type RedisOptions } from 'ioredis';
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

/** How the gateway reaches Redis: one node, a master found through sentinels, or a cluster. */
export type RedisMode = 'single' | 'sentinel' | 'cluster';

export function redisModeOf(options: RedisStoreOptions): RedisMode {
  return options.cluster ? 'cluster' : options.sentinel ? 'sentinel' : 'single';
}

/** ioredis's own timeout, in request budgets: a backstop that never fires before a budget does. */
const COMMAND_TIMEOUT_FACTOR = 4;

/** Reconnection backoff: 200 ms doubling to 2 s, so a Redis that is back is found within 2 s. */
const reconnectDelay = (times: number) => Math.min(100 * 2 ** Math.min(times, 5), 2000);

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
  const commandTimeout = Math.max(options.commandTimeoutMs * COMMAND_TIMEOUT_FACTOR, 200);
  const connectTimeout = Math.max(options.commandTimeoutMs * 10, 500);
  const perNode = {
    maxRetriesPerRequest: 0,
    commandTimeout,
    connectTimeout,
    // On close, ioredis waits this long for the socket's 'close' before destroying it; a socket a
    // failed TLS handshake already destroyed never closes again, so its 2 s default held shutdown.
    disconnectTimeout: 500,
    // Commands issued in the same event-loop turn go out in one write: under load that is one
    // syscall for many requests' GETs and counter hits instead of one each.
    enableAutoPipelining: true,
    ...redisTlsOptions(options.tls, options.sentinel !== undefined),
  } satisfies RedisOptions;
  let client: RedisConnection;
  if (options.cluster) {
    client = new Cluster([...options.cluster.nodes], clusterOptions(options, perNode, connectTimeout));
  } else if (options.sentinel) {
    client = new Redis({
      ...perNode,
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: false,
      retryStrategy: reconnectDelay,
      name: options.sentinel.name,
      sentinels: [...options.sentinel.sentinels],
      // A sentinel that does not answer is skipped for the next within this long.
      sentinelCommandTimeout: connectTimeout,
      // The sentinels announce a failover (+switch-master): reconnect to the new master at once
      // instead of when the reconnection backoff next comes round.
      failoverDetector: true,
    });
  } else {
    client = new Redis(options.url ?? 'redis://127.0.0.1:6379', {
      ...perNode,
      keyPrefix: options.keyPrefix,
      enableOfflineQueue: false,
      retryStrategy: reconnectDelay,
    });
  }
  client.on('error', onError);
  return client;
}

/**
 * A cluster client whose every retry fails at once instead: ioredis retries a command on its own
 * while a master is failing over (100 ms steps, up to 16 times: seconds), which no budget can
 * cut short. Failing at once, the request bypasses the cache for that key (or counts locally)
 * while its slot has no master; MOVED and ASK (a slot that has moved, or is moving) are still
 * followed, and each MOVED refreshes the slot map, so the new master is found by the first
 * command after the failover.
 */
function clusterOptions(options: RedisStoreOptions, perNode: RedisOptions, connectTimeout: number): ClusterOptions {
  return {
    keyPrefix: options.keyPrefix,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    // A dead master's connection closed: fail (0 turns the retry off), do not wait and resend.
    retryDelayOnFailover: 0,
    // CLUSTERDOWN (a slot has no master; with cluster-require-full-coverage, every slot): fail.
    retryDelayOnClusterDown: 0,
    // TRYAGAIN (a multi-key command during resharding): resend on the next turn, within the
    // redirections below. Every command here names one key, so it is not expected.
    retryDelayOnTryAgain: 0,
    // MOVED once after a failover, ASK once while a slot migrates: a few hops are plenty; more is
    // a slot map that keeps pointing at a dead node.
    maxRedirections: 3,
    // Slot-map refreshes run in the background; one node that hangs is left for the next this soon.
    slotsRefreshTimeout: connectTimeout,
    clusterRetryStrategy: reconnectDelay,
    redisOptions: perNode,
  };
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
