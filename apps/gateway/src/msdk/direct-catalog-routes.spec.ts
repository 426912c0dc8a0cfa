import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import {
  Body,
  Catch,
  Controller,
  HttpCode,
  Injectable,
  Module,
  Post,
  Query,
  Req,
  UseGuards,
  ValidationPipe,
  type ArgumentMetadata,
  type ArgumentsHost,
  type CanActivate,
  type ExceptionFilter,
  type ExecutionContext,
  type PipeTransform,
} from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory, type NestApplication } from '@nestjs/core';
import { FastifyAdapter, RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsString, MaxLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { of } from 'rxjs';
import type { CatalogEntry } from '#msdk';
import { registerDirectCatalogRoutes, type DirectCatalogRoutes } from './direct-catalog-routes.js';

const entry = (id: string) => ({ id }) as CatalogEntry;
const PLAIN = entry('plain');
const OBSERVED = entry('observed');
const GUARDED = entry('guarded');
const QUERIED = entry('queried');

class NameDto {
  @IsString()
  @MaxLength(8)
  name!: string;
}

/** Like the gateway's caller auth: reads the handler's class, lets a header decide, throws or says no. */
@Injectable()
class HeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const verdict = request.headers['x-verdict'];
    if (context.getClass() !== ShapesController) throw new Error('the guard saw another class');
    if (verdict === 'throw') throw Object.assign(new Error('guard threw'), { status: 401 });
    if (verdict === 'later') return Promise.resolve(true);
    return verdict !== 'no';
  }
}

@Injectable()
class RouteGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}

/** A second global pipe: answers at once, or with a thenable that is no promise, as the body's name asks. */
class ShapingPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const name = (value as { name?: unknown } | null)?.name;
    if (metadata.type !== 'body' || typeof name !== 'string') return value;
    if (name === 'now') return Object.assign(value as object, { name: 'now, at once' });
    if (name === 'thenable')
      return {
        then: (resolve: (v: unknown) => void) => resolve(Object.assign(value as object, { name: 'thenable, awaited' })),
      };
    return value;
  }
}

/** Catches everything and says what it caught, so both paths can be compared by their answers. */
@Catch()
class EchoFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, message, response } = error as { status?: number; message?: string; response?: unknown };
    void reply.status(status ?? 500).send({ caught: message, response });
  }
}

@Controller('shapes')
class ShapesController {
  @Post('plain')
  @HttpCode(200)
  @RouteConfig({ msdkEntry: PLAIN })
  plain(@Body() body: NameDto, @Req() request: FastifyRequest) {
    if (body.name === 'boom') return Promise.reject(Object.assign(new Error('handler failed'), { status: 502 }));
    return Promise.resolve({ name: body.name, isDto: body instanceof NameDto, url: request.url });
  }

  @Post('observed')
  @RouteConfig({ msdkEntry: OBSERVED })
  observed(@Req() request: FastifyRequest, @Body() body: NameDto) {
    return of({ first: 'ignored' }, { name: body.name, method: request.method });
  }

  @Post('guarded')
  @UseGuards(RouteGuard)
  @RouteConfig({ msdkEntry: GUARDED })
  guarded(@Body() body: NameDto, @Req() request: FastifyRequest) {
    return { name: body.name, url: request.url };
  }

  @Post('queried')
  @RouteConfig({ msdkEntry: QUERIED })
  queried(@Body() body: NameDto, @Query('q') q: string) {
    return { name: body.name, q };
  }
}

@Module({
  controllers: [ShapesController],
  providers: [RouteGuard, { provide: APP_GUARD, useClass: HeaderGuard }, { provide: APP_FILTER, useClass: EchoFilter }],
})
class ShapesModule {}

async function start(direct: boolean): Promise<{ app: NestFastifyApplication; routes?: DirectCatalogRoutes }> {
  const app = await NestFactory.create<NestFastifyApplication>(ShapesModule, new FastifyAdapter(), { logger: false });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
    new ShapingPipe(),
  );
  const routes = direct
    ? registerDirectCatalogRoutes(app.getHttpAdapter().getInstance(), app as unknown as NestApplication)
    : undefined;
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, routes };
}

const REQUESTS: Array<{ url: string; body: unknown; verdict?: string }> = [
  { url: '/shapes/plain', body: { name: 'ann' } },
  { url: '/shapes/plain', body: { name: 'ann' }, verdict: 'later' },
  { url: '/shapes/plain', body: { name: 'ann' }, verdict: 'no' },
  { url: '/shapes/plain', body: { name: 'ann' }, verdict: 'throw' },
  { url: '/shapes/plain', body: { name: 'much too long' } },
  { url: '/shapes/plain', body: { name: 'ann', extra: 1 } },
  { url: '/shapes/plain', body: { name: 'boom' } },
  { url: '/shapes/plain', body: { name: 'now' } },
  { url: '/shapes/plain', body: { name: 'thenable' } },
  { url: '/shapes/observed', body: { name: 'bob' } },
  { url: '/shapes/observed', body: { name: 'bob' }, verdict: 'no' },
  { url: '/shapes/guarded', body: { name: 'cy' } },
  { url: '/shapes/queried?q=1', body: { name: 'di' } },
];

describe('registerDirectCatalogRoutes', () => {
  it('takes over the routes of the catalog shape and leaves a route-level guard or another parameter kind to Nest', async () => {
    const { app, routes } = await start(true);
    try {
      expect(routes?.direct.map((e) => e.id).sort()).toEqual(['observed', 'plain']);
      expect(routes?.viaNest.map((e) => e.id).sort()).toEqual(['guarded', 'queried']);
    } finally {
      await app.close();
    }
  });

  it("answers every request exactly as Nest's own router does: guards (sync, async, no, throwing), pipes (a promise, a value at once, a thenable), validation, handler errors, observables, status codes", async () => {
    const viaNest = await start(false);
    const direct = await start(true);
    try {
      for (const { url, body, verdict } of REQUESTS) {
        const send = (app: NestFastifyApplication) =>
          app.inject({
            method: 'POST',
            url,
            payload: body as object,
            headers: verdict ? { 'x-verdict': verdict } : {},
          });
        const [expected, actual] = await Promise.all([send(viaNest.app), send(direct.app)]);
        const seen = `${url} ${JSON.stringify(body)} ${verdict ?? ''}`;
        expect(actual.statusCode).toBe(expected.statusCode);
        expect(actual.body).toBe(expected.body);
        expect(actual.headers['content-type']).toBe(expected.headers['content-type']);
      }
      // The comparison above would pass with both broken: pin what the cases mean.
      const ok = await direct.app.inject({ method: 'POST', url: '/shapes/plain', payload: { name: 'ann' } });
      expect([ok.statusCode, ok.json()]).toEqual([200, { name: 'ann', isDto: true, url: '/shapes/plain' }]);
      const refused = await direct.app.inject({
        method: 'POST',
        url: '/shapes/plain',
        payload: { name: 'ann' },
        headers: { 'x-verdict': 'no' },
      });
      expect([refused.statusCode, refused.json().caught]).toEqual([403, 'Forbidden resource']);
      const created = await direct.app.inject({ method: 'POST', url: '/shapes/observed', payload: { name: 'bob' } });
      expect([created.statusCode, created.json()]).toEqual([201, { name: 'bob', method: 'POST' }]);
      const awaited = await direct.app.inject({ method: 'POST', url: '/shapes/plain', payload: { name: 'thenable' } });
      expect(awaited.json().name).toBe('thenable, awaited');
      const invalid = await direct.app.inject({
        method: 'POST',
        url: '/shapes/plain',
        payload: { name: 'ann', extra: 1 },
      });
      expect(invalid.statusCode).toBe(400);
    } finally {
      await viaNest.app.close();
      await direct.app.close();
    }
  });
});
