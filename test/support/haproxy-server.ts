import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';

/** Debian installs it in /usr/sbin, which a non-root PATH may lack. */
const BINARIES = ['haproxy', '/usr/sbin/haproxy'];
const CONFIG = 'config/haproxy/haproxy.cfg';

export interface HaproxyOptions {
  /** host:port of each gateway instance, in the order of the config's GATEWAY_1..3. */
  readonly gateways: readonly string[];
  readonly checkInterMs: number;
  readonly checkTimeoutMs: number;
  readonly checkFall: number;
  readonly checkRise: number;
}

/** One row of HAProxy's stats CSV, by column name (`svname`, `status`, `wretr`, ...). */
export type StatsRow = Readonly<Record<string, string>>;

/** A real HAProxy (Debian's package) running the repo's config/haproxy/haproxy.cfg on free ports. */
export class HaproxyServer {
  output = '';
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly statsUrl: string,
  ) {
    child.stdout?.on('data', (d) => (this.output += d));
    child.stderr?.on('data', (d) => (this.output += d));
  }

  static binary(): string | undefined {
    return BINARIES.find((b) => spawnSync(b, ['-v']).status === 0);
  }

  static async start(options: HaproxyOptions): Promise<HaproxyServer> {
    const binary = HaproxyServer.binary();
    if (!binary) throw new Error('haproxy is not installed');
    const [port, statsPort] = [await freePort(), await freePort()];
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HAPROXY_BIND: `127.0.0.1:${port}`,
      HAPROXY_STATS_BIND: `127.0.0.1:${statsPort}`,
      HAPROXY_CHECK_INTER: `${options.checkInterMs}ms`,
      HAPROXY_CHECK_TIMEOUT: `${options.checkTimeoutMs}ms`,
      HAPROXY_CHECK_FALL: String(options.checkFall),
      HAPROXY_CHECK_RISE: String(options.checkRise),
    };
    options.gateways.forEach((address, i) => (env[`GATEWAY_${i + 1}`] = address));
    // -db: in the foreground, so that the test owns the process and its output.
    const child = spawn(binary, ['-db', '-f', CONFIG], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new HaproxyServer(child, `http://127.0.0.1:${port}`, `http://127.0.0.1:${statsPort}/stats;csv`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && child.exitCode === null) {
      try {
        if ((await server.servers()).every((s) => s.status === 'UP')) return server;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await server.stop();
    throw new Error(`haproxy did not see every gateway UP: ${server.output}`);
  }

  /** The stats rows of the gateways backend: its servers, then the backend's own total row. */
  async stats(): Promise<StatsRow[]> {
    const text = await (await fetch(this.statsUrl)).text();
    const [header, ...lines] = text.trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    return lines
      .map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])) as StatsRow)
      .filter((row) => row.pxname === 'gateways');
  }

  async servers(): Promise<StatsRow[]> {
    return (await this.stats()).filter((row) => row.svname !== 'BACKEND');
  }

  /** Resolves once HAProxy's health checks show the server (gateway1..3) in the given state. */
  async waitFor(server: string, status: 'UP' | 'DOWN', timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const row = (await this.servers()).find((s) => s.svname === server);
      // Between states HAProxy shows e.g. "DOWN 1/2" (going up): only the settled state counts.
      if (row?.status === status) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`haproxy did not see ${server} ${status}: ${this.output}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}
