import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from '@jest/globals';
import { ALL_ENTRIES } from '../catalog/catalog.js';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import {
  BadUpstreamResponseError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
  isCircuitOpenError,
  isMsdkAnswerError,
  isUpstreamTimeoutError,
  isUpstreamUnavailableError,
} from '../errors/msdk-errors.js';
import type { UpstreamCall } from '../request/caller-payload.js';
import type { MsdkAnswer, MsdkTransport, TransportRequest } from '../transport/msdk-transport.js';
import type { BreakerState } from './breaker-registry.js';
import type { AttemptOutcome, MsdkCallObserver } from './call-observer.js';
import { MsdkClient } from './msdk-client.js';
import { DEFAULT_RESILIENCE, type ResilienceOptions } from './resilience-options.js';

const ORIGIN = 'http://msdk.test';
const READ = ALL_ENTRIES.find((e) => e.retry === 'safe')!;
const WRITE = ALL_ENTRIES.find((e) => e.retry === 'never')!;
const CALL: UpstreamCall = { method: 'POST', pathAndQuery: '/x?sig=s', body: '{}', appid: '1' };

/** How the stub MSDK handles one request: answer with a body, or fail like a transport does. */
type Exchange = (request: TransportRequest) => Promise<MsdkAnswer>;

const answer =
  (body: Record<string, unknown>): Exchange =>
  () =>
    Promise.resolve({ raw: Buffer.from(JSON.stringify(body)), body });
const OK = answer({ ret: 0 });
const BUSINESS_ERROR = answer({ ret: -504, msg: 'no permission' });
const RETRY_ONCE = answer({ ret: -312, msg: 'internal error, retry' });
const HTTP_500: Exchange = () => Promise.reject(new UpstreamUnavailableError('MSDK answered HTTP 500', 500));
const GARBAGE: Exchange = () => Promise.reject(new BadUpstreamResponseError('not JSON', 200));
const REFUSED: Exchange = () => Promise.reject(new UpstreamUnavailableError('ECONNREFUSED', undefined, true));
/** Never answers: the request's own timeout ends it, as the real transports do. */
const SILENT: Exchange = ({ timeout }) =>
  sleep(timeout.ms).then(() => Promise.reject(new UpstreamTimeoutError(timeout.ms, timeout.scope)));

/** A transport that plays the given exchanges in order, then the last one for good. */
class StubTransport implements MsdkTransport {
  readonly name = 'undici';
  readonly requests: TransportRequest[] = [];
  constructor(private readonly exchanges: Exchange[]) {}

  send(request: TransportRequest): Promise<MsdkAnswer> {
    this.requests.push(request);
    const exchange = this.exchanges.length > 1 ? this.exchanges.shift()! : this.exchanges[0];
    return exchange(request);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

class RecordingObserver implements MsdkCallObserver {
  readonly outcomes: AttemptOutcome[] = [];
  retries = 0;
  attemptFinished(_entry: CatalogEntry, _origin: string, outcome: AttemptOutcome): void {
    this.outcomes.push(outcome);
  }
  retrying(): void {
    this.retries++;
  }
  answered(): void {}
}

function client(exchanges: Exchange[], options: Partial<ResilienceOptions> = {}) {
  const transport = new StubTransport(exchanges);
  const observer = new RecordingObserver();
  const c = new MsdkClient(
    transport,
    { ...DEFAULT_RESILIENCE, backoffInitialMs: 1, backoffMaxMs: 2, retryBudgetMinPerSecond: 1000, ...options },
    observer,
  );
  const states: BreakerState[] = [];
  c.breakers.onStateChange((_origin, state) => states.push(state));
  const call = (entry: CatalogEntry = READ) =>
    c.call(entry, ORIGIN, CALL).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
  return { client: c, transport, observer, states, call, state: () => c.breakers.states()[ORIGIN] };
}

describe('MsdkClient: retries', () => {
  it('answers ret 0 with the bytes as sent, after one attempt', async () => {
    const { client: c, transport } = client([OK]);
    const result = await c.call(READ, ORIGIN, CALL, { headers: { 'x-request-id': 'r1' } });
    expect(result).toMatchObject({ ret: 0, attempts: 1, body: { ret: 0 } });
    expect(result.raw.toString()).toBe('{"ret":0}');
    expect(transport.requests[0]).toMatchObject({ origin: ORIGIN, headers: { 'x-request-id': 'r1' } });
    expect(transport.requests[0].timeout).toEqual({ ms: DEFAULT_RESILIENCE.attemptTimeoutMs, scope: 'attempt' });
  });

  it('retries a read after an outage, and after MSDK asks for a retry', async () => {
    for (const failure of [HTTP_500, GARBAGE, REFUSED, RETRY_ONCE]) {
      const { call, transport, observer } = client([failure, OK]);
      expect(await call()).toMatchObject({ result: { attempts: 2 } });
      expect(transport.requests).toHaveLength(2);
      expect(observer.retries).toBe(1);
    }
  });

  it('makes at most 1 + maxRetries attempts, then fails with the last failure', async () => {
    const { call, transport, observer } = client([HTTP_500], { maxRetries: 2 });
    const { error } = (await call()) as { error: unknown };
    expect(isUpstreamUnavailableError(error) && error.status).toBe(500);
    expect(transport.requests).toHaveLength(3);
    expect(observer.outcomes).toEqual(['unavailable', 'unavailable', 'unavailable']);
  });

  it('gives up on a "retry" answer after the retries with the typed MSDK error', async () => {
    const { call, transport } = client([RETRY_ONCE], { maxRetries: 1 });
    const { error } = (await call()) as { error: unknown };
    expect(isMsdkAnswerError(error) && error.detail.ret).toBe(-312);
    expect(transport.requests).toHaveLength(2);
  });

  it('never retries an MSDK business error', async () => {
    const { call, transport, observer } = client([BUSINESS_ERROR, OK]);
    const { error } = (await call()) as { error: unknown };
    expect(isMsdkAnswerError(error) && error.code).toBe('MSDK_ERROR');
    expect(transport.requests).toHaveLength(1);
    expect(observer.outcomes).toEqual(['msdk_error']);
  });

  it('never repeats a write that may have reached MSDK, but does one that was refused', async () => {
    for (const failure of [HTTP_500, GARBAGE, RETRY_ONCE]) {
      const { call, transport } = client([failure, OK]);
      expect('error' in (await call(WRITE))).toBe(true);
      expect(transport.requests).toHaveLength(1);
    }
    const { call, transport } = client([REFUSED, OK]);
    expect(await call(WRITE)).toMatchObject({ result: { attempts: 2 } });
    expect(transport.requests).toHaveLength(2);
  });

  it('bounds all attempts by the deadline: the last one gets what is left of it', async () => {
    const { call, transport } = client([SILENT], { attemptTimeoutMs: 100, deadlineMs: 280, maxRetries: 5 });
    const started = performance.now();
    const { error } = (await call()) as { error: unknown };
    expect(performance.now() - started).toBeLessThan(280 + 100);
    expect(isUpstreamTimeoutError(error) && error.scope).toBe('deadline');
    // Two full attempts and a third cut short, unless timers ran late on a busy machine.
    const timeouts = transport.requests.map((r) => r.timeout);
    expect(timeouts.length).toBeGreaterThanOrEqual(2);
    expect(timeouts.slice(0, -1)).toEqual(timeouts.slice(0, -1).map(() => ({ ms: 100, scope: 'attempt' })));
    expect(timeouts.at(-1)).toMatchObject({ scope: 'deadline' });
    expect(timeouts.at(-1)!.ms).toBeLessThan(100);
  });

  it('makes no attempt the deadline has no room for, and the breaker does not count it', async () => {
    const { call, transport, state } = client([SILENT], {
      attemptTimeoutMs: 100,
      deadlineMs: 120,
      breakerThreshold: 2,
    });
    const { error } = (await call()) as { error: unknown };
    expect(isUpstreamTimeoutError(error) && error.scope).toBe('deadline');
    expect(transport.requests).toHaveLength(1);
    expect(state()).toBe('closed');
  });

  it('counts the deadline from startedAt when given: time spent before the call leaves less for it', async () => {
    const { client: c, transport } = client([SILENT], { attemptTimeoutMs: 100, deadlineMs: 1000 });
    const error = await c.call(READ, ORIGIN, CALL, { startedAt: performance.now() - 1000 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUpstreamTimeoutError(error) && error.scope).toBe('deadline');
    expect(transport.requests).toHaveLength(0);
  });

  it('spends the retry budget only on retries, and stops retrying when it is spent', async () => {
    const { call, transport } = client([HTTP_500], { maxRetries: 2, retryBudgetRatio: 0, retryBudgetMinPerSecond: 1 });
    await call();
    await call();
    // The first call's one retry spends the budget; the second call gets none.
    expect(transport.requests).toHaveLength(3);
  });
});

describe('MsdkClient: circuit breaker', () => {
  const breaking = { maxRetries: 0, breakerThreshold: 3, breakerHalfOpenAfterMs: 100 };

  it('opens after `threshold` outages in a row, then refuses at once without calling MSDK', async () => {
    const { call, transport, observer, states, state } = client([HTTP_500, SILENT, GARBAGE, OK], {
      ...breaking,
      attemptTimeoutMs: 50,
    });
    for (let i = 0; i < 3; i++) expect('error' in (await call())).toBe(true);
    expect(state()).toBe('open');
    const { error } = (await call()) as { error: unknown };
    expect(isCircuitOpenError(error) && error.code).toBe('CIRCUIT_OPEN');
    expect(transport.requests).toHaveLength(3);
    expect(observer.outcomes).toEqual(['unavailable', 'timeout', 'bad_response', 'circuit_open']);
    expect(states).toEqual(['closed', 'open']);
  });

  it('counts every attempt: one read whose retries all meet an outage can open it', async () => {
    const { call, transport, state } = client([HTTP_500], { maxRetries: 2, breakerThreshold: 3 });
    await call();
    expect(state()).toBe('open');
    expect(isCircuitOpenError(((await call()) as { error: unknown }).error)).toBe(true);
    expect(transport.requests).toHaveLength(3);
  });

  it('MSDK business errors never open it, and an answer resets the run of outages', async () => {
    const { call, state } = client([BUSINESS_ERROR, BUSINESS_ERROR, BUSINESS_ERROR, BUSINESS_ERROR], breaking);
    for (let i = 0; i < 4; i++) expect(isMsdkAnswerError(((await call()) as { error: unknown }).error)).toBe(true);
    expect(state()).toBe('closed');

    const mixed = client([HTTP_500, HTTP_500, BUSINESS_ERROR, HTTP_500, HTTP_500, OK], breaking);
    for (let i = 0; i < 5; i++) await mixed.call();
    expect(mixed.state()).toBe('closed');
  });

  it('half-open after halfOpenAfterMs: one trial call goes through, and a good one closes it', async () => {
    const { call, transport, states, state } = client([HTTP_500, HTTP_500, HTTP_500, OK], breaking);
    for (let i = 0; i < 3; i++) await call();
    expect(isCircuitOpenError(((await call()) as { error: unknown }).error)).toBe(true);
    await sleep(120);
    expect(await call()).toMatchObject({ result: { ret: 0 } });
    expect(state()).toBe('closed');
    expect(states).toEqual(['closed', 'open', 'half-open', 'closed']);
    expect(await call()).toMatchObject({ result: { ret: 0 } });
    expect(transport.requests).toHaveLength(5);
  });

  it('calls arriving during the trial wait for it, then go through or fail with the circuit', async () => {
    for (const trialPasses of [true, false]) {
      let endTrial!: () => void;
      const trial: Exchange = () =>
        new Promise((resolve, reject) => {
          endTrial = () =>
            trialPasses
              ? resolve({ raw: Buffer.from('{"ret":0}'), body: { ret: 0 } })
              : reject(new UpstreamUnavailableError('still down', 503));
        });
      const { call, transport, states } = client([HTTP_500, HTTP_500, HTTP_500, trial, OK], breaking);
      for (let i = 0; i < 3; i++) await call();
      await sleep(120);
      const trialCall = call();
      const waiter = call();
      await sleep(10);
      expect(transport.requests).toHaveLength(4);
      endTrial();
      await trialCall;
      const outcome = await waiter;
      if (trialPasses) {
        expect(outcome).toMatchObject({ result: { ret: 0 } });
        expect(transport.requests).toHaveLength(5);
        expect(states).toEqual(['closed', 'open', 'half-open', 'closed']);
      } else {
        expect(isCircuitOpenError((outcome as { error: unknown }).error)).toBe(true);
        expect(transport.requests).toHaveLength(4);
        expect(states).toEqual(['closed', 'open', 'half-open', 'open']);
      }
    }
  });

  it('a failed trial opens it for another halfOpenAfterMs; an MSDK answer to the trial closes it', async () => {
    const { call, states, state } = client([HTTP_500, HTTP_500, HTTP_500, HTTP_500, BUSINESS_ERROR], breaking);
    for (let i = 0; i < 3; i++) await call();
    await sleep(120);
    await call();
    expect(state()).toBe('open');
    expect(isCircuitOpenError(((await call()) as { error: unknown }).error)).toBe(true);
    await sleep(120);
    expect(isMsdkAnswerError(((await call()) as { error: unknown }).error)).toBe(true);
    expect(state()).toBe('closed');
    expect(states).toEqual(['closed', 'open', 'half-open', 'open', 'half-open', 'closed']);
  });

  it('keeps one breaker per origin', async () => {
    const { client: c } = client([HTTP_500, HTTP_500, HTTP_500, OK], breaking);
    for (let i = 0; i < 3; i++) await c.call(READ, ORIGIN, CALL).catch(() => undefined);
    expect((await c.call(READ, 'http://v5.test', CALL)).ret).toBe(0);
    expect(c.breakers.states()).toEqual({ [ORIGIN]: 'open', 'http://v5.test': 'closed' });
  });
});

describe('MsdkClient: attempt tracing', () => {
  it("gives each attempt the tracer's headers and tells it how each one ended", async () => {
    const { client: c, transport } = client([HTTP_500, RETRY_ONCE, OK]);
    const events: string[] = [];
    const tracer = {
      attemptStarted: (attempt: number) => {
        events.push(`start ${attempt}`);
        return { traceparent: `attempt-${attempt}` };
      },
      attemptFinished: (attempt: number, outcome: AttemptOutcome) => void events.push(`end ${attempt} ${outcome}`),
    };
    const result = await c.call(READ, ORIGIN, CALL, { headers: { unused: 'x' }, tracer });
    expect(result.attempts).toBe(3);
    expect(transport.requests.map((r) => r.headers)).toEqual([
      { traceparent: 'attempt-1' },
      { traceparent: 'attempt-2' },
      { traceparent: 'attempt-3' },
    ]);
    expect(events).toEqual(['start 1', 'end 1 unavailable', 'start 2', 'end 2 msdk_error', 'start 3', 'end 3 ok']);
  });
});
