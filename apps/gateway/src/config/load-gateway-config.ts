import { readFileSync } from 'node:fs';
import { DEFAULT_RESILIENCE, type ResilienceOptions } from '#msdk';
import { ProblemList } from './config-error.js';
import { asArray, asObject, flag, int, num, oneOf, str, strList, url, type Json } from './config-readers.js';
import { envSegment, readSecret, type Env } from './env-source.js';
import { loadCacheConfig } from './load-cache-config.js';
import { loadGames } from './load-games.js';
import { loadRateLimitConfig } from './load-rate-limit-config.js';
import { loadTracingConfig } from './load-tracing-config.js';
import { loadUpstreamTls } from './load-tls-config.js';
import {
  ALL_SCOPES,
  type ClientConfig,
  type GatewayConfig,
  type Scope,
  type ServerConfig,
  type UpstreamConfig,
} from './gateway-config.js';

/**
 * Long enough for a balancer checking readiness every 1-2 s (Kubernetes' Endpoints update,
 * HAProxy's `inter`) to take the instance out before it stops listening.
 */
const DEFAULT_SHUTDOWN_DRAIN_DELAY_MS = 5_000;

/** pino's levels: anything else would stop the logger, not name the setting. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads the gateway's configuration: non-secret settings from the JSON file named by
 * GATEWAY_CONFIG_FILE (or inline GATEWAY_CONFIG_JSON), a few environment overrides, and every
 * key from the environment. Throws ConfigValidationError listing every problem.
 */
export function loadGatewayConfig(env: Env): GatewayConfig {
  const problems = new ProblemList();
  const file = readConfigJson(env, problems);
  const production = env.NODE_ENV === 'production';

  const clients = loadClients(asArray(file.clients, 'clients', problems), env, problems);
  const config: GatewayConfig = {
    server: loadServer(asObject(file.server, 'server', problems), env, production, problems),
    upstream: loadUpstream(asObject(file.upstream, 'upstream', problems), env, problems),
    resilience: loadResilience(asObject(file.resilience, 'resilience', problems), problems),
    cache: loadCacheConfig(asObject(file.cache, 'cache', problems), env, problems),
    games: loadGames(asArray(file.games, 'games', problems), env, production, problems),
    clients,
    rateLimits: loadRateLimitConfig(
      asObject(file.rateLimits, 'rateLimits', problems),
      env,
      clients.map((c) => c.name),
      problems,
    ),
    tracing: loadTracingConfig(env, problems),
  };
  checkClientGames(config, problems);
  problems.throwIfAny();
  return config;
}

function readConfigJson(env: Env, problems: ProblemList): Json {
  const inline = env.GATEWAY_CONFIG_JSON;
  const path = env.GATEWAY_CONFIG_FILE;
  let text: string | undefined = inline;
  if (text === undefined && path) {
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      problems.add(`GATEWAY_CONFIG_FILE cannot be read (${path})`);
      return {};
    }
  }
  if (text === undefined) {
    problems.add('GATEWAY_CONFIG_FILE (or GATEWAY_CONFIG_JSON) is missing: see config/gateway.example.json');
    return {};
  }
  try {
    return asObject(JSON.parse(text), 'config', problems);
  } catch {
    problems.add('the gateway config is not valid JSON');
    return {};
  }
}

function loadServer(o: Json, env: Env, production: boolean, problems: ProblemList): ServerConfig {
  const withEnv = {
    ...o,
    port: env.PORT ?? o.port,
    host: env.HOST ?? o.host,
    shutdownDrainDelayMs: env.SHUTDOWN_DRAIN_DELAY_MS ?? o.shutdownDrainDelayMs,
  };
  return {
    host: str(withEnv, 'host', 'server', problems, '0.0.0.0'),
    port: int(withEnv, 'port', 'server', problems, 3000, 0, 65535),
    bodyLimitBytes: int(o, 'bodyLimitBytes', 'server', problems, 64 * 1024, 1024, 10 * 1024 * 1024),
    logLevel: oneOf(env.LOG_LEVEL ?? o.logLevel, LOG_LEVELS, 'server.logLevel (LOG_LEVEL)', problems, 'info'),
    prettyLogs: flag(env.LOG_PRETTY, 'LOG_PRETTY', o.prettyLogs, 'server.prettyLogs', problems, false),
    production,
    metricsRequireAdmin: flag(
      env.METRICS_REQUIRE_ADMIN,
      'METRICS_REQUIRE_ADMIN',
      o.metricsRequireAdminKey,
      'server.metricsRequireAdminKey',
      problems,
      false,
    ),
    shutdownDrainDelayMs: int(
      withEnv,
      'shutdownDrainDelayMs',
      'server',
      problems,
      DEFAULT_SHUTDOWN_DRAIN_DELAY_MS,
      0,
      120_000,
    ),
  };
}

function loadUpstream(o: Json, env: Env, problems: ProblemList): UpstreamConfig {
  const withEnv = {
    ...o,
    v3BaseUrl: env.MSDK_V3_BASE_URL ?? o.v3BaseUrl,
    v5BaseUrl: env.MSDK_V5_BASE_URL ?? o.v5BaseUrl ?? env.MSDK_V3_BASE_URL ?? o.v3BaseUrl,
    transport: env.MSDK_TRANSPORT ?? o.transport ?? 'undici',
  };
  const transport = withEnv.transport;
  if (transport !== 'undici' && transport !== 'axios') problems.add('upstream.transport must be "undici" or "axios"');
  const v3BaseUrl = url(
    str(withEnv, 'v3BaseUrl', 'upstream', problems),
    'upstream.v3BaseUrl (MSDK_V3_BASE_URL)',
    problems,
  );
  const v5BaseUrl = url(
    str(withEnv, 'v5BaseUrl', 'upstream', problems),
    'upstream.v5BaseUrl (MSDK_V5_BASE_URL)',
    problems,
  );
  return {
    v3BaseUrl,
    v5BaseUrl,
    transport: transport === 'axios' ? 'axios' : 'undici',
    connections: int(o, 'connections', 'upstream', problems, 64, 1, 4096),
    tls: loadUpstreamTls(o, env, [v3BaseUrl, v5BaseUrl], problems),
  };
}

function loadResilience(o: Json, problems: ProblemList): ResilienceOptions {
  const d = DEFAULT_RESILIENCE;
  const r: ResilienceOptions = {
    attemptTimeoutMs: int(o, 'attemptTimeoutMs', 'resilience', problems, d.attemptTimeoutMs, 1, 60_000),
    deadlineMs: int(o, 'deadlineMs', 'resilience', problems, d.deadlineMs, 1, 120_000),
    maxRetries: int(o, 'maxRetries', 'resilience', problems, d.maxRetries, 0, 5),
    backoffInitialMs: int(o, 'backoffInitialMs', 'resilience', problems, d.backoffInitialMs, 0, 10_000),
    backoffMaxMs: int(o, 'backoffMaxMs', 'resilience', problems, d.backoffMaxMs, 0, 30_000),
    breakerThreshold: int(o, 'breakerThreshold', 'resilience', problems, d.breakerThreshold, 1, 1000),
    breakerHalfOpenAfterMs: int(
      o,
      'breakerHalfOpenAfterMs',
      'resilience',
      problems,
      d.breakerHalfOpenAfterMs,
      1,
      600_000,
    ),
    retryBudgetRatio: num(o, 'retryBudgetRatio', 'resilience', problems, d.retryBudgetRatio, 0, 10),
    retryBudgetMinPerSecond: int(
      o,
      'retryBudgetMinPerSecond',
      'resilience',
      problems,
      d.retryBudgetMinPerSecond,
      0,
      100_000,
    ),
  };
  if (r.deadlineMs < r.attemptTimeoutMs)
    problems.add('resilience.deadlineMs must be at least resilience.attemptTimeoutMs');
  return r;
}

/**
 * Key hashes come from the file, or per deployment from GATEWAY_CLIENT_<NAME>_KEY_SHA256
 * (comma-separated while rotating) or the file GATEWAY_CLIENT_<NAME>_KEY_SHA256_FILE (one digest
 * a line or comma-separated: a Secret the gateway re-reads when it changes), so one config file
 * serves every environment.
 */
function loadClients(list: unknown[], env: Env, problems: ProblemList): ClientConfig[] {
  const names = new Set<string>();
  const digests = new Set<string>();
  return list.map((raw, i) => {
    const path = `clients[${i}]`;
    const o = asObject(raw, path, problems);
    const name = str(o, 'name', path, problems);
    if (names.has(name)) problems.add(`${path}.name "${name}" is used twice`);
    names.add(name);
    const fromEnv = readSecret(env, `GATEWAY_CLIENT_${envSegment(name)}_KEY_SHA256`, problems, false)
      ?.split(/[\s,]+/)
      .filter(Boolean);
    const keySha256 = (fromEnv ?? strList(o, 'keySha256', path, problems)).map((h) => h.toLowerCase());
    if (keySha256.length === 0 || keySha256.some((h) => !/^[0-9a-f]{64}$/.test(h))) {
      problems.add(`${path}.keySha256 must list one or two SHA-256 hex digests (two while rotating)`);
    }
    // One key must name one client: the digest is how a caller is found.
    for (const h of keySha256) {
      if (digests.has(h)) problems.add(`${path}.keySha256 lists a key another client already has`);
      digests.add(h);
    }
    const scopes = strList(o, 'scopes', path, problems);
    for (const s of scopes)
      if (!ALL_SCOPES.includes(s as Scope)) problems.add(`${path}.scopes has unknown scope "${s}"`);
    return { name, keySha256, games: strList(o, 'games', path, problems), scopes: scopes as Scope[] };
  });
}

function checkClientGames(config: GatewayConfig, problems: ProblemList): void {
  const gameIds = new Set(config.games.map((g) => g.id));
  config.clients.forEach((c, i) => {
    for (const g of c.games) if (!gameIds.has(g)) problems.add(`clients[${i}].games names unknown game "${g}"`);
  });
}
