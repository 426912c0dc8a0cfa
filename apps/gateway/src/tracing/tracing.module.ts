import { Module, type DynamicModule } from '@nestjs/common';
import type { Logger } from 'pino';
import { tracingConfig } from '../config/config-namespaces.js';
import type { TracingConfig } from '../config/tracing-config.js';
import { HeaderOnlyTracing } from './header-only-tracing.js';
import { RequestTracing } from './request-tracing.js';

/**
 * The gateway's tracing, for the trace context step and the forwarder: spans exported over
 * OTLP when an endpoint is configured, else the traceparent headers alone, with no SDK started.
 */
@Module({})
export class TracingModule {
  /** `logger` takes the SDK's own warnings (failed exports). */
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: TracingModule,
      global: true,
      providers: [
        {
          provide: RequestTracing,
          inject: [tracingConfig.KEY],
          // Export off: the OpenTelemetry SDK and exporter are not even loaded.
          useFactory: async (config: TracingConfig): Promise<RequestTracing> => {
            if (!config.otlp) return new HeaderOnlyTracing();
            const { OtlpTracing } = await import('./otlp-tracing.js');
            return new OtlpTracing(config.otlp, logger);
          },
        },
      ],
      exports: [RequestTracing],
    };
  }
}
