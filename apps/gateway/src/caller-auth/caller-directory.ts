import { hash } from 'node:crypto';
import type { ClientConfig, GameConfig } from '../config/gateway-config.js';

/**
 * One immutable view of who may call and with which keys: the clients by key digest and the
 * games with their MSDK keys. A reload builds a new one and the registry swaps it whole, so a
 * request sees either the old directory or the new one, never a mix.
 *
 * Finds the configured client for a presented key by the key's SHA-256, looked up as token stores
 * do: by digest. Comparing digests needs no constant time: how much of a SHA-256 digest matched
 * says nothing that leads back to a key. The config holds digests only; a key is kept (in
 * memory) only once it has matched one.
 */
export class CallerDirectory {
  private readonly byDigest: ReadonlyMap<string, ClientConfig>;
  /**
   * Keys already matched to a digest, so a known caller costs a Map lookup instead of a SHA-256
   * (~6 µs under load here: OpenSSL's digest path runs cold between requests). Only keys that
   * matched get in, so it holds at most one entry per configured digest; it lives in memory only,
   * beside the MSDK keys this process holds anyway, and is never logged or exported. It belongs
   * to this directory: a key dropped by a reload is forgotten with the directory that knew it.
   */
  private readonly verified = new Map<string, ClientConfig>();
  private readonly games: ReadonlyMap<string, GameConfig>;

  constructor(clients: readonly ClientConfig[], games: readonly GameConfig[]) {
    this.byDigest = new Map(clients.flatMap((client) => client.keySha256.map((digest) => [digest, client] as const)));
    this.games = new Map(games.map((g) => [g.id, g]));
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
