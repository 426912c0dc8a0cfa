import { hash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { clientsConfig, gamesConfig } from '../config/config-namespaces.js';
import type { ClientConfig, GameConfig } from '../config/gateway-config.js';

/**
 * Finds the configured client for a presented key by the key's SHA-256, looked up as token stores
 * do: by digest. Comparing digests needs no constant time: how much of a SHA-256 digest matched
 * says nothing that leads back to a key. The config holds digests only; a key is kept (in
 * memory) only once it has matched one.
 */
@Injectable()
export class ClientRegistry {
  private readonly byDigest: Map<string, ClientConfig>;
  /**
   * Keys already matched to a digest, so a known caller costs a Map lookup instead of a SHA-256
   * (~6 µs under load here: OpenSSL's digest path runs cold between requests). Only keys that
   * matched get in, so it holds at most one entry per configured digest; it lives in memory only,
   * beside the MSDK keys this process holds anyway, and is never logged or exported.
   */
  private readonly verified = new Map<string, ClientConfig>();
  private readonly games: Map<string, GameConfig>;

  constructor(
    @Inject(clientsConfig.KEY) clients: { list: readonly ClientConfig[] },
    @Inject(gamesConfig.KEY) games: { list: readonly GameConfig[] },
  ) {
    this.byDigest = new Map(
      clients.list.flatMap((client) => client.keySha256.map((digest) => [digest, client] as const)),
    );
    this.games = new Map(games.list.map((g) => [g.id, g]));
  }

  clientForKey(key: string): ClientConfig | undefined {
    const known = this.verified.get(key);
    if (known) return known;
    // Hex, not a Buffer: the one-shot hash is about twice as fast to a string here.
    const client = this.byDigest.get(hash('sha256', key, 'hex'));
    if (client && this.verified.size < this.byDigest.size) this.verified.set(key, client);
    return client;
  }

  game(id: string): GameConfig | undefined {
    return this.games.get(id);
  }
}
