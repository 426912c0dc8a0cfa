import { describe, expect, it } from '@jest/globals';
import {
  BadUpstreamResponseError,
  CircuitOpenError,
  MsdkAnswerError,
  MsdkFrequencyLimitError,
  MsdkUserTokenError,
  UpstreamPoolExhaustedError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from '#msdk';
import { UserFrequencyLimitedError } from '../errors/gateway-errors.js';
import { fleetFailures } from './fleet-failures.js';

const codec = fleetFailures(7000);
const travel = (error: Error) => {
  const text = codec.encode(error);
  if (text === undefined) throw new Error(`${error.name} did not travel`);
  return codec.decode(text);
};
const detail = { ret: -503, msg: 'too frequent', source: 'msdk' as const };

describe('fleetFailures', () => {
  it.each([
    new UpstreamTimeoutError(3100, 'attempt', 2),
    new UpstreamUnavailableError('MSDK answered HTTP 502', 502),
    new UpstreamUnavailableError('connection refused', undefined, true),
    new BadUpstreamResponseError('not JSON', 200),
    new CircuitOpenError('http://msdk'),
    new MsdkAnswerError({ ...detail, ret: -1 }, true),
    new MsdkUserTokenError({ ...detail, ret: -73 }),
    new MsdkFrequencyLimitError(detail),
    new UserFrequencyLimitedError(2),
  ])('rebuilds %p as the same class with the same fields', (error) => {
    const rebuilt = travel(error);
    expect(rebuilt.constructor).toBe(error.constructor);
    expect({ ...rebuilt, message: rebuilt.message }).toEqual({ ...error, message: error.message });
  });

  it("keeps a failure of the holder's own process there (its pool, anything unknown)", () => {
    expect(codec.encode(new UpstreamPoolExhaustedError('http://msdk', 10, 10))).toBeUndefined();
    expect(codec.encode(new Error('bug'))).toBeUndefined();
  });

  it('answers an outwaited holder with the timeout of the deadline', () => {
    const error = codec.waitExpired(7000);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect([(error as UpstreamTimeoutError).timeoutMs, (error as UpstreamTimeoutError).scope]).toEqual([
      7000,
      'deadline',
    ]);
  });
});
