import type { GameCredentials } from '#msdk';
import type { ClientConfig, GameConfig, GatewayConfig } from './gateway-config.js';

/**
 * What a reload may change, and what waits for a restart. Reloaded: every game's keys (msdkkey,
 * QQ and WeChat appkeys, V5 sigkey) and every client's key digests (`keySha256`), the settings a
 * rotation touches. Everything else is built into the running app (ports, pools, Redis, cache and
 * rate-limit settings, which clients and games exist, their appids, games and scopes) and changes
 * only at a restart: a reload keeps the running values and names the sections that differ.
 */
export interface ReloadedConfig {
  /** The running config with the new file's keys and digests in it. */
  readonly config: GatewayConfig;
  /** Sections whose new values differ from the running ones but need a restart; names only. */
  readonly waitingForRestart: readonly string[];
  /** Why the result cannot be used (one key named by two clients after the merge); none when usable. */
  readonly problems: readonly string[];
}

export function withReloadedKeys(running: GatewayConfig, next: GatewayConfig): ReloadedConfig {
  const nextGames = new Map(next.games.map((g) => [g.id, g]));
  const nextClients = new Map(next.clients.map((c) => [c.name, c]));
  const config: GatewayConfig = {
    ...running,
    games: running.games.map((g) => withGameKeys(g, nextGames.get(g.id))),
    clients: running.clients.map((c) => {
      const n = nextClients.get(c.name);
      return n ? { ...c, keySha256: n.keySha256 } : c;
    }),
  };
  return {
    config,
    waitingForRestart: sectionsWaitingForRestart(running, next),
    problems: digestClashes(config.clients),
  };
}

function withGameKeys(running: GameConfig, next: GameConfig | undefined): GameConfig {
  if (!next) return running;
  const cur = running.credentials;
  const now = next.credentials;
  const credentials: GameCredentials = {
    v3: {
      ...cur.v3,
      msdkKey: now.v3.msdkKey,
      qqAppKey: now.v3.qqAppKey ?? cur.v3.qqAppKey,
      wechatAppKey: now.v3.wechatAppKey ?? cur.v3.wechatAppKey,
    },
    ...(cur.v5 ? { v5: { ...cur.v5, sigKey: now.v5?.sigKey ?? cur.v5.sigKey } } : {}),
  };
  return { ...running, credentials };
}

/** Each section of the config as JSON, keys and digests left out (JSON drops undefined): what a restart changes. */
function restartOnlyView(config: GatewayConfig): Record<string, string> {
  const noKeys = { msdkKey: undefined, qqAppKey: undefined, wechatAppKey: undefined };
  const games = config.games.map((g) => ({
    id: g.id,
    v3: { ...g.credentials.v3, ...noKeys },
    v5: g.credentials.v5 && { ...g.credentials.v5, sigKey: undefined },
  }));
  const clients = config.clients.map((c) => ({ ...c, keySha256: undefined }));
  return Object.fromEntries(
    Object.entries({ ...config, games, clients }).map(([name, value]) => [name, JSON.stringify(value)]),
  );
}

function sectionsWaitingForRestart(running: GatewayConfig, next: GatewayConfig): string[] {
  const before = restartOnlyView(running);
  const after = restartOnlyView(next);
  return Object.keys(before).filter((section) => before[section] !== after[section]);
}

/** One key must name one client: after merging, a digest could be listed by two (the loader checks the file alone). */
function digestClashes(clients: readonly ClientConfig[]): string[] {
  const owner = new Map<string, string>();
  const problems: string[] = [];
  for (const c of clients) {
    for (const digest of c.keySha256) {
      const other = owner.get(digest);
      if (other !== undefined && other !== c.name)
        problems.push(`clients "${other}" and "${c.name}" would share a key until a restart adds or removes clients`);
      owner.set(digest, c.name);
    }
  }
  return problems;
}
