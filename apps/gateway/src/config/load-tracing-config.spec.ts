import { describe, expect, it } from '@jest/globals';
import { ProblemList } from './config-error.js';
import { loadTracingConfig } from './load-tracing-config.js';

const load = (env: Record<string, string>) => {
  const problems = new ProblemList();
  const config = loadTracingConfig(env, problems);
  return { config, problems: problems.problems };
};

describe('loadTracingConfig', () => {
  it('is off without an OTLP endpoint', () => {
    expect(load({})).toEqual({ config: {}, problems: [] });
    expect(load({ OTEL_SERVICE_NAME: 'x', OTEL_BSP_SCHEDULE_DELAY: '10' }).config).toEqual({});
  });

  it("takes the per-signal endpoint as it is and adds /v1/traces to the base one, with the spec's defaults", () => {
    expect(load({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/custom' }).config.otlp?.tracesUrl).toBe(
      'http://collector:4318/custom',
    );
    expect(load({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).config.otlp).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      serviceName: 'msdk-gateway',
      exportTimeoutMs: 10_000,
      maxQueueSize: 2048,
      maxExportBatchSize: 512,
      scheduledDelayMs: 5000,
      sampler: 'parentbased_always_on',
      samplerRatio: 1,
    });
  });

  it('takes a ratio sampler and its ratio', () => {
    const otlp = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).config.otlp;
    expect([otlp?.sampler, otlp?.samplerRatio]).toEqual(['parentbased_traceidratio', 0.25]);
  });

  it('stays off when the SDK is disabled or the exporter is none', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(load({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).config).toEqual({});
    expect(load({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).config).toEqual({});
  });

  it('names each unusable setting', () => {
    const { problems } = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://collector',
      OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      OTEL_EXPORTER_OTLP_TIMEOUT: 'soon',
      OTEL_BSP_MAX_QUEUE_SIZE: '10',
      OTEL_BSP_MAX_EXPORT_BATCH_SIZE: '20',
      OTEL_TRACES_EXPORTER: 'zipkin',
      OTEL_SDK_DISABLED: 'maybe',
    });
    const sampler = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'sometimes',
    }).problems;
    const ratio = load({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_TRACES_SAMPLER: 'traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '2',
    }).problems;
    expect([sampler, ratio].map((p) => p.map((x) => x.split(' ')[0]))).toEqual([
      ['OTEL_TRACES_SAMPLER'],
      ['OTEL_TRACES_SAMPLER_ARG'],
    ]);
    for (const name of [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_PROTOCOL',
      'OTEL_EXPORTER_OTLP_TIMEOUT',
      'OTEL_BSP_MAX_EXPORT_BATCH_SIZE',
      'OTEL_TRACES_EXPORTER',
      'OTEL_SDK_DISABLED',
    ])
      expect(problems.some((p) => p.startsWith(name))).toBe(true);
  });
});
