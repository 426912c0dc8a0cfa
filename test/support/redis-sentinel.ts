import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { freePort } from './free-port.js';
import { askRedis, waitUntil } from './redis-admin.js';
import { loopbackAddresses, onlineReplicas, RedisProcesses, setUpOrStop } from './redis-processes.js';

/** The master group the sentinels watch (`cache.redisSentinel.name`). */
export const SENTINEL_MASTER_NAME = 'msdk-cache';

/** How long a master may go unanswered before a sentinel calls it down: short, so tests are quick. */
const DOWN_AFTER_MS = 1000;

/**
 * A throw-away Redis with sentinels on free ports: a master, one replica and three
 * `redis-sentinel` processes (quorum 2) watching them. Tests may SIGKILL the master and wait for
 * the sentinels to promote the replica. `sentinels` and `SENTINEL_MASTER_NAME` are what the
 * gateway's `cache.redisSentinel` takes; `stop()` in afterAll ends every process.
 */
export class RedisSentinelGroup {
  private constructor(
    readonly masterPort: number,
    readonly replicaPort: number,
    readonly sentinelPorts: readonly number[],
    private readonly processes: RedisProcesses,
  ) {}

  /** redis-server and redis-sentinel are both installed (Debian: redis-server, redis-sentinel). */
  static available(): boolean {
    return (
      spawnSync('redis-server', ['--version']).status === 0 && spawnSync('redis-sentinel', ['--version']).status === 0
    );
  }

  static async start(): Promise<RedisSentinelGroup> {
    const ports: number[] = [];
    while (ports.length < 5) {
      const port = await freePort();
      if (!ports.includes(port)) ports.push(port);
    }
    const [master, replica, ...sentinels] = ports;
    const group = new RedisSentinelGroup(master, replica, sentinels, await RedisProcesses.create('redis-sentinel'));
    return setUpOrStop(group, async () => {
      await group.startRedis(master, []);
      await group.startRedis(replica, ['--replicaof', '127.0.0.1', String(master)]);
      await group.waitUntil(
        async () => onlineReplicas(await group.ask(master, (r) => r.info('replication'))) === 1,
        15_000,
      );
      await Promise.all(sentinels.map((port) => group.startSentinel(port)));
      // A failover needs every sentinel to know the replica and a quorum of the others.
      await group.waitUntil(() => group.sentinelsReady(), 30_000);
    });
  }

  /** `cache.redisSentinel.sentinels`. */
  get sentinels(): Array<{ host: string; port: number }> {
    return loopbackAddresses(this.sentinelPorts);
  }

  /** The master's port as a sentinel answers it now. */
  async currentMaster(): Promise<number | undefined> {
    for (const port of this.sentinelPorts) {
      const addr = await this.ask(
        port,
        (s) => s.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME) as Promise<[string, string] | null>,
      );
      if (addr) return Number(addr[1]);
    }
    return undefined;
  }

  /** SIGKILLs the Redis on `port` (the master, in a failover test): no goodbye to anyone. */
  kill(port: number): Promise<void> {
    return this.processes.kill(port);
  }

  /** Resolves once every sentinel names the replica as master and it says it is one. */
  async waitForFailover(timeoutMs = 30_000): Promise<void> {
    await this.waitUntil(async () => {
      for (const port of this.sentinelPorts) {
        const addr = await this.ask(
          port,
          (s) =>
            s.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', SENTINEL_MASTER_NAME) as Promise<[string, string] | null>,
        );
        if (Number(addr?.[1]) !== this.replicaPort) return false;
      }
      const role = await this.ask(this.replicaPort, (r) => r.call('ROLE') as Promise<[string, ...unknown[]]>);
      return role?.[0] === 'master';
    }, timeoutMs);
  }

  stop(): Promise<void> {
    return this.processes.stop();
  }

  private startRedis(port: number, extra: string[]): Promise<void> {
    const { dir } = this.processes;
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extra];
    return this.processes.start(port, 'redis-server', [...args, '--dir', dir]);
  }

  /** Sentinels rewrite their config file (what they learn), so each gets one of its own. */
  private async startSentinel(port: number): Promise<void> {
    const { dir } = this.processes;
    const file = join(dir, `sentinel-${port}.conf`);
    await writeFile(
      file,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dir}`,
        `sentinel monitor ${SENTINEL_MASTER_NAME} 127.0.0.1 ${this.masterPort} 2`,
        `sentinel down-after-milliseconds ${SENTINEL_MASTER_NAME} ${DOWN_AFTER_MS}`,
        `sentinel failover-timeout ${SENTINEL_MASTER_NAME} 10000`,
        `sentinel parallel-syncs ${SENTINEL_MASTER_NAME} 1`,
        '',
      ].join('\n'),
    );
    await this.processes.start(port, 'redis-sentinel', [file]);
  }

  private async sentinelsReady(): Promise<boolean> {
    for (const port of this.sentinelPorts) {
      const ready = await this.ask(port, async (s) => {
        const replicas = (await s.call('SENTINEL', 'REPLICAS', SENTINEL_MASTER_NAME)) as unknown[];
        const others = (await s.call('SENTINEL', 'SENTINELS', SENTINEL_MASTER_NAME)) as unknown[];
        return replicas.length === 1 && others.length === this.sentinelPorts.length - 1;
      });
      if (!ready) return false;
    }
    return true;
  }

  /** One command to one process on a connection of its own; undefined when it does not answer. */
  private ask<T>(port: number, use: (admin: Redis) => Promise<T>): Promise<T | undefined> {
    return askRedis(port, use);
  }

  private waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    return waitUntil('redis sentinel', condition, timeoutMs);
  }
}
