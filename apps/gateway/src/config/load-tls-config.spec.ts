import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { ProblemList } from './config-error.js';
import { loadCacheConfig } from './load-cache-config.js';
import { loadRedisTls, loadUpstreamTls } from './load-tls-config.js';

// Any real PEM certificates do: two of Node's bundled public roots stand in for a CA bundle.
const dir = mkdtempSync(join(tmpdir(), 'tls-config-'));
const bundle = join(dir, 'ca.pem');
writeFileSync(bundle, `${rootCertificates[0]}\n${rootCertificates[1]}\n`);
const notPem = join(dir, 'not.pem');
writeFileSync(notPem, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HTTPS = ['https://msdk.example', 'https://itop.example'];

describe('loadUpstreamTls', () => {
  it('verifies against the public CAs unless MSDK_CA_FILE names a bundle, which it reads whole', () => {
    const problems = new ProblemList();
    expect(loadUpstreamTls({}, {}, HTTPS, problems)).toEqual({});
    const tls = loadUpstreamTls({}, { MSDK_CA_FILE: bundle }, HTTPS, problems);
    expect(problems.problems).toEqual([]);
    expect(tls.ca).toContain(rootCertificates[1].trim());
  });

  it('takes upstream.caFile from the config file, and an empty MSDK_CA_FILE as unset', () => {
    const problems = new ProblemList();
    expect(loadUpstreamTls({ caFile: bundle }, {}, HTTPS, problems).ca).toBeDefined();
    expect(loadUpstreamTls({}, { MSDK_CA_FILE: '' }, HTTPS, problems)).toEqual({});
    expect(problems.problems).toEqual([]);
  });

  it.each([
    ['a file that cannot be read', join(dir, 'missing.pem'), /MSDK_CA_FILE\) cannot be read/],
    ['a file of no certificates', notPem, /MSDK_CA_FILE\) is not a PEM certificate file/],
  ])('names MSDK_CA_FILE for %s', (_name, file, problem) => {
    const problems = new ProblemList();
    loadUpstreamTls({}, { MSDK_CA_FILE: file }, HTTPS, problems);
    expect(problems.problems.join('\n')).toMatch(problem);
  });

  it('refuses a CA file when no MSDK URL is https: (the traffic it was meant for is plain)', () => {
    const problems = new ProblemList();
    loadUpstreamTls({}, { MSDK_CA_FILE: bundle }, ['http://msdk.example'], problems);
    expect(problems.problems).toEqual(['upstream.caFile (MSDK_CA_FILE) is set but no MSDK URL is https:']);
  });
});

describe('loadRedisTls', () => {
  const tlsOf = (env: Record<string, string>, redis: { url?: string } | undefined, o = {}) => {
    const problems = new ProblemList();
    return { tls: loadRedisTls(o, env, redis, problems), problems: problems.problems };
  };

  it('is on for a rediss:// URL and off for redis://', () => {
    expect(tlsOf({}, { url: 'rediss://r:6380' })).toEqual({ tls: {}, problems: [] });
    expect(tlsOf({}, { url: 'redis://r:6379' })).toEqual({ tls: undefined, problems: [] });
    expect(tlsOf({ REDIS_CA_FILE: bundle }, { url: 'rediss://r:6380' }).tls?.ca).toBeDefined();
  });

  it('is on for a cluster or sentinel group by REDIS_TLS (cache.redisTls)', () => {
    expect(tlsOf({ REDIS_TLS: '1', REDIS_CA_FILE: bundle }, {}).tls?.ca).toBeDefined();
    expect(tlsOf({}, {}, { redisTls: true })).toEqual({ tls: {}, problems: [] });
    expect(tlsOf({}, {})).toEqual({ tls: undefined, problems: [] });
  });

  it('refuses settings that would leave the operator believing Redis is encrypted when it is not', () => {
    expect(tlsOf({ REDIS_TLS: '1' }, { url: 'redis://r:6379' }).problems).toEqual([
      'cache.redisTls (REDIS_TLS) is on but the Redis URL is redis://: use rediss://',
    ]);
    expect(tlsOf({ REDIS_CA_FILE: bundle }, { url: 'redis://r:6379' }).problems.join('\n')).toMatch(
      /REDIS_CA_FILE\) is set but Redis is not reached over TLS/,
    );
    expect(tlsOf({ REDIS_CA_FILE: notPem }, { url: 'rediss://r:6380' }).problems.join('\n')).toMatch(
      /REDIS_CA_FILE\) is not a PEM certificate file/,
    );
  });

  it('reaches the cluster options through the cache section', () => {
    const problems = new ProblemList();
    const c = loadCacheConfig(
      { redisCluster: { nodes: [{ host: '10.0.0.1', port: 6380 }] }, redisTls: true, redisCaFile: bundle },
      {},
      problems,
    );
    expect(problems.problems).toEqual([]);
    expect(c.redis?.cluster?.nodes).toEqual([{ host: '10.0.0.1', port: 6380 }]);
    expect(c.redis?.tls?.ca).toContain(rootCertificates[0].trim());
  });
});
