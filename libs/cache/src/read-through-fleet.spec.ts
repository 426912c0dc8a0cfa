import { describe, expect, it } from '@jest/globals';
import { FleetSingleFlight, LOCAL_FAILURES, type FleetRole } from './fleet-single-flight.js';
import { MemoryStore } from './memory-store.js';
import { ReadThroughCache, type Loaded } from './read-through-cache.js';

// Two "instances" (ReadThroughCache objects) sharing one store, standing in for Redis.
const staleCovers = () => false;
const b = (text: string) => Buffer.from(text);

function instances(count: number) {
  const store = new MemoryStore(100);
  const roles: FleetRole[] = [];
  const caches = Array.from(
    { length: count },
    () =>
      new ReadThroughCache(
        store,
        { staleWindowMs: 60_000, ttlJitter: 0 },
        { lookup: () => undefined, storeError: () => undefined },
        undefined,
        new FleetSingleFlight(
          store,
          { leaseMs: 60, waitMs: 2000, pollMs: 5 },
          LOCAL_FAILURES,
          (command) => command(),
          (role) => roles.push(role),
        ),
      ),
  );
  return { store, roles, caches };
}

/** A load held until `finish`, counting calls. */
function heldLoad() {
  let calls = 0;
  let finish!: (value: Loaded) => void;
  const load = () => {
    calls++;
    return new Promise<Loaded>((resolve) => (finish = resolve));
  };
  return { load, calls: () => calls, finish: (value: Loaded) => finish(value) };
}

const leased = async (store: MemoryStore, key: string) => {
  while ((await store.leaseHolder(`${key}:lease`)) === undefined) await new Promise((r) => setTimeout(r, 2));
};

describe('ReadThroughCache with a fleet single-flight', () => {
  it("answers a waiter with the holder's value (MISS, not loaded here), which the holder stored", async () => {
    const { store, roles, caches } = instances(2);
    const held = heldLoad();
    const first = caches[0].read('k', { ttlMs: 1000, staleCovers }, held.load);
    await leased(store, 'k');
    const second = caches[1].read('k', { ttlMs: 1000, staleCovers }, held.load);
    held.finish({ value: b('v'), degraded: false });
    const [a, w] = await Promise.all([first, second]);
    expect([a.result, a.loaded !== undefined, w.result, w.loaded, w.value.toString()]).toEqual([
      'MISS',
      true,
      'MISS',
      undefined,
      'v',
    ]);
    expect([held.calls(), roles]).toEqual([1, ['leader', 'waiter']]);
    expect((await caches[1].read('k', { ttlMs: 1000, staleCovers }, held.load)).result).toBe('HIT');
  });

  it('passes a degraded value to the waiter, marked degraded, and stores it nowhere', async () => {
    const { store, caches } = instances(2);
    const held = heldLoad();
    const first = caches[0].read('k', { ttlMs: 1000, staleCovers }, held.load);
    await leased(store, 'k');
    const second = caches[1].read('k', { ttlMs: 1000, staleCovers }, held.load);
    held.finish({ value: b('lost'), degraded: true });
    const answers = await Promise.all([first, second]);
    expect(answers.map((a) => [a.result, a.degraded, a.value.toString()])).toEqual([
      ['MISS', true, 'lost'],
      ['MISS', true, 'lost'],
    ]);
    expect(await store.get('k')).toBeUndefined();
  });

  it('lets Cache-Control: no-cache past the lease: it loads even while another instance holds it', async () => {
    const { store, caches } = instances(2);
    const held = heldLoad();
    const first = caches[0].read('k', { ttlMs: 1000, staleCovers }, held.load);
    await leased(store, 'k');
    const own = await caches[1].read('k', { ttlMs: 1000, staleCovers, skipRead: true }, () =>
      Promise.resolve({ value: b('mine'), degraded: false }),
    );
    expect([own.result, own.value.toString()]).toEqual(['MISS', 'mine']);
    held.finish({ value: b('theirs'), degraded: false });
    await first;
  });
});
