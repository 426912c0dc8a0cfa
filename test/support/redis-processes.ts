import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForPort } from './redis-server.js';

/**
 * The Redis processes of one throw-away fixture (a cluster's nodes, a master with its replica and
 * sentinels): each started on a loopback port it is waited for on, each killable alone (a test's
 * crashed master), all ended with the directory they share.
 */
export class RedisProcesses {
  private readonly children = new Map<number, ChildProcess>();

  private constructor(
    /** Where the processes keep their files (cluster and sentinel configs): removed by stop(). */
    readonly dir: string,
  ) {}

  static async create(name: string): Promise<RedisProcesses> {
    return new RedisProcesses(await mkdtemp(join(tmpdir(), `${name}-`)));
  }

  /** Starts `command args` and resolves once it listens on `port`. */
  async start(port: number, command: 'redis-server' | 'redis-sentinel', args: readonly string[]): Promise<void> {
    this.children.set(port, spawn(command, args, { stdio: 'ignore' }));
    await waitForPort(port, 5000);
  }

  /** The live processes' ports. */
  get running(): number[] {
    return [...this.children.keys()];
  }

  isRunning(port: number): boolean {
    return this.children.has(port);
  }

  /** SIGKILLs the process on `port` (no goodbye to anyone); resolves once it is gone. */
  async kill(port: number): Promise<void> {
    const child = this.children.get(port);
    if (!child) return;
    this.children.delete(port);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.map((port) => this.kill(port)));
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** `fixture` once `setUp` has run; when setting up fails, what it started is stopped and the error rethrown. */
export async function setUpOrStop<T extends { stop(): Promise<void> }>(
  fixture: T,
  setUp: () => Promise<void>,
): Promise<T> {
  try {
    await setUp();
  } catch (error) {
    await fixture.stop();
    throw error;
  }
  return fixture;
}

/** Ports as a client's seed list takes them (`cache.redisCluster.nodes`, `cache.redisSentinel.sentinels`). */
export function loopbackAddresses(ports: readonly number[]): Array<{ host: string; port: number }> {
  return ports.map((port) => ({ host: '127.0.0.1', port }));
}

/** Replicas attached and caught up, from a master's `INFO replication`. */
export function onlineReplicas(replicationInfo: string | undefined): number {
  return (replicationInfo?.match(/^slave\d+:.*state=online/gm) ?? []).length;
}
