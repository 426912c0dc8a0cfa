import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore } from './cache-store.js';
import {
  createRedisConnection,
  waitUntilReady,
  type RedisConnection,
  type RedisStoreOptions,
} from './redis-connection.js';

export type { RedisStoreOptions } from './redis-connection.js';

/**
 * Redis through ioredis (see createRedisConnection): a slow or dead Redis costs a request at
 * most `commandTimeoutMs`, and caching resumes by itself once Redis is back.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: RedisConnection;

  constructor(options: RedisStoreOptions, onError: (error: Error) => void = () => undefined) {
    this.client = createRedisConnection(options, onError);
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const bytes = await this.client.getBuffer(key);
    return bytes === null ? undefined : decodeEntry(bytes);
  }

  async set(key: string, entry: CacheEntry, keepMs: number): Promise<void> {
    await this.client.set(key, encodeEntry(entry), 'PX', Math.max(1, Math.round(keepMs)));
  }

  async warmUp(timeoutMs: number): Promise<void> {
    await waitUntilReady(this.client, timeoutMs);
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }
}
