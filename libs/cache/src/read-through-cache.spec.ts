import { describe, expect, it } from '@jest/globals';
import type { CacheStore } from './cache-store.js';
import { MemoryStore } from './memory-store.js';
import { ReadThroughCache, type CacheResult } from './read-through-cache.js';

const outage = new Error('outage');
const staleCovers = (e: unknown) => e === outage;

function setup(store: CacheStore = new MemoryStore(100)) {
  let now = 1_000_000;
  const lookups: CacheResult[] = [];
  const errors: string[] = [];
  const cache = new ReadThroughCache(
    store,
    { staleWindowMs: 60_000, ttlJitter: 0.1, now: () => now, random: () => 1 },
    { lookup: (r) => lookups.push(r), storeError: (op) => errors.push(op) },
  );
  return { cache, lookups, errors, advance: (ms: number) => (now += ms) };
}

/** Stub stores here never lease: the read-through policy alone is under test. */
const noLeases: Pick<CacheStore, 'acquireLease' | 'renewLease' | 'releaseLease' | 'leaseHolder'> = {
  acquireLease: () => Promise.reject(new Error('no leases')),
  renewLease: () => Promise.reject(new Error('no leases')),
  releaseLease: () => Promise.reject(new Error('no leases')),
  leaseHolder: () => Promise.reject(new Error('no leases')),
};

const failingStore: CacheStore = {
  ...noLeases,
  kind: 'redis',
  get: () => Promise.reject(new Error('down')),
  set: () => Promise.reject(new Error('down')),
  warmUp: () => Promise.resolve(),
  ping: () => Promise.reject(new Error('down')),
  close: () => Promise.resolve(),
};

const b = (text: string) => Buffer.from(text);
const text = (value: Buffer) => value.toString();

describe('ReadThroughCache', () => {
  it('stores a good value (MISS) and answers from it while fresh (HIT)', async () => {
    const { cache, lookups } = setup();
    let loads = 0;
    const load = () => Promise.resolve({ value: b(`v${++loads}`), degraded: false });
    expect((await cache.read('k', { ttlMs: 1000, staleCovers }, load)).result).toBe('MISS');
    const hit = await cache.read('k', { ttlMs: 1000, staleCovers }, load);
    expect([hit.result, text(hit.value), loads]).toEqual(['HIT', 'v1', 1]);
    expect(lookups).toEqual(['MISS', 'HIT']);
  });

  it('answers before the write, and serves a miss that comes before the write lands without loading again', async () => {
    const memory = new MemoryStore(100);
    let landWrite: () => void = () => undefined;
    const slowWrites: CacheStore = {
      ...failingStore,
      get: (key) => memory.get(key),
      set: (key, entry, ttlMs) =>
        new Promise<void>((resolve) => (landWrite = () => void memory.set(key, entry, ttlMs).then(resolve))),
    };
    const { cache } = setup(slowWrites);
    let loads = 0;
    const load = () => Promise.resolve({ value: b(`v${++loads}`), degraded: false });
    expect((await cache.read('k', { ttlMs: 1000, staleCovers }, load)).result).toBe('MISS');
    const between = await cache.read('k', { ttlMs: 1000, staleCovers }, load);
    expect([between.result, text(between.value), loads]).toEqual(['HIT', 'v1', 1]);
    landWrite();
    await new Promise((resolve) => setImmediate(resolve));
    const after = await cache.read('k', { ttlMs: 1000, staleCovers }, load);
    expect([after.result, text(after.value), loads]).toEqual(['HIT', 'v1', 1]);
  });

  it('applies the TTL jitter (random=1 -> +10%)', async () => {
    const { cache, advance } = setup();
    await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('v'), degraded: false }));
    advance(1050);
    expect(
      (await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('w'), degraded: false })))
        .result,
    ).toBe('HIT');
  });

  it('never stores degraded values, and prefers an expired copy to them (STALE)', async () => {
    const { cache, advance } = setup();
    const degraded = await cache.read('k', { ttlMs: 1000, staleCovers }, () =>
      Promise.resolve({
        value: b('lost'),
        degraded: true,
      }),
    );
    expect([degraded.result, text(degraded.value), degraded.degraded]).toEqual(['MISS', 'lost', true]);
    await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('good'), degraded: false }));
    advance(5000);
    const stale = await cache.read('k', { ttlMs: 1000, staleCovers }, () =>
      Promise.resolve({
        value: b('lost'),
        degraded: true,
      }),
    );
    expect([stale.result, text(stale.value), stale.degraded]).toEqual(['STALE', 'good', true]);
  });

  it('covers outages with a stale copy but rethrows what staleCovers refuses', async () => {
    const { cache, advance } = setup();
    await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('good'), degraded: false }));
    advance(5000);
    expect((await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.reject(outage))).result).toBe('STALE');
    const userError = new Error('token');
    await expect(cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.reject(userError))).rejects.toThrow(
      userError,
    );
  });

  it('makes one load for concurrent misses of one key', async () => {
    const { cache } = setup();
    let loads = 0;
    const load = () =>
      new Promise<{ value: Buffer; degraded: boolean }>((r) =>
        setTimeout(() => r({ value: b(`v${++loads}`), degraded: false }), 20),
      );
    const results = await Promise.all(
      Array.from({ length: 20 }, () => cache.read('k', { ttlMs: 1000, staleCovers }, load)),
    );
    expect(loads).toBe(1);
    expect(results.every((r) => text(r.value) === 'v1')).toBeTruthy();
    expect(results.filter((r) => r.loaded).length).toBe(1);
  });

  it('turns store failures into BYPASS, never into errors', async () => {
    const { cache, errors } = setup(failingStore);
    const res = await cache.read('k', { ttlMs: 1000, staleCovers }, () =>
      Promise.resolve({ value: b('v'), degraded: false }),
    );
    expect([res.result, text(res.value)]).toEqual(['BYPASS', 'v']);
    expect(errors).toEqual(['get', 'set']);
  });

  it('skipRead goes to the loader even with a fresh copy, and still stores', async () => {
    const { cache } = setup();
    await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('old'), degraded: false }));
    const res = await cache.read('k', { ttlMs: 1000, staleCovers, skipRead: true }, () =>
      Promise.resolve({
        value: b('new'),
        degraded: false,
      }),
    );
    expect([res.result, text(res.value)]).toEqual(['MISS', 'new']);
    const entry = await new MemoryStore(1).get('k');
    expect(entry).toBe(undefined);
    expect(
      (
        await cache.read('k', { ttlMs: 1000, staleCovers }, () => Promise.resolve({ value: b('x'), degraded: false }))
      ).value.toString(),
    ).toBe('new');
  });
});

describe('ReadThroughCache, slow stores and slow loads', () => {
  const good = (text: string) => () => Promise.resolve({ value: b(text), degraded: false });
  const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('answers without waiting for the write', async () => {
    const writes: string[] = [];
    const store = new MemoryStore(10);
    const slowWrites: CacheStore = {
      ...noLeases,
      kind: 'memory',
      get: (key) => store.get(key),
      set: () => new Promise(() => writes.push('started')),
      warmUp: () => Promise.resolve(),
      ping: () => Promise.resolve(),
      close: () => Promise.resolve(),
    };
    const { cache } = setup(slowWrites);
    const res = await cache.read('k', { ttlMs: 1000, staleCovers }, good('v'));
    expect([res.result, text(res.value), writes]).toEqual(['MISS', 'v', ['started']]);
  });

  it('answers a copy (STALE) once the load is slower than staleIfSlowMs, and the load refreshes the entry', async () => {
    const { cache, advance } = setup();
    await cache.read('k', { ttlMs: 1000, staleCovers }, good('old'));
    advance(5000);
    let done!: () => void;
    const loaded = new Promise<void>((resolve) => (done = resolve));
    const res = await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 30 }, () =>
      after(150, { value: b('new'), degraded: false }).finally(done),
    );
    expect([res.result, text(res.value)]).toEqual(['STALE', 'old']); // before the load ended
    await loaded;
    await after(5, undefined);
    const next = await cache.read('k', { ttlMs: 1000, staleCovers }, good('unused'));
    expect([next.result, text(next.value)]).toEqual(['HIT', 'new']);
  });

  it('keeps the copy when the slow load turns out degraded, and rethrows nothing late', async () => {
    const { cache, advance } = setup();
    await cache.read('k', { ttlMs: 1000, staleCovers }, good('old'));
    advance(5000);
    await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 10 }, () =>
      after(40, { value: b('lost'), degraded: true }),
    );
    await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 10 }, () =>
      after(40, undefined).then(() => Promise.reject(new Error('token'))),
    );
    await after(60, undefined);
    const next = await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 10 }, () =>
      after(40, { value: b('lost'), degraded: true }),
    );
    expect([next.result, text(next.value)]).toEqual(['STALE', 'old']);
  });

  it('waits for the load without a copy, or with staleIfSlowMs 0', async () => {
    const { cache, advance } = setup();
    const none = await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 10 }, () =>
      after(40, { value: b('first'), degraded: false }),
    );
    expect([none.result, text(none.value)]).toEqual(['MISS', 'first']);
    await after(5, undefined);
    advance(5000);
    const off = await cache.read('k', { ttlMs: 1000, staleCovers, staleIfSlowMs: 0 }, () =>
      after(40, { value: b('second'), degraded: false }),
    );
    expect([off.result, text(off.value)]).toEqual(['MISS', 'second']);
  });
});
