import { registerAs } from '@nestjs/config';
import type { ClientConfig, GameConfig, GatewayConfig, ServerConfig, UpstreamConfig } from './gateway-config.js';
import type { ResilienceOptions } from '#msdk';
import type { CacheConfig } from './cache-config.js';
import type { RateLimitConfig } from './rate-limit-config.js';
import type { TracingConfig } from './tracing-config.js';

/**
 * Typed @nestjs/config namespaces. The whole config is loaded and validated once at startup
 * (loadGatewayConfig); each namespace serves one slice of it, injected by its KEY.
 */
const namespace = <T>(name: string) => ({
  KEY: registerAs(name, () => ({})).KEY,
  of: (value: T) => registerAs(name, () => value as unknown as Record<string, unknown>),
});

export const serverConfig = namespace<ServerConfig>('server');
export const upstreamConfig = namespace<UpstreamConfig>('upstream');
export const resilienceConfig = namespace<ResilienceOptions>('resilience');
export const cacheConfig = namespace<CacheConfig>('cache');
export const rateLimitConfig = namespace<RateLimitConfig>('rateLimits');
export const gamesConfig = namespace<{ list: readonly GameConfig[] }>('games');
export const clientsConfig = namespace<{ list: readonly ClientConfig[] }>('clients');
export const tracingConfig = namespace<TracingConfig>('tracing');

export function configNamespaces(config: GatewayConfig) {
  return [
    serverConfig.of(config.server),
    upstreamConfig.of(config.upstream),
    resilienceConfig.of(config.resilience),
    cacheConfig.of(config.cache),
    rateLimitConfig.of(config.rateLimits),
    gamesConfig.of({ list: config.games }),
    clientsConfig.of({ list: config.clients }),
    tracingConfig.of(config.tracing),
  ];
}
