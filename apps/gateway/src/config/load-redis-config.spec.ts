import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError, ProblemList } from './config-error.js';
import { loadGatewayConfig } from './load-gateway-config.js';
import { loadRedisConfig } from './load-redis-config.js';

/** The problems `cache` (and the environment) raise, one string. */
function problemsOf(cache: Record<string, unknown>, env: Record<string, string> = {}): string[] {
  const problems = new ProblemList();
  loadRedisConfig(cache, env, problems);
  return problems.problems;
}

const NODE = { host: '10.0.0.1', port: 7000 };

describe('loadRedisConfig', () => {
  it('no Redis configured: none (the in-memory store)', () => {
    const problems = new ProblemList();
    expect(loadRedisConfig({}, {}, problems)).toBeUndefined();
    expect(problems.problems).toEqual([]);
  });

  it('a cluster: its seed nodes, with the command budget and key prefix', () => {
    const problems = new ProblemList();
    const redis = loadRedisConfig(
      { redisCluster: { nodes: [NODE, { host: 'r2', port: 7001 }] }, redisKeyPrefix: 'gw:', redisCommandTimeoutMs: 40 },
      {},
      problems,
    );
    expect(problems.problems).toEqual([]);
    expect(redis).toEqual({
      commandTimeoutMs: 40,
      keyPrefix: 'gw:',
      cluster: { nodes: [NODE, { host: 'r2', port: 7001 }] },
    });
  });

  it('sentinels: the master group and the sentinels', () => {
    const problems = new ProblemList();
    const redis = loadRedisConfig({ redisSentinel: { name: 'cache', sentinels: [NODE] } }, {}, problems);
    expect(problems.problems).toEqual([]);
    expect(redis).toEqual({
      commandTimeoutMs: 50,
      keyPrefix: undefined,
      sentinel: { name: 'cache', sentinels: [NODE] },
    });
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty cluster', { redisCluster: {} }, /cache\.redisCluster\.nodes must be a non-empty array/],
    [
      'a cluster without nodes',
      { redisCluster: { nodes: [] } },
      /cache\.redisCluster\.nodes must be a non-empty array/,
    ],
    ['a cluster that is not an object', { redisCluster: 'r1:7000' }, /cache\.redisCluster must be an object/],
    [
      'a node without a host',
      { redisCluster: { nodes: [{ port: 7000 }] } },
      /cache\.redisCluster\.nodes\[0\]\.host must/,
    ],
    [
      'a node without a port',
      { redisCluster: { nodes: [{ host: 'r1' }] } },
      /cache\.redisCluster\.nodes\[0\]\.port is required/,
    ],
    [
      'a port out of range',
      { redisCluster: { nodes: [NODE, { host: 'r2', port: 70000 }] } },
      /cache\.redisCluster\.nodes\[1\]\.port must be an integer from 1 to 65535/,
    ],
    [
      'a node that is a string',
      { redisCluster: { nodes: ['r1:7000'] } },
      /cache\.redisCluster\.nodes\[0\] must be an object/,
    ],
    ['a misspelt field', { redisCluster: { node: [NODE] } }, /cache\.redisCluster\.node: unknown field/],
    ['an empty sentinel setting', { redisSentinel: {} }, /cache\.redisSentinel\.name must be/],
    ['sentinels without a name', { redisSentinel: { sentinels: [NODE] } }, /cache\.redisSentinel\.name must be/],
    [
      'a name without sentinels',
      { redisSentinel: { name: 'cache' } },
      /cache\.redisSentinel\.sentinels must be a non-empty array/,
    ],
    [
      'a sentinel without a port',
      { redisSentinel: { name: 'cache', sentinels: [{ host: 's1' }] } },
      /cache\.redisSentinel\.sentinels\[0\]\.port is required/,
    ],
    [
      'a sentinel with an unknown field',
      { redisSentinel: { name: 'cache', sentinels: [{ ...NODE, password: 'x' }] } },
      /cache\.redisSentinel\.sentinels\[0\]\.password: unknown field/,
    ],
    [
      'both a cluster and sentinels',
      { redisCluster: { nodes: [NODE] }, redisSentinel: { name: 'cache', sentinels: [NODE] } },
      /cache\.redisSentinel and cache\.redisCluster: set only one/,
    ],
    ['a cluster and a URL', { redisCluster: { nodes: [NODE] }, redisUrl: 'redis://r:6379' }, /set only one/],
  ])('refuses %s, naming the field', (_what, cache, message) => {
    expect(problemsOf(cache).join('\n')).toMatch(message);
  });

  it('REDIS_URL beside a cluster in the file is refused too (which one was meant?)', () => {
    expect(problemsOf({ redisCluster: { nodes: [NODE] } }, { REDIS_URL: 'redis://r:6379' }).join('\n')).toMatch(
      /cache\.redisUrl \(REDIS_URL\) and cache\.redisCluster: set only one/,
    );
  });

  it('names every bad field at once', () => {
    const problems = problemsOf({ redisCluster: { nodes: [{ host: '' }, { port: 0 }] } });
    expect(problems).toEqual([
      'cache.redisCluster.nodes[0].host must be a non-empty string',
      'cache.redisCluster.nodes[0].port is required (an integer from 1 to 65535)',
      'cache.redisCluster.nodes[1].host must be a non-empty string',
      'cache.redisCluster.nodes[1].port must be an integer from 1 to 65535',
    ]);
  });

  it('stops startup: the gateway config with "redisCluster": {} is a ConfigValidationError naming the field', () => {
    const config = {
      upstream: { v3BaseUrl: 'http://127.0.0.1:3100' },
      games: [{ id: 'demo', qqAppId: '100703379', wechatAppId: 'wxcde873f99466f74a' }],
      clients: [],
      cache: { redisCluster: {} },
    };
    const load = () =>
      loadGatewayConfig({ GATEWAY_CONFIG_JSON: JSON.stringify(config), MSDK_GAME_DEMO_MSDKKEY: 'a-test-msdkkey-0123' });
    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(/cache\.redisCluster\.nodes must be a non-empty array/);
  });
});
