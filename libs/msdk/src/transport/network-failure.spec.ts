import { describe, expect, it } from '@jest/globals';
import { UpstreamTlsError, UpstreamUnavailableError } from '../errors/msdk-errors.js';
import { networkFailure } from './read-msdk-answer.js';

const socketError = (code: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

describe('networkFailure and TLS', () => {
  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ])('makes %s (as the library wraps it) a TLS failure: nothing sent, the code its only detail', (code) => {
    const wrapped = Object.assign(new Error('request failed'), {
      cause: socketError(code, { cert: { subject: { CN: 'secret.example' } } }),
    });
    const failure = networkFailure(wrapped);
    expect(failure).toBeInstanceOf(UpstreamTlsError);
    expect(failure.code).toBe('MSDK_TLS_FAILED');
    expect(failure.mayHaveReachedUpstream).toBe(false);
    expect(failure.message).toContain(code);
    expect(JSON.stringify({ ...failure, message: failure.message })).not.toContain('secret.example');
  });

  it('leaves other network errors what they were', () => {
    const refused = networkFailure(socketError('ECONNREFUSED'));
    expect(refused).toBeInstanceOf(UpstreamUnavailableError);
    expect(refused.mayHaveReachedUpstream).toBe(false);
    expect(networkFailure(socketError('ECONNRESET')).mayHaveReachedUpstream).toBe(true);
  });
});
