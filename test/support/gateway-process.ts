import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { gatewayNodeFlags } from './gateway-node-flags.js';

/** The built gateway as its own process (as in production), for startup and shutdown tests. */
export class GatewayProcess {
  stdout = '';
  stderr = '';
  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (d) => (this.stdout += d));
    child.stderr?.on('data', (d) => (this.stderr += d));
  }

  static spawn(env: Record<string, string>): GatewayProcess {
    const child = spawn(process.execPath, [...gatewayNodeFlags(), 'dist/apps/gateway/src/main.js'], {
      // No drain delay unless a test asks for one: no balancer watches these processes' readiness.
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', SHUTDOWN_DRAIN_DELAY_MS: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new GatewayProcess(child);
  }

  async exitCode(): Promise<number | null> {
    // Node sets exitCode (null when a signal ended it) before it emits 'exit'.
    if (this.child.exitCode === null && this.child.signalCode === null) await once(this.child, 'exit');
    return this.child.exitCode;
  }

  /** Resolves with the URL once the gateway logs that it listens. */
  async listening(timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const match = /"url":"(http:\/\/[^"]+)"/.exec(this.stdout);
      if (match) return match[1];
      if (this.child.exitCode !== null) throw new Error(`gateway exited: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('gateway did not start');
  }
}
