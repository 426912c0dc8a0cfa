import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { askRedis, waitUntil } from './redis-admin.js';
import { loopbackAddresses, onlineReplicas, RedisProcesses, setUpOrStop } from './redis-processes.js';
import type { RedisTlsFiles } from './redis-server.js';

/** `CLUSTER SLOTS`: each range with its master first, then its replicas, as [host, port, id]. */
type SlotRange = [number, number, ...Array<[string, number, string]>];

export interface RedisClusterOptions {
  readonly masters?: number;
  readonly replicasPerMaster?: number;
  /**
   * Redis's own default (yes): while any slot has no master, every node refuses every key
   * (CLUSTERDOWN). No: the other masters go on serving their slots, as docs/redis.md advises for
   * a cache.
   */
  readonly requireFullCoverage?: boolean;
  /**
   * TLS only, for clients and the cluster bus alike (`--tls-port`, `--port 0`, `--tls-cluster yes`);
   * clients are not asked for certificates.
   */
  readonly tls?: RedisTlsFiles;
}

/** How long a node may go unanswered before the others fail it over: short, so tests are quick. */
const NODE_TIMEOUT_MS = 1000;

/** Redis cluster's bus listens on the client port + 10000. */
const BUS_OFFSET = 10_000;

/**
 * A throw-away Redis Cluster on free ports (three masters, one replica each, by default), made of
 * real `redis-server --cluster-enabled yes` processes joined by `redis-cli --cluster create`.
 * Tests may SIGKILL a master and wait for its replica to take over. Other suites use it too:
 * `RedisCluster.start()` in beforeAll, `nodes` for the gateway's `cache.redisCluster.nodes`,
 * `stop()` in afterAll.
 */
export class RedisCluster {
  /** The CA the nodes' certificates verify against, when they speak TLS. */
  private readonly tlsCa: Buffer | undefined;

  private constructor(
    readonly ports: readonly number[],
    private readonly processes: RedisProcesses,
    private readonly options: Required<Omit<RedisClusterOptions, 'tls'>> & Pick<RedisClusterOptions, 'tls'>,
  ) {
    this.tlsCa = options.tls && readFileSync(options.tls.caFile);
  }

  /** redis-server and redis-cli are both installed (the cluster is joined with redis-cli). */
  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0 && spawnSync('redis-cli', ['--version']).status === 0;
  }

  static async start(options: RedisClusterOptions = {}): Promise<RedisCluster> {
    const { masters = 3, replicasPerMaster = 1, requireFullCoverage = true, tls } = options;
    const ports: number[] = [];
    while (ports.length < masters * (1 + replicasPerMaster)) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: both must be free, and not among ours.
      if (port + BUS_OFFSET < 65_536 && !ports.includes(port) && !ports.includes(port + BUS_OFFSET)) ports.push(port);
    }
    const settings = { masters, replicasPerMaster, requireFullCoverage, tls };
    const cluster = new RedisCluster(ports, await RedisProcesses.create('redis-cluster'), settings);
    return setUpOrStop(cluster, async () => {
      await Promise.all(ports.map((port) => cluster.startNode(port)));
      const created = cluster.cli([
        '--cluster',
        'create',
        ...ports.map((p) => `127.0.0.1:${p}`),
        '--cluster-replicas',
        String(replicasPerMaster),
        '--cluster-yes',
      ]);
      if (created.status !== 0)
        throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
      await cluster.waitUntil(async () => (await cluster.healthy()) && (await cluster.replicasInSync()), 30_000);
    });
  }

  /** Seed nodes for a client (`cache.redisCluster.nodes`): every node, as a client would list them. */
  get nodes(): Array<{ host: string; port: number }> {
    return loopbackAddresses(this.ports);
  }

  /** The live nodes' ports. */
  get running(): number[] {
    return this.processes.running;
  }

  /** The slot map as a live node sees it: each range's master port. */
  async slotMasters(): Promise<Array<{ from: number; to: number; master: number; replicas: number[] }>> {
    return this.withNode(async (admin) => {
      const ranges = (await admin.call('CLUSTER', 'SLOTS')) as SlotRange[];
      return ranges.map(([from, to, master, ...replicas]) => ({
        from,
        to,
        master: master[1],
        replicas: replicas.map((r) => r[1]),
      }));
    });
  }

  /** The port of the master that serves `key` now (the key as stored, prefix included). */
  async masterOf(key: string): Promise<number> {
    const slot = await this.withNode(async (admin) => Number(await admin.call('CLUSTER', 'KEYSLOT', key)));
    const range = (await this.slotMasters()).find((r) => r.from <= slot && slot <= r.to);
    if (!range) throw new Error(`no master serves slot ${slot}`);
    return range.master;
  }

  /** Switches cluster-require-full-coverage on every live node (see RedisClusterOptions). */
  async setRequireFullCoverage(on: boolean): Promise<void> {
    for (const port of this.running) {
      await this.ask(port, (admin) => admin.config('SET', 'cluster-require-full-coverage', on ? 'yes' : 'no'));
    }
  }

  /** The keys one node holds (its share of the slots), for tests that pick a master by its keys. */
  async keysOn(port: number): Promise<string[]> {
    return (await this.ask(port, (admin) => admin.keys('*'))) ?? [];
  }

  /**
   * SIGKILLs the master on `port` (no goodbye to anyone), as a crashed host would. Resolves once
   * the process is gone; the cluster fails over on its own (`waitForFailover`).
   */
  kill(port: number): Promise<void> {
    return this.processes.kill(port);
  }

  /** Resolves once a live replica serves every slot `port` served and the cluster says ok again. */
  async waitForFailover(port: number, timeoutMs = 30_000): Promise<void> {
    await this.waitUntil(async () => {
      const ranges = await this.slotMasters();
      return !ranges.some((r) => r.master === port) && (await this.healthy());
    }, timeoutMs);
  }

  stop(): Promise<void> {
    return this.processes.stop();
  }

  private startNode(port: number): Promise<void> {
    const { tls } = this.options;
    const listen = tls
      ? [
          ...['--port', '0', '--tls-port', String(port), '--tls-cluster', 'yes', '--tls-auth-clients', 'no'],
          ...['--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile, '--tls-ca-cert-file', tls.caFile],
        ]
      : ['--port', String(port)];
    return this.processes.start(port, 'redis-server', [
      ...listen,
      ...['--bind', '127.0.0.1', '--cluster-enabled', 'yes'],
      ...['--cluster-config-file', join(this.processes.dir, `nodes-${port}.conf`)],
      ...['--cluster-node-timeout', String(NODE_TIMEOUT_MS)],
      ...['--cluster-require-full-coverage', this.options.requireFullCoverage ? 'yes' : 'no'],
      ...['--dir', this.processes.dir, '--save', '', '--appendonly', 'no'],
    ]);
  }

  /** redis-cli, over TLS when the nodes speak it. */
  private cli(args: readonly string[]) {
    const tls = this.options.tls ? ['--tls', '--cacert', this.options.tls.caFile] : [];
    return spawnSync('redis-cli', [...tls, ...args], { encoding: 'utf8', timeout: 30_000 });
  }

  /** Every live node says `cluster_state:ok`, and all 16384 slots have a live master. */
  private async healthy(): Promise<boolean> {
    for (const port of this.running) {
      const info = await this.ask(port, (admin) => admin.call('CLUSTER', 'INFO') as Promise<string>);
      if (!info?.includes('cluster_state:ok')) return false;
    }
    const ranges = await this.slotMasters();
    const covered = ranges.reduce((n, r) => n + (r.to - r.from + 1), 0);
    return covered === 16384 && ranges.every((r) => this.processes.isRunning(r.master));
  }

  /** Every master has its replicas attached and caught up, so a failover loses nothing it was told. */
  private async replicasInSync(): Promise<boolean> {
    for (const range of await this.slotMasters()) {
      // CLUSTER SLOTS lists a replica once it is attached: count the ones asked for, not those listed.
      if (range.replicas.length < this.options.replicasPerMaster) return false;
      const info = await this.ask(range.master, (admin) => admin.info('replication'));
      if (onlineReplicas(info) < range.replicas.length) return false;
    }
    return true;
  }

  private async withNode<T>(use: (admin: Redis) => Promise<T>): Promise<T> {
    for (const port of this.running) {
      const answer = await this.ask(port, use);
      if (answer !== undefined) return answer;
    }
    throw new Error('no cluster node answers');
  }

  /** One command to one process on a connection of its own; undefined when it does not answer. */
  private ask<T>(port: number, use: (admin: Redis) => Promise<T>): Promise<T | undefined> {
    return askRedis(port, use, this.tlsCa);
  }

  private waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    return waitUntil('redis cluster', condition, timeoutMs);
  }
}
