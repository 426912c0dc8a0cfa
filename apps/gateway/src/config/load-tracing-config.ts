import type { ProblemList } from './config-error.js';
import { url } from './config-readers.js';
import type { Env } from './env-source.js';
import { SAMPLERS, type OtlpExportConfig, type SamplerName, type TracingConfig } from './tracing-config.js';

/** The one OTLP encoding the exporter (@opentelemetry/exporter-trace-otlp-http) sends. */
const SUPPORTED_PROTOCOL = 'http/json';

/**
 * Tracing from the OpenTelemetry SDK's environment variables
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/), read
 * and checked here like every other setting rather than by the SDK at its first span. Export
 * is off unless an OTLP endpoint is set; OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none
 * keep it off even then.
 */
export function loadTracingConfig(env: Env, problems: ProblemList): TracingConfig {
  const disabled = env.OTEL_SDK_DISABLED;
  if (disabled !== undefined && !['true', 'false'].includes(disabled.trim().toLowerCase()))
    problems.add('OTEL_SDK_DISABLED must be true or false');
  const exporter = env.OTEL_TRACES_EXPORTER?.trim();
  if (exporter !== undefined && exporter !== 'otlp' && exporter !== 'none')
    problems.add('OTEL_TRACES_EXPORTER must be otlp or none (the only exporter this gateway has is OTLP/HTTP)');
  const endpoint = tracesEndpoint(env, problems);
  if (endpoint === undefined || disabled?.trim().toLowerCase() === 'true' || exporter === 'none') return {};
  return { otlp: loadOtlpExport(endpoint, env, problems) };
}

/** The traces URL: the per-signal variable as it is, or the base one with the spec's /v1/traces path. */
function tracesEndpoint(env: Env, problems: ProblemList): string | undefined {
  const traces = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return url(traces, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', problems);
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  if (base) return `${url(base, 'OTEL_EXPORTER_OTLP_ENDPOINT', problems)}/v1/traces`;
  return undefined;
}

function loadOtlpExport(tracesUrl: string, env: Env, problems: ProblemList): OtlpExportConfig {
  for (const name of ['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', 'OTEL_EXPORTER_OTLP_PROTOCOL']) {
    const protocol = env[name]?.trim();
    if (protocol !== undefined && protocol !== SUPPORTED_PROTOCOL)
      problems.add(`${name} must be ${SUPPORTED_PROTOCOL} (the exporter sends OTLP over HTTP as JSON)`);
  }
  const setting = (name: string, fallback: number, min: number, max: number) =>
    envInt(env, name, problems, fallback, min, max);
  const timeoutName = env.OTEL_EXPORTER_OTLP_TRACES_TIMEOUT
    ? 'OTEL_EXPORTER_OTLP_TRACES_TIMEOUT'
    : 'OTEL_EXPORTER_OTLP_TIMEOUT';
  const config: OtlpExportConfig = {
    tracesUrl,
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'msdk-gateway',
    // The spec's defaults, but for the bounds that keep a bad value from holding the shutdown.
    exportTimeoutMs: setting(timeoutName, 10_000, 1, 60_000),
    maxQueueSize: setting('OTEL_BSP_MAX_QUEUE_SIZE', 2048, 1, 100_000),
    maxExportBatchSize: setting('OTEL_BSP_MAX_EXPORT_BATCH_SIZE', 512, 1, 100_000),
    scheduledDelayMs: setting('OTEL_BSP_SCHEDULE_DELAY', 5000, 1, 600_000),
    sampler: samplerName(env, problems),
    samplerRatio: samplerRatio(env, problems),
  };
  if (config.maxExportBatchSize > config.maxQueueSize)
    problems.add('OTEL_BSP_MAX_EXPORT_BATCH_SIZE must be at most OTEL_BSP_MAX_QUEUE_SIZE');
  return config;
}

/** An integer setting from the environment, named as the variable (OpenTelemetry's are milliseconds or counts). */
function envInt(env: Env, name: string, problems: ProblemList, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.add(`${name} must be an integer from ${min} to ${max}`);
    return fallback;
  }
  return n;
}

function samplerName(env: Env, problems: ProblemList): SamplerName {
  const name = env.OTEL_TRACES_SAMPLER?.trim() || 'parentbased_always_on';
  if ((SAMPLERS as readonly string[]).includes(name)) return name as SamplerName;
  problems.add(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}`);
  return 'parentbased_always_on';
}

/** OTEL_TRACES_SAMPLER_ARG: a ratio from 0 to 1, read only for the ratio samplers (the spec's default: 1). */
function samplerRatio(env: Env, problems: ProblemList): number {
  const raw = env.OTEL_TRACES_SAMPLER_ARG?.trim();
  if (!raw || !env.OTEL_TRACES_SAMPLER?.includes('traceidratio')) return 1;
  const ratio = Number(raw);
  if (Number.isFinite(ratio) && ratio >= 0 && ratio <= 1) return ratio;
  problems.add('OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1 (the share of traces recorded)');
  return 1;
}
