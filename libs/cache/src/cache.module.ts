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
import {
  FleetSingleFlight,
  LOCAL_FAILURES,
  type FleetFailureCodec,
  type FleetSingleFlightOptions,
} from './fleet-single-flight.js';
import { DEFAULT_REDIS_BREAKER, RedisBreaker } from './redis-breaker.js';
import { RequestRedisBudgets } from './redis-budget.js';
import { RedisStore, type RedisStoreOptions } from './redis-store.js';

export interface CacheModuleOptions {
  /** Redis when set; otherwise the in-memory LRU. */
  readonly redis?: RedisStoreOptions;
  readonly memoryMaxEntries: number;
  readonly readThrough: ReadThroughOptions;
  /** Where lookups and store errors are reported (the app's logs and metrics). */
  readonly observer: CacheObserver;
  /**
   * With Redis: one load per key across the fleet (a lease per key). Without it, or with the
   * memory store, single-flight is per process.
   */
  readonly fleet?: Omit<FleetSingleFlightOptions, 'pollMs'> & { readonly failures?: FleetFailureCodec };
}

const CACHE_OPTIONS = Symbol('CACHE_OPTIONS');

/** Without Redis there is nothing to wait for: the budget is only ever read by Redis commands. */
const DEFAULT_REDIS_BUDGET_MS = 50;

/**
 * How often a waiting instance looks at the holder's lease and result (two GETs). Only one flight
 * per process and key waits (the in-process single-flight gathers the rest), so this is cheap,
 * and it adds at most this much to a waiter's answer.
 */
const FLEET_POLL_MS = 25;

/**
 * The store (Redis or memory), the read-through policy and the store's health indicator; with
 * Redis, the breaker every user of that Redis shares (the cache, the shared rate-limit counters)
 * and the per-request Redis budgets.
 */
@Module({})
export class CacheModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(CACHE_STORE) private readonly store: CacheStore,
    private readonly breaker: RedisBreaker,
  ) {}

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
          provide: RedisBreaker,
          inject: [CACHE_STORE, CACHE_OPTIONS],
          useFactory: (store: CacheStore, o: CacheModuleOptions) =>
            new RedisBreaker(
              { ...DEFAULT_REDIS_BREAKER, commandBudgetMs: o.redis?.commandTimeoutMs ?? DEFAULT_REDIS_BUDGET_MS },
              () => store.ping(),
              (state) => o.observer.breakerState?.(state),
            ),
        },
        {
          provide: RequestRedisBudgets,
          inject: [CACHE_OPTIONS],
          useFactory: (o: CacheModuleOptions) =>
            new RequestRedisBudgets(o.redis?.commandTimeoutMs ?? DEFAULT_REDIS_BUDGET_MS),
        },
        {
          provide: ReadThroughCache,
          inject: [CACHE_STORE, CACHE_OPTIONS, RedisBreaker],
          useFactory: (store: CacheStore, o: CacheModuleOptions, breaker: RedisBreaker) => {
            if (store.kind !== 'redis') return new ReadThroughCache(store, o.readThrough, o.observer);
            const fleet = o.fleet
              ? new FleetSingleFlight(
                  store,
                  { leaseMs: o.fleet.leaseMs, waitMs: o.fleet.waitMs, pollMs: FLEET_POLL_MS },
                  o.fleet.failures ?? LOCAL_FAILURES,
                  (command, budget) => breaker.run(command, budget),
                  (role) => o.observer.fleetSingleFlight?.(role),
                )
              : undefined;
            return new ReadThroughCache(store, o.readThrough, o.observer, breaker, fleet);
          },
        },
        CacheHealthIndicator,
      ],
      exports: [ReadThroughCache, CacheHealthIndicator, CACHE_STORE, RedisBreaker, RequestRedisBudgets],
    };
  }

  /** A Redis that is down at startup does not stop the gateway: it starts, bypassing. */
  async onApplicationBootstrap(): Promise<void> {
    await this.store.warmUp(2000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.breaker.close();
    await this.store.close();
  }
}
