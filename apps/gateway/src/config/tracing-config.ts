/** OTEL_TRACES_SAMPLER's values (the spec's built-in samplers). */
export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type SamplerName = (typeof SAMPLERS)[number];

/** Where and how spans are exported (OTLP over HTTP, JSON); absent when export is off. */
export interface OtlpExportConfig {
  /** The OTLP/HTTP traces URL (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces). */
  readonly tracesUrl: string;
  /** service.name on every span (OTEL_SERVICE_NAME). */
  readonly serviceName: string;
  /** One export's time limit (OTEL_EXPORTER_OTLP_TRACES_TIMEOUT / OTEL_EXPORTER_OTLP_TIMEOUT, and the batch processor's). */
  readonly exportTimeoutMs: number;
  /** Spans waiting for export; past it new ones are dropped (OTEL_BSP_MAX_QUEUE_SIZE). */
  readonly maxQueueSize: number;
  /** Spans per export (OTEL_BSP_MAX_EXPORT_BATCH_SIZE), at most maxQueueSize. */
  readonly maxExportBatchSize: number;
  /** Time between two exports (OTEL_BSP_SCHEDULE_DELAY). */
  readonly scheduledDelayMs: number;
  /** Which requests are recorded (OTEL_TRACES_SAMPLER, parentbased_always_on by default). */
  readonly sampler: SamplerName;
  /** The share of traces a *traceidratio sampler records, 0 to 1 (OTEL_TRACES_SAMPLER_ARG). */
  readonly samplerRatio: number;
}

export interface TracingConfig {
  /** Undefined: export off (the default), traceparent headers only. */
  readonly otlp?: OtlpExportConfig;
}
