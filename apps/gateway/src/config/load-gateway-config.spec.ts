import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigValidationError } from './config-error.js';
import { loadGatewayConfig } from './load-gateway-config.js';

const VALID_ENV = {
  GATEWAY_CONFIG_JSON: JSON.stringify({
    upstream: { v3BaseUrl: 'http://127.0.0.1:3100' },
    games: [{ id: 'demo', qqAppId: '100703379', wechatAppId: 'wxcde873f99466f74a' }],
    clients: [],
  }),
  MSDK_GAME_DEMO_MSDKKEY: 'a-test-msdkkey-0123',
};

/** The message of the config error the env raises, or undefined when it loads. */
function problemWith(extra: Record<string, string>): string | undefined {
  try {
    loadGatewayConfig({ ...VALID_ENV, ...extra });
    return undefined;
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.message;
    throw error;
  }
}

describe('loadGatewayConfig: settings from the environment', () => {
  it('loads the minimal config', () => {
    expect(problemWith({})).toBeUndefined();
  });

  it.each([
    ['LOG_LEVEL', 'loud', /server\.logLevel \(LOG_LEVEL\) must be one of fatal, error, warn, info/],
    ['LOG_PRETTY', 'yes', /LOG_PRETTY must be 1, 0, true or false/],
    ['METRICS_REQUIRE_ADMIN', 'on', /METRICS_REQUIRE_ADMIN must be 1, 0, true or false/],
    ['CACHE_ENABLED', 'maybe', /CACHE_ENABLED must be 1, 0, true or false/],
    ['RATE_LIMITS_ENABLED', '2', /RATE_LIMITS_ENABLED must be 1, 0, true or false/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL\) must be a redis:\/\/ or rediss:\/\/ URL/],
    ['PORT', 'eighty', /server\.port must be an integer/],
    ['SHUTDOWN_DRAIN_DELAY_MS', 'soon', /server\.shutdownDrainDelayMs must be an integer from 0 to 120000/],
    ['SHUTDOWN_DRAIN_DELAY_MS', '-1', /server\.shutdownDrainDelayMs must be an integer from 0 to 120000/],
    ['MSDK_TRANSPORT', 'fetch', /upstream\.transport must be "undici" or "axios"/],
  ])('refuses %s=%s, naming it', (name, value, message) => {
    expect(problemWith({ [name]: value })).toMatch(message);
  });

  it('waits 5 s after SIGTERM before it stops listening, unless SHUTDOWN_DRAIN_DELAY_MS says otherwise', () => {
    expect(loadGatewayConfig(VALID_ENV).server.shutdownDrainDelayMs).toBe(5000);
    expect(loadGatewayConfig({ ...VALID_ENV, SHUTDOWN_DRAIN_DELAY_MS: '0' }).server.shutdownDrainDelayMs).toBe(0);
  });

  it('takes 1/0 and true/false for on/off settings', () => {
    for (const value of ['1', '0', 'true', 'false']) {
      expect(problemWith({ LOG_PRETTY: value, CACHE_ENABLED: value, METRICS_REQUIRE_ADMIN: value })).toBeUndefined();
    }
  });
});

describe('loadGatewayConfig: client key digests from a file', () => {
  const digest = (c: string) => c.repeat(64);
  const withClient = (env: Record<string, string>) =>
    loadGatewayConfig({
      ...VALID_ENV,
      GATEWAY_CONFIG_JSON: JSON.stringify({
        ...(JSON.parse(VALID_ENV.GATEWAY_CONFIG_JSON) as object),
        clients: [{ name: 'game-server', keySha256: [digest('0')], games: ['demo'], scopes: ['auth'] }],
      }),
      ...env,
    });

  it('takes GATEWAY_CLIENT_<NAME>_KEY_SHA256_FILE over the file, one digest a line (two while rotating)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'digests-'));
    try {
      const file = join(dir, 'digests');
      writeFileSync(file, `${digest('a')}\n${digest('B')}\n`);
      const config = withClient({ GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE: file });
      expect(config.clients[0].keySha256).toEqual([digest('a'), digest('b')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the setting when the digest file cannot be read', () => {
    expect(() => withClient({ GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE: '/nonexistent/digests' })).toThrow(
      /GATEWAY_CLIENT_GAME_SERVER_KEY_SHA256_FILE cannot be read/,
    );
  });
});
