import type { GameCredentials, ResilienceOptions, UpstreamTlsOptions } from '#msdk';
import type { CacheConfig } from './cache-config.js';
import type { RateLimitConfig } from './rate-limit-config.js';
import type { TracingConfig } from './tracing-config.js';

export interface ServerConfig {
  readonly host: string;
  readonly port: number;
  readonly bodyLimitBytes: number;
  readonly logLevel: string;
  /** Human-readable logs (npm start); JSON lines otherwise. */
  readonly prettyLogs: boolean;
  readonly production: boolean;
  /** /metrics asks for an `admin` client key (open by default, for the scraper). */
  readonly metricsRequireAdmin: boolean;
  /**
   * After SIGTERM: how long the process keeps serving, not ready, before it stops listening
   * (SHUTDOWN_DRAIN_DELAY_MS), so balancers take it out before its connections close.
   */
  readonly shutdownDrainDelayMs: number;
}

export interface UpstreamConfig {
  readonly v3BaseUrl: string;
  readonly v5BaseUrl: string;
  readonly transport: 'undici' | 'axios';
  readonly connections: number;
  /** How https: MSDK URLs are verified: the CA from MSDK_CA_FILE (upstream.caFile), or the public CAs. */
  readonly tls: UpstreamTlsOptions;
}

export interface GameConfig {
  readonly id: string;
  readonly credentials: GameCredentials;
}

export const DOMAIN_SCOPES = ['auth', 'relation', 'group', 'profile', 'share', 'freeflow', 'friend'] as const;
export type DomainScope = (typeof DOMAIN_SCOPES)[number];
export type Scope = DomainScope | 'admin';
export const ALL_SCOPES: readonly Scope[] = [...DOMAIN_SCOPES, 'admin'];

export interface ClientConfig {
  readonly name: string;
  /** SHA-256 hex of each accepted key; two during a rotation. */
  readonly keySha256: readonly string[];
  readonly games: readonly string[];
  readonly scopes: readonly Scope[];
}

export interface GatewayConfig {
  readonly server: ServerConfig;
  readonly upstream: UpstreamConfig;
  readonly resilience: ResilienceOptions;
  readonly cache: CacheConfig;
  readonly rateLimits: RateLimitConfig;
  readonly games: readonly GameConfig[];
  readonly clients: readonly ClientConfig[];
  /** Trace context and optional OTLP span export, from the OTEL_* environment variables. */
  readonly tracing: TracingConfig;
}
