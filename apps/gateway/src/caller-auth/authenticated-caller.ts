import type { GameConfig, Scope } from '../config/gateway-config.js';

/** Who is calling (a configured client, never its key) and for which game. */
export interface AuthenticatedCaller {
  readonly client: string;
  readonly scopes: readonly Scope[];
  readonly game: GameConfig;
}
