import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './free-port.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrometheusOptions {
  /** Rule files to load (absolute paths), evaluated every second like the scrape. */
  readonly ruleFiles?: readonly string[];
}

/** One rule as the rules API shows it (alerting rules have labels and annotations). */
export interface LoadedRule {
  readonly type: 'alerting' | 'recording';
  readonly name: string;
  readonly query: string;
  readonly health: string;
  readonly lastError?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
}

/** A real Prometheus (Debian's package) on a free port, scraping one target every second. */
export class PrometheusServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static available(): boolean {
    return spawnSync('prometheus', ['--version']).status === 0;
  }

  static async start(target: string, options: PrometheusOptions = {}): Promise<PrometheusServer> {
    const dir = mkdtempSync(join(tmpdir(), 'prom-'));
    const config = join(dir, 'prometheus.yml');
    // JSON strings are valid YAML scalars: paths with any character stay one string.
    const ruleFiles = (options.ruleFiles ?? []).map((file) => `  - ${JSON.stringify(file)}\n`).join('');
    writeFileSync(
      config,
      `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n` +
        (ruleFiles ? `rule_files:\n${ruleFiles}` : '') +
        // The job name the shipped config and the alerts use.
        `scrape_configs:\n  - job_name: msdk-gateway\n    metrics_path: /metrics\n    static_configs:\n      - targets: ["${target}"]\n`,
    );
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${config}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--log.level=warn',
      ],
      { stdio: 'ignore' },
    );
    const server = new PrometheusServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${server.url}/-/ready`)).ok) return server;
      } catch {
        // not up yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    child.kill('SIGKILL');
    throw new Error('prometheus did not become ready');
  }

  /** An instant query through the HTTP API; the result vector. */
  async query(expr: string): Promise<unknown[]> {
    const res = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { status: string; error?: string; data?: { result: unknown[] } };
    if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
    return body.data?.result ?? [];
  }

  /** Every loaded rule, from the rules API (its health says whether its last evaluation failed). */
  async rules(): Promise<LoadedRule[]> {
    const res = await fetch(`${this.url}/api/v1/rules`);
    const body = (await res.json()) as { status: string; data?: { groups: Array<{ rules: LoadedRule[] }> } };
    if (body.status !== 'success') throw new Error('the rules API failed');
    return (body.data?.groups ?? []).flatMap((group) => group.rules);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    await once(this.child, 'exit');
  }
}
