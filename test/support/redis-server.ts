import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { Redis } from 'ioredis';
import { freePort } from './free-port.js';

/** PEM files redis-server serves TLS with (its `tls-*` settings). */
export interface RedisTlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
  readonly caFile: string;
}

/**
 * A throw-away redis-server on a free port, which tests may stop and restart. With `tls`, it
 * listens on that port with TLS only (`--tls-port`, `--port 0`) and does not ask clients for
 * certificates.
 */
export class RedisServer {
  private child?: ChildProcess;
  private constructor(
    readonly port: number,
    private readonly tls?: RedisTlsFiles,
  ) {}

  static available(): boolean {
    return spawnSync('redis-server', ['--version']).status === 0;
  }

  static async start(tls?: RedisTlsFiles): Promise<RedisServer> {
    const server = new RedisServer(await freePort(), tls);
    await server.restart();
    return server;
  }

  get url(): string {
    return `${this.tls ? 'rediss' : 'redis'}://127.0.0.1:${this.port}`;
  }

  async restart(): Promise<void> {
    const listen = this.tls
      ? [
          ...['--port', '0', '--tls-port', String(this.port), '--tls-auth-clients', 'no'],
          ...['--tls-cert-file', this.tls.certFile, '--tls-key-file', this.tls.keyFile],
          ...['--tls-ca-cert-file', this.tls.caFile],
        ]
      : ['--port', String(this.port)];
    this.child = spawn('redis-server', [...listen, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await waitForPort(this.port, 5000);
  }

  /**
   * Stalls the server (CLIENT PAUSE ALL): it stays connected but answers no client for `ms`, as a
   * Redis busy with a slow command or a fork would. Resolves once the pause has begun.
   */
  async stall(ms: number): Promise<void> {
    const admin = new Redis(this.url, { maxRetriesPerRequest: 0 });
    try {
      await admin.call('CLIENT', 'PAUSE', String(ms), 'ALL');
    } finally {
      admin.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGKILL');
    await once(child, 'exit');
    this.child = undefined;
  }
}

/** Resolves once something listens on the loopback `port`. */
export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.destroy();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}
