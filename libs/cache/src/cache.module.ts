import {
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { CacheHealthIndicator } from './cache-health.indicator.js';
import { CACHE_STORE, type CacheStore } from './cache-store.js';
import { MemoryStore } from './memory-store.js';
import { ReadThroughCache, type CacheObserver, type ReadThroughOptions } from './read-through-cache.js';
import { RedisStore, type RedisStoreOptions } from './redis-store.js';

export interface CacheModuleOptions {
  /** Redis when set; otherwise the in-memory LRU. */
  readonly redis?: RedisStoreOptions;
  readonly memoryMaxEntries: number;
  readonly readThrough: ReadThroughOptions;
  /** Where lookups and store errors are reported (the app's logs and metrics). */
  readonly observer: CacheObserver;
}

const CACHE_OPTIONS = Symbol('CACHE_OPTIONS');

/** The store (Redis or memory), the read-through policy and the store's health indicator. */
@Module({})
export class CacheModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(CACHE_STORE) private readonly store: CacheStore) {}

  static forRootAsync(options: {
    imports?: DynamicModule['imports'];
    inject: unknown[];
    useFactory: (...args: never[]) => CacheModuleOptions;
  }): DynamicModule {
    return {
      module: CacheModule,
      global: true,
      imports: [TerminusModule, ...(options.imports ?? [])],
      providers: [
        { provide: CACHE_OPTIONS, inject: options.inject as never[], useFactory: options.useFactory },
        {
          provide: CACHE_STORE,
          inject: [CACHE_OPTIONS],
          useFactory: (o: CacheModuleOptions): CacheStore =>
            o.redis
              ? new RedisStore(o.redis, (e) => o.observer.storeError('connection', e))
              : new MemoryStore(o.memoryMaxEntries),
        },
        {
          provide: ReadThroughCache,
          inject: [CACHE_STORE, CACHE_OPTIONS],
          useFactory: (store: CacheStore, o: CacheModuleOptions) =>
            new ReadThroughCache(store, o.readThrough, o.observer),
        },
        CacheHealthIndicator,
      ],
      exports: [ReadThroughCache, CacheHealthIndicator, CACHE_STORE],
    };
  }

  /** A Redis that is down at startup does not stop the gateway: it starts, bypassing. */
  async onApplicationBootstrap(): Promise<void> {
    await this.store.warmUp(2000);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
