import { describe, expect, it } from '@jest/globals';
import type { CacheStore } from './cache-store.js';
import {
  FleetSingleFlight,
  LOCAL_FAILURES,
  type FleetFailureCodec,
  type FleetHooks,
  type FleetRole,
  type RedisRunner,
} from './fleet-single-flight.js';
import { MemoryStore } from './memory-store.js';
import type { Loaded } from './read-through-cache.js';
import { RedisSkippedError } from './redis-breaker.js';

// Several "instances" (FleetSingleFlight objects) share one MemoryStore, standing in for Redis.
const OPTIONS = { leaseMs: 60, waitMs: 2000, pollMs: 5 };
const direct: RedisRunner = (command) => command();

class TravellingFailure extends Error {}

/** Failures named `TravellingFailure` travel as their message; others stay with the holder. */
const codec: FleetFailureCodec = {
  encode: (e) => (e instanceof TravellingFailure ? e.message : undefined),
  decode: (text) => new TravellingFailure(text),
  waitExpired: (ms) => new Error(`waited ${ms}`),
};

function instance(store: CacheStore, runner: RedisRunner = direct, options = OPTIONS) {
  const roles: FleetRole[] = [];
  const flight = new FleetSingleFlight(store, options, codec, runner, (r) => roles.push(r));
  return { flight, roles };
}

function hooksFor(store: CacheStore, key: string): FleetHooks & { stored: string[] } {
  const stored: string[] = [];
  return {
    stored,
    fresh: async () => {
      const entry = await store.get(key);
      return entry?.value;
    },
    store: async (value) => {
      stored.push(value.toString());
      await store.set(key, { value, storedAt: 0, freshUntil: Number.MAX_SAFE_INTEGER }, 60_000);
    },
  };
}

/** A load the test finishes by hand, counting calls. */
function heldLoad() {
  let calls = 0;
  let finish!: (outcome: Loaded | Error) => void;
  const load = () => {
    calls++;
    return new Promise<Loaded>((resolve, reject) => {
      finish = (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome));
    });
  };
  return { load, calls: () => calls, finish: (outcome: Loaded | Error) => finish(outcome) };
}

const value = (text: string, degraded = false): Loaded => ({ value: Buffer.from(text), degraded });
const until = async (condition: () => boolean | Promise<boolean>) => {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 2));
};

/**
 * Instance `a` takes key `k`'s lease with a load the test finishes by hand (`held`); the test then
 * starts the instances that wait on it.
 */
async function holdingA(store: CacheStore, a = instance(store)) {
  const held = heldLoad();
  const hooks = hooksFor(store, 'k');
  const first = a.flight.run('k', held.load, hooks);
  await until(async () => (await store.leaseHolder('k:lease')) !== undefined);
  return { a, held, hooks, first };
}

describe('FleetSingleFlight', () => {
  it('makes one load across instances: the holder stores, then the waiters get its value', async () => {
    const store = new MemoryStore(100);
    const [b, c] = [instance(store), instance(store)];
    const { a, held, hooks, first } = await holdingA(store);
    const others = [b.flight.run('k', held.load, hooks), c.flight.run('k', held.load, hooks)];
    held.finish(value('v1'));
    const answers = await Promise.all([first, ...others]);
    expect(answers.map((x) => [x.role, x.loaded.value.toString(), x.loaded.degraded])).toEqual([
      ['leader', 'v1', false],
      ['waiter', 'v1', false],
      ['waiter', 'v1', false],
    ]);
    expect([held.calls(), hooks.stored, a.roles, b.roles, c.roles]).toEqual([
      1,
      ['v1'],
      ['leader'],
      ['waiter'],
      ['waiter'],
    ]);
  });

  it('passes a degraded value to the waiters and never stores it', async () => {
    const store = new MemoryStore(100);
    const b = instance(store);
    const { held, hooks, first } = await holdingA(store);
    const second = b.flight.run('k', held.load, hooks);
    held.finish(value('lost', true));
    const answers = await Promise.all([first, second]);
    expect(answers.map((x) => [x.role, x.loaded.value.toString(), x.loaded.degraded])).toEqual([
      ['leader', 'lost', true],
      ['waiter', 'lost', true],
    ]);
    expect([held.calls(), hooks.stored]).toEqual([1, []]);
  });

  it('hands a failure that can travel to the waiters, who fail the same way without loading', async () => {
    const store = new MemoryStore(100);
    const b = instance(store);
    const { held, hooks, first } = await holdingA(store);
    const second = b.flight.run('k', held.load, hooks);
    held.finish(new TravellingFailure('msdk said no'));
    await expect(first).rejects.toThrow('msdk said no');
    await expect(second).rejects.toBeInstanceOf(TravellingFailure);
    expect([held.calls(), b.roles]).toEqual([1, ['waiter']]);
  });

  it("takes the lease over when the holder's failure cannot travel", async () => {
    const store = new MemoryStore(100);
    const b = instance(store);
    const { held, hooks, first } = await holdingA(store);
    let secondLoads = 0;
    const second = b.flight.run('k', () => Promise.resolve(value(`retried ${++secondLoads}`)), hooks);
    held.finish(new Error('pool full here'));
    await expect(first).rejects.toThrow('pool full here');
    const answer = await second;
    expect([answer.role, answer.loaded.value.toString(), b.roles]).toEqual(['takeover', 'retried 1', ['takeover']]);
  });

  it('takes over once the lease of a holder that died (never renewed, never released) expires', async () => {
    const store = new MemoryStore(100);
    await store.acquireLease('k:lease', 'dead-holder', OPTIONS.leaseMs);
    const b = instance(store);
    const answer = await b.flight.run('k', () => Promise.resolve(value('fresh')), hooksFor(store, 'k'));
    expect([answer.role, answer.loaded.value.toString()]).toEqual(['takeover', 'fresh']);
    expect(await store.leaseHolder('k:lease')).toBeUndefined();
  });

  it('renews the lease while a slow load runs, so no one takes over a live holder', async () => {
    const store = new MemoryStore(100);
    const b = instance(store);
    const { held, hooks, first } = await holdingA(store);
    const second = b.flight.run('k', held.load, hooks);
    // Several lease spans pass: only renewals keep the lease.
    await new Promise((r) => setTimeout(r, OPTIONS.leaseMs * 4));
    held.finish(value('slow'));
    expect((await Promise.all([first, second])).map((x) => x.role)).toEqual(['leader', 'waiter']);
    expect(held.calls()).toBe(1);
  });

  it('gives up waiting after its budget with the codec’s error, without loading', async () => {
    const store = new MemoryStore(100);
    const a = instance(store);
    const b = instance(store, direct, { ...OPTIONS, waitMs: 100 });
    const held = heldLoad();
    const hooks = hooksFor(store, 'k');
    void a.flight.run('k', held.load, hooks).catch(() => undefined);
    await until(async () => (await store.leaseHolder('k:lease')) !== undefined);
    await expect(b.flight.run('k', held.load, hooks)).rejects.toThrow('waited 100');
    expect([held.calls(), b.roles]).toEqual([1, ['waiter']]);
    held.finish(value('late'));
  });

  it('loads on its own (local) when Redis cannot be asked, and stores a good value', async () => {
    const store = new MemoryStore(100);
    const down: RedisRunner = () => Promise.reject(new Error('connection refused'));
    const a = instance(store, down);
    const hooks = hooksFor(store, 'k');
    const answer = await a.flight.run('k', () => Promise.resolve(value('here')), hooks);
    expect([answer.role, hooks.stored, a.roles]).toEqual(['local', ['here'], ['local']]);
  });

  it('stops waiting and loads on its own when the Redis breaker opens mid-wait', async () => {
    const store = new MemoryStore(100);
    await store.acquireLease('k:lease', 'someone', 60_000);
    let asks = 0;
    const breaking: RedisRunner = (command) => (++asks > 2 ? Promise.reject(new RedisSkippedError()) : command());
    const b = instance(store, breaking);
    const answer = await b.flight.run('k', () => Promise.resolve(value('mine')), hooksFor(store, 'k'));
    expect([answer.role, answer.loaded.value.toString()]).toEqual(['local', 'mine']);
  });

  it('stops waiting and loads on its own when its looks fail twice in a row (that part of Redis is away)', async () => {
    const store = new MemoryStore(100);
    await store.acquireLease('k:lease', 'someone', 60_000);
    let asks = 0;
    // The lease is taken by someone else (first ask); then every look times out.
    const failing: RedisRunner = (command) => (++asks > 2 ? Promise.reject(new Error('timed out')) : command());
    const b = instance(store, failing);
    const answer = await b.flight.run('k', () => Promise.resolve(value('mine')), hooksFor(store, 'k'));
    expect([answer.role, answer.loaded.value.toString()]).toEqual(['local', 'mine']);
  });

  it('publishes again while Redis refuses it, so a waiter gets the outcome once Redis is back, not after the lease lapses', async () => {
    const store = new MemoryStore(100);
    let refusing = false;
    // The holder's Redis refuses for a while (its master failing over); the waiter's does not.
    const flaky: RedisRunner = (command) => (refusing ? Promise.reject(new Error('failing over')) : command());
    const longLease = { ...OPTIONS, leaseMs: 10_000, waitMs: 20_000 };
    const b = instance(store, direct, longLease);
    const { held, hooks, first } = await holdingA(store, instance(store, flaky, longLease));
    const waiting = b.flight.run('k', () => Promise.reject(new Error('must not load')), hooks);
    refusing = true;
    held.finish(value('v1', true)); // degraded: published, never stored
    expect((await first).role).toBe('leader');
    await new Promise((r) => setTimeout(r, 150));
    expect(await store.leaseHolder('k:lease')).toBeDefined(); // not let go yet
    refusing = false;
    const answer = await waiting;
    expect([answer.role, answer.loaded.value.toString(), answer.loaded.degraded]).toEqual(['waiter', 'v1', true]);
  });

  it('takes a value stored since its read missed instead of loading again', async () => {
    const store = new MemoryStore(100);
    const hooks = hooksFor(store, 'k');
    await hooks.store(Buffer.from('just stored'));
    const a = instance(store);
    let loads = 0;
    const answer = await a.flight.run('k', () => Promise.resolve(value(`load ${++loads}`)), hooks);
    expect([answer.role, answer.loaded.value.toString(), loads]).toEqual(['waiter', 'just stored', 0]);
    expect(await store.leaseHolder('k:lease')).toBeUndefined();
  });

  it('answers at once from a value stored since its read missed, even while another instance holds the lease', async () => {
    const store = new MemoryStore(100);
    await store.acquireLease('k:lease', 'someone', 60_000);
    const hooks = hooksFor(store, 'k');
    await hooks.store(Buffer.from('stored meanwhile'));
    const a = instance(store);
    const answer = await a.flight.run('k', () => Promise.reject(new Error('must not load')), hooks);
    expect([answer.role, answer.loaded.value.toString(), await store.leaseHolder('k:lease')]).toEqual([
      'waiter',
      'stored meanwhile',
      'someone',
    ]);
  });

  it('keeps failures in their process with LOCAL_FAILURES', () => {
    expect(LOCAL_FAILURES.encode(new Error('x'))).toBeUndefined();
  });
});
