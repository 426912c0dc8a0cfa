import { Cluster } from 'ioredis';
import type { RedisConnection, RedisMode } from './redis-connection.js';

/** What readiness reports about a store: whether it can serve every key now, and why not. */
export interface StoreReadiness {
  readonly ready: boolean;
  /** Why not, when not ready. */
  readonly reason?: string;
  /** Shown in /health/ready as it is: the mode, the master(s) now, the last change seen. */
  readonly detail: Readonly<Record<string, unknown>>;
}

/** A change of master(s): a failover (sentinel, cluster) or a resharding (cluster). */
interface MasterChange {
  /** When this process noticed it (a reconnection, a slot-map refresh, a readiness check). */
  readonly at: string;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

const CLUSTER_SLOTS = 16384;

/**
 * Who serves this connection's keys, and the last time that changed: for readiness, so ops see
 * a failover (which master went, which one took over) and whether every key is served again.
 * Sentinel: the master the client is connected to. Cluster: the masters of the client's slot map,
 * each checked with a PING; a slot whose master does not answer means its keys bypass the cache.
 */
export class RedisTopology {
  private masters: readonly string[] = [];
  private lastChange?: MasterChange;

  constructor(
    private readonly client: RedisConnection,
    private readonly mode: RedisMode,
    private readonly now: () => Date = () => new Date(),
  ) {
    const note = () => this.note(this.currentMasters());
    client.on('ready', note);
    if (client instanceof Cluster) {
      client.on('+node', note);
      client.on('-node', note);
    }
  }

  async readiness(): Promise<StoreReadiness> {
    if (this.client instanceof Cluster) return this.clusterReadiness(this.client);
    try {
      await this.client.ping();
    } catch (error) {
      return { ready: false, reason: error instanceof Error ? error.message : String(error), detail: this.detail() };
    }
    this.note(this.currentMasters());
    return { ready: true, detail: this.detail() };
  }

  private async clusterReadiness(cluster: Cluster): Promise<StoreReadiness> {
    const reachable = new Set<string>();
    await Promise.all(
      cluster.nodes('master').map(async (node) => {
        const name = `${node.options.host}:${node.options.port}`;
        if (
          await node.ping().then(
            () => true,
            () => false,
          )
        )
          reachable.add(name);
      }),
    );
    this.note(this.currentMasters());
    let unserved = 0;
    const missing = new Set<string>();
    for (let slot = 0; slot < CLUSTER_SLOTS; slot++) {
      const master = cluster.slots[slot]?.[0];
      if (master !== undefined && reachable.has(master)) continue;
      unserved++;
      if (master !== undefined) missing.add(master);
    }
    const detail = { ...this.detail(), slotsServed: CLUSTER_SLOTS - unserved };
    if (unserved === 0) return { ready: true, detail };
    // The slot map may only be out of date (a failover done, no command since to be MOVED):
    // ask for a fresh one, so the next check sees the new master even without traffic.
    cluster.refreshSlotsCache();
    const who = missing.size > 0 ? ` (their master ${[...missing].join(', ')} does not answer)` : '';
    return { ready: false, reason: `${unserved} of ${CLUSTER_SLOTS} slots have no master answering${who}`, detail };
  }

  private detail(): Record<string, unknown> {
    return {
      mode: this.mode,
      masters: this.masters,
      ...(this.lastChange ? { lastMasterChange: this.lastChange } : {}),
    };
  }

  /** The master(s) as the client sees them now: the slot map's, or the connected one. */
  private currentMasters(): string[] {
    if (this.client instanceof Cluster) {
      const masters = new Set<string>();
      for (const nodes of this.client.slots) if (nodes?.[0]) masters.add(nodes[0]);
      return [...masters].sort();
    }
    // Undefined until the first connection.
    const stream: { remoteAddress?: string; remotePort?: number } | undefined = this.client.stream;
    return stream?.remoteAddress && stream.remotePort ? [`${stream.remoteAddress}:${stream.remotePort}`] : [];
  }

  private note(masters: string[]): void {
    if (masters.length === 0 || same(masters, this.masters)) return;
    // The first masters seen are where we started, not a change.
    if (this.masters.length > 0) this.lastChange = { at: this.now().toISOString(), from: this.masters, to: masters };
    this.masters = masters;
  }
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
