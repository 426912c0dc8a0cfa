import { Cluster } from 'ioredis';
import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore } from './cache-store.js';
import {
  createRedisConnection,
  waitUntilReady,
  type RedisConnection,
  type RedisStoreOptions,
} from './redis-connection.js';
import { RedisTlsWatch } from './redis-tls.js';

export type { RedisStoreOptions } from './redis-connection.js';

/**
 * Redis through ioredis (see createRedisConnection): a slow or dead Redis costs a request at
 * most `commandTimeoutMs`, and caching resumes by itself once Redis is back.
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: RedisConnection;
  private readonly tls = new RedisTlsWatch();

  constructor(options: RedisStoreOptions, onError: (error: Error) => void = () => undefined) {
    this.client = createRedisConnection(options, (error) => onError(this.tls.see(error)));
    this.client.on('ready', () => this.tls.connected());
    // A cluster reports its nodes' connection errors as 'node error' (ioredis's documented
    // event), a refused TLS handshake among them; its own 'error' says only that all failed.
    if (this.client instanceof Cluster) this.client.on('node error', (error: Error) => this.tls.see(error));
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

  /** Fails with the TLS reason when that is why Redis is not connected (readiness shows it). */
  async ping(): Promise<void> {
    // Known already, and a cluster not ready may hold the command instead of failing it.
    if (this.client.status !== 'ready' && this.tls.lastFailure) throw this.tls.lastFailure;
    try {
      await this.client.ping();
    } catch (error) {
      throw this.tls.lastFailure ?? error;
    }
  }

  close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }
}
