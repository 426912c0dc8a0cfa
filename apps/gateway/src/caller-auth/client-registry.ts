import { hash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { clientsConfig, gamesConfig } from '../config/config-namespaces.js';
import type { ClientConfig, GameConfig } from '../config/gateway-config.js';

/**
 * Finds the configured client for a presented key by the key's SHA-256, looked up as token stores
 * do: by digest. Comparing digests needs no constant time: how much of a SHA-256 digest matched
 * says nothing that leads back to a key. No presented key is kept.
 */
@Injectable()
export class ClientRegistry {
  private readonly byDigest: Map<string, ClientConfig>;
  private readonly games: Map<string, GameConfig>;

  constructor(
    @Inject(clientsConfig.KEY) clients: { list: readonly ClientConfig[] },
    @Inject(gamesConfig.KEY) games: { list: readonly GameConfig[] },
  ) {
    this.byDigest = new Map(clients.list.flatMap((client) => client.keySha256.map((digest) => [digest, client] as const)));
    this.games = new Map(games.list.map((g) => [g.id, g]));
  }

  clientForKey(key: string): ClientConfig | undefined {
    // Hex, not a Buffer: the one-shot hash is about twice as fast to a string here.
    return this.byDigest.get(hash('sha256', key, 'hex'));
  }

  game(id: string): GameConfig | undefined {
    return this.games.get(id);
  }
}
