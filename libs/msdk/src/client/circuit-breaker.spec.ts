import { describe, expect, it } from '@jest/globals';
import { isCircuitOpenError } from '../errors/msdk-errors.js';
import { CircuitBreaker, type BreakerState } from './circuit-breaker.js';

class Outage extends Error {}
class Answered extends Error {}

function breaker(threshold = 3, halfOpenAfterMs = 100) {
  let clock = 0;
  const states: BreakerState[] = [];
  const b = new CircuitBreaker('http://msdk', {
    threshold,
    halfOpenAfterMs,
    counts: (e) => e instanceof Outage,
    onStateChange: (s) => states.push(s),
    now: () => clock,
  });
  return { b, states, advance: (ms: number) => (clock += ms) };
}

const ok =
  <T>(value: T) =>
  () =>
    Promise.resolve(value);
const outage = () => Promise.reject(new Outage('down'));
const answeredError = () => Promise.reject(new Answered('ret -504'));
const settle = (p: Promise<unknown>) =>
  p.then(
    (v) => ({ ok: v }),
    (e: unknown) => ({ error: e }),
  );

describe('CircuitBreaker', () => {
  it('passes answers and errors through while closed', async () => {
    const { b, states } = breaker();
    expect(await b.execute(ok(42))).toBe(42);
    await expect(b.execute(outage)).rejects.toThrow(Outage);
    await expect(b.execute(answeredError)).rejects.toThrow(Answered);
    expect(b.state).toBe('closed');
    expect(states).toEqual([]);
  });

  it('opens after `threshold` counted failures in a row, then refuses without calling', async () => {
    const { b, states } = breaker(3);
    for (let i = 0; i < 3; i++) await settle(b.execute(outage));
    expect(b.state).toBe('open');
    let called = false;
    const refused = await settle(b.execute(() => ((called = true), Promise.resolve(1))));
    expect('error' in refused && isCircuitOpenError(refused.error)).toBeTruthy();
    expect(called).toBe(false);
    expect(states).toEqual(['open']);
  });

  it('an answer resets the run of failures; a failure that does not count neither counts nor resets it', async () => {
    const { b } = breaker(3);
    await settle(b.execute(outage));
    await settle(b.execute(outage));
    await b.execute(ok(1));
    await settle(b.execute(outage));
    await settle(b.execute(outage));
    expect(b.state).toBe('closed');
    await settle(b.execute(answeredError));
    await settle(b.execute(answeredError));
    expect(b.state).toBe('closed');
    await settle(b.execute(outage));
    expect(b.state).toBe('open');
  });

  it('calls that fail after it opened do not open it again', async () => {
    const { b, states } = breaker(2);
    const late = [0, 1, 2].map(() => b.execute(outage));
    await Promise.all(late.map(settle));
    expect(states).toEqual(['open']);
  });

  it('after halfOpenAfterMs one call tests it; a good test closes it', async () => {
    const { b, states, advance } = breaker(1, 100);
    await settle(b.execute(outage));
    advance(99);
    expect(isCircuitOpenError(((await settle(b.execute(ok(1)))) as { error: unknown }).error)).toBeTruthy();
    advance(1);
    expect(await b.execute(ok('tested'))).toBe('tested');
    expect(b.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'closed']);
  });

  it('a failed test opens it for another halfOpenAfterMs; an uncounted failure closes it', async () => {
    const { b, states, advance } = breaker(1, 100);
    await settle(b.execute(outage));
    advance(100);
    await settle(b.execute(outage));
    expect(b.state).toBe('open');
    advance(50);
    expect(isCircuitOpenError(((await settle(b.execute(ok(1)))) as { error: unknown }).error)).toBeTruthy();
    advance(50);
    await expect(b.execute(answeredError)).rejects.toThrow(Answered);
    expect(b.state).toBe('closed');
    expect(states).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('calls arriving during the test wait for it, then go through or fail with the circuit', async () => {
    for (const testPasses of [true, false]) {
      const { b, advance } = breaker(1, 100);
      await settle(b.execute(outage));
      advance(100);
      let finishTest!: () => void;
      const test = b.execute(
        () =>
          new Promise<string>(
            (resolve, reject) => (finishTest = () => (testPasses ? resolve('test') : reject(new Outage('still down')))),
          ),
      );
      let waiterCalled = false;
      const waiter = settle(b.execute(() => ((waiterCalled = true), Promise.resolve('waiter'))));
      await new Promise((r) => setImmediate(r));
      expect(waiterCalled).toBe(false);
      finishTest();
      await settle(test);
      const outcome = await waiter;
      if (testPasses) expect(outcome).toEqual({ ok: 'waiter' });
      else expect('error' in outcome && isCircuitOpenError(outcome.error)).toBeTruthy();
    }
  });

  it('a synchronous throw is a rejection like any other', async () => {
    const { b } = breaker(1);
    await expect(
      b.execute(() => {
        throw new Outage('sync');
      }),
    ).rejects.toThrow(Outage);
    expect(b.state).toBe('open');
  });
});
