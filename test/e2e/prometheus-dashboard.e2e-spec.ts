import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GatewayHarness } from '../support/gateway-harness.js';
import { PrometheusServer } from '../support/prometheus-server.js';
import { ruleFiles } from '../support/prometheus-rules.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

interface DatasourceRef {
  type?: string;
  uid?: string;
}
interface Panel {
  title: string;
  datasource?: DatasourceRef;
  targets: Array<{ expr: string; datasource?: DatasourceRef }>;
}
interface Variable {
  name: string;
  type: string;
  query?: string;
}
const dashboard = JSON.parse(readFileSync('config/grafana/dashboards/msdk-gateway.json', 'utf8')) as {
  schemaVersion: number;
  panels: Panel[];
  templating: { list: Variable[] };
};
/** Grafana fills $__rate_interval; for a 1 s scrape, 10 s holds enough samples. */
const asPromQL = (expr: string) => expr.replaceAll('$__rate_interval', '10s');

// Skipped where prometheus is not installed (.ci/run installs Debian’s package).
(PrometheusServer.available() ? describe : describe.skip)('the Grafana dashboard against a real Prometheus', () => {
  let sandbox: SandboxHarness;
  let gateway: GatewayHarness;
  let prometheus: PrometheusServer;

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    gateway = await GatewayHarness.start({
      sandbox,
      resilience: { attemptTimeoutMs: 150, deadlineMs: 400, maxRetries: 1, breakerThreshold: 1000 },
    });
    // With the shipped rules, as in the compose stack: panels read the recorded series.
    prometheus = await PrometheusServer.start(new URL(gateway.url).host, { ruleFiles: ruleFiles() });
    // Traffic for every panel: hits and misses, is_lost, a retry, timeouts (5xx).
    const until = Date.now() + 6000;
    let i = 0;
    while (Date.now() < until) {
      const openid = `FEED${(i++ % 7).toString().padStart(4, '0')}`;
      await gateway.call('/v1/relation/qqprofile', { openid, accessToken: 'TOKEN-1' });
      if (i % 5 === 0) {
        await sandbox.fault({ interface: '/relation/qqprofile', isLost: true });
        await gateway.call('/v1/relation/qqprofile', { openid: `LOST${i}`, accessToken: 'TOKEN-1' });
        await sandbox.fault({ interface: '/auth/verify_login', httpStatus: 502 });
        await gateway.call('/v1/auth/verify_login', { openid, accessToken: 'TOKEN-1' });
        await sandbox.fault({ interface: '/auth/check_token', delayMs: 300, times: 2 });
        await gateway.call('/v1/auth/check_token', { openid, accessToken: 'TOKEN-1' });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  afterAll(async () => {
    await prometheus?.stop();
    await gateway?.close();
    await sandbox?.close();
  });

  const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => ({ title: p.title, expr: t.expr })));

  it('has the panels ops asked for', () => {
    const titles = dashboard.panels.map((p) => p.title.toLowerCase()).join(' | ');
    for (const word of [
      'request rate',
      'error rate',
      'gateway latency',
      'msdk latency',
      'cache hit ratio',
      'is_lost',
      'breaker',
      'retries',
      'redis breaker',
      'stale',
      'single-flight',
    ]) {
      expect(titles.includes(word)).toBeTruthy();
    }
  });

  it('asks for its Prometheus through a datasource variable, so it imports into any Grafana', () => {
    const variable = dashboard.templating.list.find((v) => v.name === 'datasource');
    expect(variable).toMatchObject({ type: 'datasource', query: 'prometheus' });
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(41);
  });

  it('has no panel or query with a hard-coded datasource uid', () => {
    const refs = dashboard.panels.flatMap((p) => [
      { where: p.title, ref: p.datasource },
      ...p.targets.map((t) => ({ where: `${p.title} — ${t.expr}`, ref: t.datasource })),
    ]);
    const hardCoded = refs.filter(({ ref }) => ref?.uid !== '${datasource}').map(({ where }) => where);
    expect(hardCoded).toEqual([]);
  });

  it('is provisioned with a Prometheus datasource the variable can pick', () => {
    const provisioned = readFileSync('config/grafana/provisioning/datasources/prometheus.yml', 'utf8');
    expect(provisioned).toMatch(/^\s*type: prometheus$/m);
    expect(provisioned).toMatch(/^\s*isDefault: true$/m);
  });

  for (const { title, expr } of exprs) {
    it(`returns data: ${title} — ${expr.length > 90 ? `${expr.slice(0, 89)}…` : expr}`, async () => {
      expect(asPromQL(expr)).not.toContain('$');
      let result: unknown[] = [];
      for (let attempt = 0; attempt < 30 && result.length === 0; attempt++) {
        result = await prometheus.query(asPromQL(expr));
        if (result.length === 0) await new Promise((r) => setTimeout(r, 500));
      }
      expect(result.length > 0).toBeTruthy();
    });
  }

  it('promtool accepts the shipped scrape config', () => {
    const check = spawnSync('promtool', ['check', 'config', 'config/prometheus/prometheus.yml'], { encoding: 'utf8' });
    expect(check.status).toBe(0);
  });
});
