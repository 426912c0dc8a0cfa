import { logDestination as productionLogDestination } from '../../apps/gateway/src/logging/create-logger.js';
import { GatewayHarness } from '../support/gateway-harness.js';
import { newKeys } from '../support/test-game.js';
import { UPSTREAM_CONNECTIONS } from './server-under-test.js';

/** Which gateway a case measures. */
export interface GatewayVariant {
  readonly cache: 'off' | 'memory' | 'redis';
  readonly transport: 'undici' | 'axios';
  /** Required when cache is `redis`. */
  readonly redisUrl?: string;
}

/**
 * A real gateway (createGateway through the test harness) in this process, in front of the
 * stub. It logs one JSON line per request as in production, through the production log
 * destination pointed at /dev/null: the cost of building and writing each line is still paid.
 */
export async function startBenchGateway(
  upstreamUrl: string,
  variant: GatewayVariant,
): Promise<{ gateway: GatewayHarness; close: () => Promise<void> }> {
  if (variant.cache === 'redis' && !variant.redisUrl) throw new Error('the redis variant needs a Redis URL');
  const logDestination = productionLogDestination('/dev/null');
  const gateway = await GatewayHarness.start({
    // The stub checks no signature, so any keys do; the gateway still signs every call.
    sandbox: { url: upstreamUrl, v5Url: `${upstreamUrl}/v5`, keys: newKeys() },
    configPatch: {
      upstream: { transport: variant.transport, connections: UPSTREAM_CONNECTIONS },
      // One client sends everything here: lift its budget out of reach, but keep the limiter
      // on so its per-request cost is still measured.
      rateLimits: { perClient: { limit: 10_000_000, windowMs: 1000 } },
    },
    env: {
      CACHE_ENABLED: variant.cache === 'off' ? '0' : '1',
      MSDK_TRANSPORT: variant.transport,
      // BENCH_LOG_LEVEL=warn measures the gateway without its per-request line (to price logging).
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...(variant.cache === 'redis' ? { REDIS_URL: variant.redisUrl! } : {}),
    },
    logDestination,
  });
  return {
    gateway,
    close: async () => {
      await gateway.close();
      logDestination.end();
    },
  };
}
