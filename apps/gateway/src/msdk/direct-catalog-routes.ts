import {
  ForbiddenException,
  type CanActivate,
  type ExceptionFilter,
  type PipeTransform,
  type Type,
} from '@nestjs/common';
import {
  EXCEPTION_FILTERS_METADATA,
  FILTER_CATCH_EXCEPTIONS,
  GUARDS_METADATA,
  HEADERS_METADATA,
  HTTP_CODE_METADATA,
  INTERCEPTORS_METADATA,
  PARAMTYPES_METADATA,
  PIPES_METADATA,
  REDIRECT_METADATA,
  ROUTE_ARGS_METADATA,
  SSE_METADATA,
} from '@nestjs/common/constants.js';
import { ApplicationConfig, ModulesContainer, type NestApplication } from '@nestjs/core';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { HttpArgumentsHost } from '@nestjs/common/interfaces/features/arguments-host.interface.js';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { isObservable, lastValueFrom } from 'rxjs';
import type { CatalogEntry } from '#msdk';
import type { MsdkRouteConfig } from './route-entry.js';

type Handler = (...args: unknown[]) => unknown;

/** Nest's global enhancers, as the app holds them: what a direct route runs. */
interface GlobalEnhancers {
  readonly guards: readonly CanActivate[];
  readonly pipes: readonly PipeTransform[];
  readonly filter: ExceptionFilter;
}

/** A catalog route's controller method, as Nest would call it. */
interface RouteTarget {
  readonly instance: object;
  readonly controller: Type;
  readonly handler: Handler;
}

/** Where the method's two parameters go: the validated body and the request. */
interface ParamPlan {
  readonly length: number;
  readonly bodyIndex: number;
  readonly bodyType: Type | undefined;
  readonly requestIndex: number;
}

/**
 * Catalog routes answered from Fastify's handler, without Nest's per-request router, by the
 * same parts Nest would use: the app's global guards, global pipes, the controller method and
 * the global exception filter, in Nest's order and with Nest's ExecutionContext. Nest's router
 * awaits every guard, pipe and result through its own promise chain (about a dozen promises and
 * microtask turns a request); here a guard that answers at once costs a call.
 *
 * Only routes of the shape every catalog route has are taken over: a body and the request as
 * parameters, no route-level guards, pipes, interceptors, filters, headers, redirects or SSE,
 * and no global interceptors or request-scoped enhancers. Anything else stays with Nest, so a
 * route that grows such a feature keeps working, only without the shortcut.
 */
export function registerDirectCatalogRoutes(fastify: FastifyInstance, app: NestApplication): DirectCatalogRoutes {
  const routes: DirectCatalogRoutes = { direct: [], viaNest: [] };
  let targets: Map<CatalogEntry, RouteTarget> | undefined;
  let enhancers: GlobalEnhancers | undefined | null;
  fastify.addHook('onRoute', (route) => {
    const entry = (route.config as MsdkRouteConfig | undefined)?.msdkEntry;
    if (!entry) return;
    targets ??= catalogRouteTargets(app.get(ModulesContainer));
    if (enhancers === undefined) enhancers = globalEnhancers(app);
    const target = targets.get(entry);
    const direct = enhancers && target ? directHandler(target, enhancers, route) : undefined;
    if (direct) route.handler = direct;
    (direct ? routes.direct : routes.viaNest).push(entry);
  });
  return routes;
}

/** Which catalog routes run directly and which were left to Nest, filled as Nest registers them. */
export interface DirectCatalogRoutes {
  readonly direct: CatalogEntry[];
  readonly viaNest: CatalogEntry[];
}

/** Every controller method a catalog route is declared on (by MsdkOperation's route config). */
function catalogRouteTargets(modules: ModulesContainer): Map<CatalogEntry, RouteTarget> {
  const targets = new Map<CatalogEntry, RouteTarget>();
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const config = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) as MsdkRouteConfig | undefined;
        if (config?.msdkEntry)
          targets.set(config.msdkEntry, {
            instance,
            controller: wrapper.metatype as Type,
            handler: handler as Handler,
          });
      }
    }
  }
  return targets;
}

/** The global guards, pipes and the one catch-all filter; null when the app has more than that. */
function globalEnhancers(app: NestApplication): GlobalEnhancers | null {
  const config = (app as unknown as { config?: unknown }).config;
  if (!(config instanceof ApplicationConfig))
    throw new Error('Nest no longer keeps its ApplicationConfig where direct catalog routes read it');
  const requestScoped =
    config.getGlobalRequestGuards().length +
    config.getGlobalRequestPipes().length +
    config.getGlobalRequestFilters().length +
    config.getGlobalRequestInterceptors().length;
  const filters = config.getGlobalFilters();
  const catchesAll =
    filters.length === 1 && (Reflect.getMetadata(FILTER_CATCH_EXCEPTIONS, filters[0].constructor) ?? []).length === 0;
  if (requestScoped > 0 || config.getGlobalInterceptors().length > 0 || !catchesAll) return null;
  return { guards: config.getGlobalGuards(), pipes: config.getGlobalPipes(), filter: filters[0] };
}

/** The plan for a method taking only @Body() and @Req(), or undefined for any other shape. */
function paramPlan(target: RouteTarget): ParamPlan | undefined {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, target.controller, target.handler.name) ?? {}) as Record<
    string,
    { index: number; data?: unknown; pipes?: unknown[] }
  >;
  let bodyIndex = -1;
  let requestIndex = -1;
  for (const [key, arg] of Object.entries(args)) {
    const type = Number(key.split(':')[0]);
    if (arg.data !== undefined || (arg.pipes?.length ?? 0) > 0) return undefined;
    if (type === RouteParamtypes.BODY && bodyIndex < 0) bodyIndex = arg.index;
    else if (type === RouteParamtypes.REQUEST && requestIndex < 0) requestIndex = arg.index;
    else return undefined;
  }
  if (bodyIndex < 0 || requestIndex < 0) return undefined;
  const paramTypes = (Reflect.getMetadata(PARAMTYPES_METADATA, target.instance, target.handler.name) ?? []) as Type[];
  return { length: Math.max(bodyIndex, requestIndex) + 1, bodyIndex, bodyType: paramTypes[bodyIndex], requestIndex };
}

/** True when the controller or method carries an enhancer or response metadata the direct path does not run. */
function hasRouteLevelFeatures(target: RouteTarget): boolean {
  const onBoth = [GUARDS_METADATA, PIPES_METADATA, INTERCEPTORS_METADATA, EXCEPTION_FILTERS_METADATA];
  const onMethod = [HEADERS_METADATA, REDIRECT_METADATA, SSE_METADATA];
  const present = (key: string, where: object) => {
    const value = Reflect.getMetadata(key, where) as unknown;
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  };
  return (
    onBoth.some((key) => present(key, target.controller) || present(key, target.handler)) ||
    onMethod.some((key) => present(key, target.handler))
  );
}

function directHandler(
  target: RouteTarget,
  enhancers: GlobalEnhancers,
  route: RouteOptions,
): RouteOptions['handler'] | undefined {
  const plan = paramPlan(target);
  if (!plan || hasRouteLevelFeatures(target)) return undefined;
  const { instance, controller, handler } = target;
  const { guards, pipes, filter } = enhancers;
  // Nest's status for the route: @HttpCode, else 201 for POST and 200 for the rest.
  const status =
    (Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined) ?? (route.method === 'POST' ? 201 : 200);
  const bodyMetadata = { type: 'body' as const, metatype: plan.bodyType, data: undefined };

  // One async function per request: the guards, pipes and handler in Nest's order, and any
  // error to the catch-all filter with the same context.
  return async function directCatalogRoute(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const context = new DirectRouteContext([request, reply, undefined], controller, handler);
    try {
      for (const guard of guards) {
        const answer = guard.canActivate(context);
        const allowed = typeof answer === 'boolean' ? answer : await settled(answer);
        // Nest's answer to a guard saying no (ours throw their own typed errors instead).
        if (!allowed) throw new ForbiddenException('Forbidden resource');
      }
      let body: unknown = request.body;
      for (const pipe of pipes) {
        // Awaited only when it is a promise (or thenable), as Nest's await would take it: a value
        // given at once costs no microtask turn then.
        const out: unknown = pipe.transform(body, bodyMetadata);
        body = isThenable(out) ? await out : out;
      }
      const args = new Array<unknown>(plan.length);
      args[plan.bodyIndex] = body;
      args[plan.requestIndex] = request;
      void reply.code(status);
      void reply.send(await settled(handler.apply(instance, args)));
    } catch (error) {
      filter.catch(error, context);
    }
    return reply;
  };
}

/**
 * Nest's ExecutionContextHost, whose switchToHttp() is this object itself: Nest's copies three new
 * closures onto the context on every call, and each guard and the filter call it.
 */
class DirectRouteContext extends ExecutionContextHost {
  override switchToHttp(): this & HttpArgumentsHost {
    return this as this & HttpArgumentsHost;
  }

  getRequest<T>(): T {
    return this.getArgByIndex(0);
  }

  getResponse<T>(): T {
    return this.getArgByIndex(1);
  }

  getNext<T>(): T {
    return this.getArgByIndex(2);
  }
}

/** What `await` would wait for: a promise, or any object or function with a `then` method. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  if (value instanceof Promise) return true;
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** A promise's or an observable's (last) value, as Nest takes a guard's or a handler's answer. */
function settled<T>(value: T | Promise<T> | import('rxjs').Observable<T>): Promise<T> | T {
  return isObservable(value) ? lastValueFrom(value) : value;
}
