import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.js';
import { waitForPort, type RedisTlsFiles } from './redis-server.js';

/** Redis cluster's bus listens on the client port + 10000. */
const BUS_OFFSET = 10_000;

/**
 * A throw-away three-master Redis Cluster speaking TLS only, clients and cluster bus alike
 * (`--tls-port`, `--port 0`, `--tls-cluster yes`), made with `redis-cli --cluster create`.
 */
export class RedisTlsCluster {
  private constructor(
    readonly ports: readonly number[],
    private readonly children: ChildProcess[],
  ) {}

  /** redis-server and redis-cli (which makes the cluster) are both installed. */
  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0 && spawnSync('redis-cli', ['--version']).status === 0;
  }

  /** The seed nodes, as cache.redisCluster.nodes takes them. */
  get nodes(): Array<{ host: string; port: number }> {
    return this.ports.map((port) => ({ host: '127.0.0.1', port }));
  }

  /** `dir`: where each node keeps its cluster config file (a test's mkdtemp directory). */
  static async start(tls: RedisTlsFiles, dir: string): Promise<RedisTlsCluster> {
    const ports: number[] = [];
    while (ports.length < 3) {
      const port = await freePort();
      if (port + BUS_OFFSET <= 65_535 && !ports.includes(port)) ports.push(port);
    }
    const children = ports.map((port) => {
      const nodeDir = join(dir, `cluster-${port}`);
      mkdirSync(nodeDir, { recursive: true });
      return spawn(
        'redis-server',
        [
          ...['--port', '0', '--tls-port', String(port), '--tls-cluster', 'yes', '--tls-auth-clients', 'no'],
          ...['--tls-cert-file', tls.certFile, '--tls-key-file', tls.keyFile, '--tls-ca-cert-file', tls.caFile],
          ...['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf'],
          ...['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        ],
        { cwd: nodeDir, stdio: 'ignore' },
      );
    });
    const cluster = new RedisTlsCluster(ports, children);
    try {
      await Promise.all(ports.map((port) => waitForPort(port, 5000)));
      const cli = (args: string[]) =>
        spawnSync('redis-cli', ['--tls', '--cacert', tls.caFile, ...args], { encoding: 'utf8', timeout: 20_000 });
      const create = cli(['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-yes']);
      if (create.status !== 0) throw new Error(`redis-cli --cluster create failed: ${create.stderr}`);
      // Every node must agree before a client sees one cluster.
      const deadline = Date.now() + 10_000;
      while (!ports.every((p) => cli(['-p', String(p), 'cluster', 'info']).stdout.includes('cluster_state:ok'))) {
        if (Date.now() > deadline) throw new Error('the TLS cluster did not reach cluster_state:ok');
        await new Promise((r) => setTimeout(r, 100));
      }
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.children
        .filter((child) => child.exitCode === null && child.signalCode === null)
        .map((child) => {
          child.kill('SIGKILL');
          return once(child, 'exit');
        }),
    );
  }
}
