import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Scope } from '../config/gateway-config.js';
import { CallerForbiddenError, CallerUnauthenticatedError, GameIdRequiredError } from '../errors/gateway-errors.js';
import { setCaller } from '../http/request-fields.js';
import { ClientRegistry } from './client-registry.js';
import { RequestLogger } from '../logging/request-logger.js';
import { PUBLIC_ROUTE, PUBLIC_UNLESS, REQUIRED_SCOPE, type AdminSwitch } from './route-access.decorators.js';
import { serverConfig } from '../config/config-namespaces.js';
import type { ServerConfig } from '../config/gateway-config.js';

const GAME_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface RouteAccess {
  readonly isPublic: boolean;
  readonly adminSwitch: AdminSwitch | undefined;
  readonly requiredScope: Scope | undefined;
}

/**
 * `Authorization: Bearer <key>` -> a configured client; `X-Game-Id` picks the game when the
 * client has several. 401 for no/unknown key, 403 for a game or scope it is not granted.
 */
@Injectable()
export class CallerAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ClientRegistry,
    private readonly log: RequestLogger,
    @Inject(serverConfig.KEY) private readonly server: ServerConfig,
  ) {}

  /** Route metadata never changes after startup: read once per handler, not per request. */
  private readonly access = new WeakMap<object, RouteAccess>();

  canActivate(context: ExecutionContext): boolean {
    const { isPublic, adminSwitch, requiredScope } = this.routeAccess(context);
    if (isPublic) return true;
    if (adminSwitch && !this.server[adminSwitch]) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();

    const key = bearerKey(request.headers.authorization);
    if (!key) throw new CallerUnauthenticatedError('Send Authorization: Bearer <client key>');
    // Both lookups from one directory: the client and its game come from the same configuration.
    const directory = this.registry.current();
    const client = directory.clientForKey(key);
    if (!client) {
      this.log.warn(request, 'CallerAuth', 'unknown client key');
      throw new CallerUnauthenticatedError('The client key is not known');
    }

    const scope = adminSwitch ? 'admin' : requiredScope;
    if (scope && !client.scopes.includes(scope)) {
      this.log.warn(request, 'CallerAuth', `client ${client.name} lacks scope ${scope}`, { client: client.name });
      throw new CallerForbiddenError(`This client may not use ${scope} operations`);
    }

    if (adminSwitch) return true; // operational routes are not about a game
    const gameId = this.gameId(request, client.games);
    const game = client.games.includes(gameId) ? directory.game(gameId) : undefined;
    if (!game) {
      this.log.warn(request, 'CallerAuth', `client ${client.name} may not use game "${gameId}"`, {
        client: client.name,
      });
      throw new CallerForbiddenError('This client may not use that game');
    }
    setCaller(request, { client: client.name, scopes: client.scopes, game });
    return true;
  }

  private routeAccess(context: ExecutionContext): RouteAccess {
    const handler = context.getHandler();
    let access = this.access.get(handler);
    if (!access) {
      const targets = [handler, context.getClass()];
      access = {
        isPublic: this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) === true,
        adminSwitch: this.reflector.getAllAndOverride<AdminSwitch | undefined>(PUBLIC_UNLESS, targets),
        requiredScope: this.reflector.getAllAndOverride<Scope | undefined>(REQUIRED_SCOPE, targets),
      };
      this.access.set(handler, access);
    }
    return access;
  }

  private gameId(request: FastifyRequest, games: readonly string[]): string {
    const header = request.headers['x-game-id'];
    if (header === undefined) {
      if (games.length === 1) return games[0];
      throw new GameIdRequiredError();
    }
    if (typeof header !== 'string' || !GAME_ID.test(header))
      throw new CallerForbiddenError('X-Game-Id is not a game this client may use');
    return header;
  }
}

function bearerKey(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S{1,512})$/i.exec(header);
  return match?.[1];
}
