import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { MsdkEmulator } from './emulator/msdk-emulator.js';
import { SandboxModule } from './sandbox.module.js';
import type { SandboxApp, SandboxOptions } from './sandbox-options.js';

export interface CreateSandboxOptions {
  readonly apps: readonly SandboxApp[];
  readonly v5BasePath?: string;
  readonly maxClockSkewSeconds?: number;
  readonly logger?: boolean;
  /** Serve HTTPS with this key and certificate (PEM), as MSDK's extranet endpoints do: Fastify's `https` option. */
  readonly https?: { readonly key: string; readonly cert: string };
}

/** The MSDK emulator as a Nest app; call listen() on it, or let tests start it in-process. */
export async function createSandbox(options: CreateSandboxOptions): Promise<NestFastifyApplication> {
  const resolved: SandboxOptions = {
    apps: options.apps,
    v5BasePath: options.v5BasePath ?? '/v5',
    maxClockSkewSeconds: options.maxClockSkewSeconds ?? 300,
  };
  const app = await NestFactory.create<NestFastifyApplication>(
    SandboxModule.forRoot(resolved),
    new FastifyAdapter({
      forceCloseConnections: true,
      ...(options.https ? { https: { key: options.https.key, cert: options.https.cert } } : {}),
    }),
    { logger: options.logger ? undefined : false },
  );
  app.get(MsdkEmulator).register(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  return app;
}
