import { describe, expect, it } from '@jest/globals';
import { tlsFailureCode } from './tls-failure.js';

const socketError = (code: string) => Object.assign(new Error(`${code} happened`), { code });

describe('tlsFailureCode', () => {
  it.each([
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ])('names %s, also where a library wrapped the socket error as a cause', (code) => {
    expect(tlsFailureCode(socketError(code))).toBe(code);
    expect(tlsFailureCode(Object.assign(new Error('request failed'), { cause: socketError(code) }))).toBe(code);
  });

  it('is undefined for anything else', () => {
    expect(tlsFailureCode(socketError('ECONNREFUSED'))).toBeUndefined();
    expect(tlsFailureCode(new Error('no code'))).toBeUndefined();
    expect(tlsFailureCode(undefined)).toBeUndefined();
  });
});
