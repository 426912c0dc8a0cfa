import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream, Logger } from 'pino';
import { AppModule } from './app.module.js';
import type { Env } from './config/env-source.js';
import type { GatewayConfig } from './config/gateway-config.js';
import { ClientRegistry } from './caller-auth/client-registry.js';
import { ConfigReloader } from './config/config-reloader.js';
import { loadGatewayConfig } from './config/load-gateway-config.js';
import { secretValuesOf } from './config/secret-values-of.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { createGatewayLogs } from './logging/create-logger.js';
import { PinoNestLogger } from './logging/pino-nest-logger.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { pipelineServerOptions, registerRequestPipeline } from './pipeline/request-pipeline.js';

export interface GatewayOptions {
  readonly env: Env;
  /** Where log lines go (tests capture them); stdout by default. */
  readonly logDestination?: DestinationStream;
}

export interface Gateway {
  readonly app: NestFastifyApplication;
  readonly config: GatewayConfig;
  readonly logger: Logger;
  /** Re-reads the config and puts new keys and client key digests in force (main.ts calls it on SIGHUP and file changes). */
  readonly reloader: ConfigReloader;
}

/** Builds the gateway: config validated first, then the logger, the Nest app, its request pipeline and docs. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const config = loadGatewayConfig(options.env);
  const logs = createGatewayLogs({
    level: config.server.logLevel,
    pretty: config.server.prettyLogs,
    secretValues: secretValuesOf(config),
    destination: options.logDestination,
  });
  const { logger } = logs;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, logger),
    // skipMiddie: the gateway declares no Nest middleware (its steps are hooks, guards and pipes:
    // pipeline/request-pipeline.ts), so @fastify/middie's onRequest hook would only cost every
    // request a pass over an empty middleware list.
    new FastifyAdapter({ ...pipelineServerOptions(config.server), skipMiddie: true }),
    // Fastify's own JSON parser only (the pipeline's content type step): Nest's parsers add a
    // form parser no operation takes.
    { logger: new PinoNestLogger(logger), bodyParser: false },
  );
  registerRequestPipeline(app, logs);
  setupOpenApi(app);
  const registry = app.get(ClientRegistry);
  const reloader = new ConfigReloader({
    env: options.env,
    running: config,
    load: loadGatewayConfig,
    install: (directory) => registry.replace(directory),
    addSecretValues: (values) => logs.addSecretValues(values),
    reloads: app.get(GatewayMetrics).configReloads,
    logger,
  });
  return { app, config, logger, reloader };
}
