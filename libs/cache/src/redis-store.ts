import { Cluster, Redis, type ClusterNode, type RedisOptions } from 'ioredis';
import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore } from './cache-store.js';

export interface RedisStoreOptions {
  /** redis:// or rediss:// URL (single node). */
  readonly url?: string;
  /** Sentinel: the master group name and sentinel addresses. */
  readonly sentinel?: { readonly name: string; readonly sentinels: ReadonlyArray<{ host: string; port: number }> };
  /** Cluster: seed nodes. */
  readonly cluster?: { readonly nodes: readonly ClusterNode[] };
  /** The most a command may take before we give up on it and bypass the cache. */
  readonly commandTimeoutMs: number;
  readonly keyPrefix?: string;
}

/**
 * Redis through ioredis, configured so a slow or dead Redis costs a request at most
 * `commandTimeoutMs`: no offline queue (fail at once while disconnected), no per-command
 * retries, and reconnection in the background so caching resumes by itself.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: Redis | Cluster;

  constructor(options: RedisStoreOptions, onError: (error: Error) => void = () => undefined) {
    const common: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs,
      connectTimeout: Math.max(options.commandTimeoutMs * 10, 500),
      retryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2000),
      keyPrefix: options.keyPrefix,
      lazyConnect: false,
    };
    if (options.cluster) {
      this.client = new Cluster([...options.cluster.nodes], { enableOfflineQueue: false, redisOptions: common, clusterRetryStrategy: common.retryStrategy });
    } else if (options.sentinel) {
      this.client = new Redis({ ...common, name: options.sentinel.name, sentinels: [...options.sentinel.sentinels] });
    } else {
      this.client = new Redis(options.url ?? 'redis://127.0.0.1:6379', common);
    }
    this.client.on('error', onError);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const text = await this.client.get(key);
    return text === null ? undefined : decodeEntry(text);
  }

  async set(key: string, entry: CacheEntry, keepMs: number): Promise<void> {
    await this.client.set(key, encodeEntry(entry), 'PX', Math.max(1, Math.round(keepMs)));
  }

  /** Commands fail fast while disconnected, so give the first connection a moment at startup. */
  async warmUp(timeoutMs: number): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.client.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async close(): Promise<void> {
    this.client.disconnect();
  }
}
