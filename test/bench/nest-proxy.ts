import 'reflect-metadata';
import { Body, Controller, HttpCode, Inject, Module, Post, Req, Res } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'undici';
import { forwardJson, proxyPool } from './raw-proxy.js';

const POOL = Symbol('POOL');

/** The raw proxy's handler in a Nest controller: what Nest's routing costs before any gateway work. */
@Controller('v1/relation')
class ProxyController {
  constructor(@Inject(POOL) private readonly pool: Pool) {}

  @Post(':name')
  @HttpCode(200)
  async forward(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { status, text } = await forwardJson(this.pool, request.url.slice('/v1'.length), body);
    void reply.code(status).type('application/json');
    return text;
  }
}

/**
 * A second, informational baseline: Nest + Fastify + undici doing exactly what the raw proxy
 * does (parse, forward, answer) with no auth, validation, signing, logging or metrics. Its ratio
 * to the raw proxy is the framework's share; the gateway's ratio to it is the gateway's own work.
 */
export class NestProxy {
  private constructor(
    private readonly app: NestFastifyApplication,
    private readonly pool: Pool,
    readonly url: string,
  ) {}

  static async start(upstreamUrl: string, connections: number): Promise<NestProxy> {
    const pool = proxyPool(upstreamUrl, connections);
    @Module({ controllers: [ProxyController], providers: [{ provide: POOL, useValue: pool }] })
    class ProxyModule {}
    const app = await NestFactory.create<NestFastifyApplication>(ProxyModule, new FastifyAdapter(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new NestProxy(app, pool, await app.getUrl());
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.pool.close();
  }
}
