import { Inject, Injectable } from '@nestjs/common';
import { clientsConfig, gamesConfig } from '../config/config-namespaces.js';
import type { ClientConfig, GameConfig } from '../config/gateway-config.js';
import { CallerDirectory } from './caller-directory.js';

/**
 * The current caller directory (client key digests, games and their MSDK keys). Startup builds
 * the first one from the config; a config reload (config/config-reloader.ts) replaces it with one
 * assignment. A request reads it once, in the caller auth guard, and keeps the game it found
 * there (keys included) on `request.caller`: a request in flight finishes with the keys it
 * started with, the next one gets the new ones.
 */
@Injectable()
export class ClientRegistry {
  private directory: CallerDirectory;

  constructor(
    @Inject(clientsConfig.KEY) clients: { list: readonly ClientConfig[] },
    @Inject(gamesConfig.KEY) games: { list: readonly GameConfig[] },
  ) {
    this.directory = new CallerDirectory(clients.list, games.list);
  }

  current(): CallerDirectory {
    return this.directory;
  }

  replace(directory: CallerDirectory): void {
    this.directory = directory;
  }
}
