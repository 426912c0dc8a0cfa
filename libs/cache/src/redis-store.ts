import { Cluster } from 'ioredis';
import { decodeEntry, encodeEntry, type CacheEntry, type CacheStore } from './cache-store.js';
import {
  createRedisConnection,
  redisModeOf,
  waitUntilReady,
  type RedisConnection,
  type RedisStoreOptions,
} from './redis-connection.js';
import { RedisTlsWatch } from './redis-tls.js';
import { RedisTopology, type StoreReadiness } from './redis-topology.js';

export type { RedisStoreOptions } from './redis-connection.js';

// Compare-and-act on one key (a lease's), so scripts stay Redis Cluster safe.
const RENEW_IF_HELD =
  "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";
const RELEASE_IF_HELD = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

/** PX takes whole milliseconds, at least 1 (0 is an error). */
const expiryMs = (ms: number): number => Math.max(1, Math.round(ms));

/**
 * Redis through ioredis (see createRedisConnection): a slow or dead Redis costs a request at
 * most `commandTimeoutMs`, and caching resumes by itself once Redis is back (or, with sentinels
 * or a cluster, once a replica has taken over).
 */
export class RedisStore implements CacheStore {
  readonly kind = 'redis';
  private readonly client: RedisConnection;
  private readonly topology: RedisTopology;
  private readonly tls = new RedisTlsWatch();

  constructor(options: RedisStoreOptions, onError: (error: Error) => void = () => undefined) {
    this.client = createRedisConnection(options, (error) => onError(this.tls.see(error)));
    this.client.on('ready', () => this.tls.connected());
    // A cluster reports its nodes' connection errors as 'node error' (ioredis's documented
    // event), a refused TLS handshake among them; its own 'error' says only that all failed.
    if (this.client instanceof Cluster) this.client.on('node error', (error: Error) => this.tls.see(error));
    this.topology = new RedisTopology(this.client, redisModeOf(options));
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const bytes = await this.client.getBuffer(key);
    return bytes === null ? undefined : decodeEntry(bytes);
  }

  async set(key: string, entry: CacheEntry, keepMs: number): Promise<void> {
    await this.client.set(key, encodeEntry(entry), 'PX', expiryMs(keepMs));
  }

  async acquireLease(key: string, token: string, ms: number): Promise<boolean> {
    return (await this.client.set(key, token, 'PX', expiryMs(ms), 'NX')) === 'OK';
  }

  async renewLease(key: string, token: string, ms: number): Promise<boolean> {
    return (await this.client.eval(RENEW_IF_HELD, 1, key, token, expiryMs(ms))) === 1;
  }

  async releaseLease(key: string, token: string): Promise<void> {
    await this.client.eval(RELEASE_IF_HELD, 1, key, token);
  }

  async leaseHolder(key: string): Promise<string | undefined> {
    return (await this.client.get(key)) ?? undefined;
  }

  async warmUp(timeoutMs: number): Promise<void> {
    await waitUntilReady(this.client, timeoutMs);
  }

  /** One PING (to any node of a cluster): the breaker's probe, cheap enough to repeat. */
  async ping(): Promise<void> {
    const tls = this.tlsFailure();
    if (tls) throw tls;
    try {
      await this.client.ping();
    } catch (error) {
      throw this.tls.lastFailure ?? error;
    }
  }

  /** Every key served (with a cluster: every slot's master answers), and who the master(s) are. */
  readiness(): Promise<StoreReadiness> {
    const tls = this.tlsFailure();
    if (tls) return Promise.resolve({ ready: false, reason: tls.message, detail: {} });
    return this.topology.readiness();
  }

  /**
   * Why Redis is not connected, when a refused TLS handshake is why: said at once, for a cluster
   * not ready may hold a PING instead of failing it, and "stream isn't writeable" names nothing.
   */
  private tlsFailure(): Error | undefined {
    return this.client.status === 'ready' ? undefined : this.tls.lastFailure;
  }

  close(): Promise<void> {
    this.client.disconnect();
    return Promise.resolve();
  }
}
