import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { askRedis, waitUntil } from './redis-admin.js';
import { waitForPort } from './redis-server.js';

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
}

/** How long a node may go unanswered before the others fail it over: short, so tests are quick. */
const NODE_TIMEOUT_MS = 1000;

/**
 * A throw-away Redis Cluster on free ports (three masters, one replica each, by default), made of
 * real `redis-server --cluster-enabled yes` processes joined by `redis-cli --cluster create`.
 * Tests may SIGKILL a master and wait for its replica to take over. Other suites use it too:
 * `RedisCluster.start()` in beforeAll, `nodes` for the gateway's `cache.redisCluster.nodes`,
 * `stop()` in afterAll.
 */
export class RedisCluster {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    readonly ports: readonly number[],
    private readonly dir: string,
  ) {}

  /** redis-server and redis-cli are both installed (the cluster is joined with redis-cli). */
  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0 && spawnSync('redis-cli', ['--version']).status === 0;
  }

  static async start(options: RedisClusterOptions = {}): Promise<RedisCluster> {
    const { masters = 3, replicasPerMaster = 1, requireFullCoverage = true } = options;
    const ports: number[] = [];
    while (ports.length < masters * (1 + replicasPerMaster)) {
      const port = await freePort();
      // The cluster bus listens on port + 10000: both must be free, and not among ours.
      if (port < 55_000 && !ports.includes(port) && !ports.includes(port + 10_000)) ports.push(port);
    }
    const cluster = new RedisCluster(ports, await mkdtemp(join(tmpdir(), 'redis-cluster-')));
    try {
      await Promise.all(ports.map((port) => cluster.startNode(port, requireFullCoverage)));
      const created = spawnSync(
        'redis-cli',
        [
          '--cluster',
          'create',
          ...ports.map((p) => `127.0.0.1:${p}`),
          '--cluster-replicas',
          String(replicasPerMaster),
          '--cluster-yes',
        ],
        { encoding: 'utf8', timeout: 30_000 },
      );
      if (created.status !== 0)
        throw new Error(`redis-cli --cluster create failed: ${created.stdout}${created.stderr}`);
      await cluster.waitUntil(async () => (await cluster.healthy()) && (await cluster.replicasInSync()), 30_000);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  /** Seed nodes for a client (`cache.redisCluster.nodes`): every node, as a client would list them. */
  get nodes(): Array<{ host: string; port: number }> {
    return this.ports.map((port) => ({ host: '127.0.0.1', port }));
  }

  /** The live nodes' ports. */
  get running(): number[] {
    return [...this.children.keys()];
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
  async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    if (!child) return;
    this.children.delete(port);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }

  /** Resolves once a live replica serves every slot `port` served and the cluster says ok again. */
  async waitForFailover(port: number, timeoutMs = 30_000): Promise<void> {
    await this.waitUntil(async () => {
      const ranges = await this.slotMasters();
      return !ranges.some((r) => r.master === port) && (await this.healthy());
    }, timeoutMs);
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((port) => this.kill(port)));
    await rm(this.dir, { recursive: true, force: true });
  }

  private async startNode(port: number, requireFullCoverage: boolean): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        join(this.dir, `nodes-${port}.conf`),
        '--cluster-node-timeout',
        String(NODE_TIMEOUT_MS),
        '--cluster-require-full-coverage',
        requireFullCoverage ? 'yes' : 'no',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'no',
      ],
      { stdio: 'ignore' },
    );
    this.children.set(port, child);
    await waitForPort(port, 5000);
  }

  /** Every live node says `cluster_state:ok`, and all 16384 slots have a live master. */
  private async healthy(): Promise<boolean> {
    for (const port of this.running) {
      const info = await this.ask(port, (admin) => admin.call('CLUSTER', 'INFO') as Promise<string>);
      if (!info?.includes('cluster_state:ok')) return false;
    }
    const ranges = await this.slotMasters();
    const covered = ranges.reduce((n, r) => n + (r.to - r.from + 1), 0);
    return covered === 16384 && ranges.every((r) => this.children.has(r.master));
  }

  /** Every master has its replicas attached and caught up, so a failover loses nothing it was told. */
  private async replicasInSync(): Promise<boolean> {
    for (const range of await this.slotMasters()) {
      const info = await this.ask(range.master, (admin) => admin.info('replication'));
      const online = (info?.match(/^slave\d+:.*state=online/gm) ?? []).length;
      if (online < range.replicas.length || range.replicas.length === 0) return false;
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
    return askRedis(port, use);
  }

  private waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    return waitUntil('redis cluster', condition, timeoutMs);
  }
}
