import { hash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { clientsConfig, gamesConfig } from '../config/config-namespaces.js';
import type { ClientConfig, GameConfig } from '../config/gateway-config.js';

/** Finds the configured client for a presented key by its SHA-256, in constant time per hash. */
@Injectable()
export class ClientRegistry {
  private readonly hashes: Array<{ digest: Buffer; client: ClientConfig }>;
  private readonly games: Map<string, GameConfig>;

  constructor(
    @Inject(clientsConfig.KEY) clients: { list: readonly ClientConfig[] },
    @Inject(gamesConfig.KEY) games: { list: readonly GameConfig[] },
  ) {
    this.hashes = clients.list.flatMap((client) => client.keySha256.map((h) => ({ digest: Buffer.from(h, 'hex'), client })));
    this.games = new Map(games.list.map((g) => [g.id, g]));
  }

  /** Compares against every configured hash so timing does not tell which one matched. */
  clientForKey(key: string): ClientConfig | undefined {
    const digest = hash('sha256', key, 'buffer');
    let found: ClientConfig | undefined;
    for (const entry of this.hashes) {
      if (timingSafeEqual(digest, entry.digest) && !found) found = entry.client;
    }
    return found;
  }

  game(id: string): GameConfig | undefined {
    return this.games.get(id);
  }
}
