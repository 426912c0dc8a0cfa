import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GatewayHarness, newClientKey, type TestClient } from '../support/gateway-harness.js';
import { get } from '../support/http-client.js';
import {
  RUNBOOK,
  alertNamesIn,
  gatewayMetricsIn,
  readText,
  recordedNamesIn,
  recordedSeriesIn,
  ruleFiles,
  ruleTestFiles,
  selectorLabelsIn,
} from '../support/prometheus-rules.js';
import { PrometheusServer, type LoadedRule } from '../support/prometheus-server.js';
import { exportedFamilies } from '../support/prometheus-text.js';
import { RedisServer } from '../support/redis-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';

const SCRAPE_CONFIG = 'config/prometheus/prometheus.yml';
const DASHBOARD = 'config/grafana/dashboards/msdk-gateway.json';

/**
 * Agreed metric names (BRIEF: issues 24.3 and 26.2) whose code is being built on other branches.
 * The rules and the dashboard use them already; once the gateway exports one, the last test here
 * fails until it is taken off this list, so the drift check covers it too.
 */
const BUILT_ELSEWHERE: readonly string[] = [];

const promtoolAvailable = () => spawnSync('promtool', ['--version']).status === 0;
/** promtool's output, or `succeeded` when it exits 0 (so a failure shows what promtool said). */
const promtool = (...args: string[]) => {
  const run = spawnSync('promtool', args, { encoding: 'utf8' });
  return run.status === 0 ? 'succeeded' : `exit ${run.status}: ${run.stdout}${run.stderr}`;
};

const alertNames = ruleFiles().flatMap((file) => alertNamesIn(readText(file)));

// Skipped where promtool is not installed (.ci/run installs Debian's prometheus package).
(promtoolAvailable() ? describe : describe.skip)('the Prometheus rules (promtool)', () => {
  it('has alerts to check', () => {
    expect(alertNames.length).toBeGreaterThan(0);
  });

  it('promtool check rules accepts every rule file', () => {
    expect(promtool('check', 'rules', ...ruleFiles())).toBe('succeeded');
  });

  it('promtool test rules passes every unit test', () => {
    expect(promtool('test', 'rules', ...ruleTestFiles())).toBe('succeeded');
  });

  it('promtool check config accepts the shipped scrape config, and it loads every rule file', () => {
    expect(promtool('check', 'config', SCRAPE_CONFIG)).toBe('succeeded');
    // promtool checks the rule files a config loads, and names them.
    const { stdout } = spawnSync('promtool', ['check', 'config', SCRAPE_CONFIG], { encoding: 'utf8' });
    for (const file of ruleFiles()) expect(stdout).toContain(basename(file));
  });

  it('has a unit test where each alert fires and one where it must not', () => {
    // Each alert_rule_test item names its alert, then its exp_alerts (empty `[]`: must not fire).
    const cases = ruleTestFiles().flatMap((file) => [
      ...readText(file).matchAll(/^\s*alertname:\s*(\S+)\s*\n\s*exp_alerts:\s*(\[\])?/gm),
    ]);
    const firing = new Set(cases.filter((m) => m[2] === undefined).map((m) => m[1]));
    const quiet = new Set(cases.filter((m) => m[2] === '[]').map((m) => m[1]));
    expect(alertNames.filter((name) => !firing.has(name))).toEqual([]);
    expect(alertNames.filter((name) => !quiet.has(name))).toEqual([]);
  });

  it('has one runbook section per alert, and no section for an alert that does not exist', () => {
    const sections = [...readText(RUNBOOK).matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    expect([...sections].sort()).toEqual([...alertNames].sort());
  });
});

interface Dashboard {
  panels: Array<{ targets: Array<{ expr: string }> }>;
}
const dashboardExprs = (JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard).panels.flatMap((p) =>
  p.targets.map((t) => t.expr),
);

// Skipped where prometheus or redis-server is not installed (.ci/run installs both).
(PrometheusServer.available() && RedisServer.available() ? describe : describe.skip)(
  'the rules against a real Prometheus scraping a real gateway',
  () => {
    let redis: RedisServer;
    let sandbox: SandboxHarness;
    let gateway: GatewayHarness;
    let prometheus: PrometheusServer;
    let families: ReturnType<typeof exportedFamilies>;
    let rules: LoadedRule[];
    const caller: TestClient = { name: 'lobby', key: newClientKey(), games: ['demo'], scopes: ['auth', 'relation'] };
    const limited: TestClient = { name: 'limited', key: newClientKey(), games: ['demo'], scopes: ['auth'] };
    const user = (openid: string) => ({ openid, accessToken: 'TOKEN-RULES-1' });

    beforeAll(async () => {
      redis = await RedisServer.start();
      sandbox = await SandboxHarness.start();
      gateway = await GatewayHarness.start({
        sandbox,
        clients: [caller, limited],
        env: { REDIS_URL: redis.url },
        resilience: { attemptTimeoutMs: 150, deadlineMs: 400, maxRetries: 1 },
        configPatch: { rateLimits: { clients: { limited: { limit: 1, windowMs: 60_000 } } } },
      });
      prometheus = await PrometheusServer.start(new URL(gateway.url).host, { ruleFiles: ruleFiles() });
      // A few calls so most series have samples: a miss and a hit, is_lost, a retry, timeouts, a 429.
      await gateway.call('/v1/relation/qqprofile', user('RULE0001'));
      await gateway.call('/v1/relation/qqprofile', user('RULE0001'));
      await sandbox.fault({ interface: '/relation/qqprofile', isLost: true });
      await gateway.call('/v1/relation/qqprofile', user('RULE0002'));
      await sandbox.fault({ interface: '/auth/verify_login', httpStatus: 502 });
      await gateway.call('/v1/auth/verify_login', user('RULE0003'));
      await sandbox.fault({ interface: '/auth/check_token', delayMs: 300, times: 2 });
      await gateway.call('/v1/auth/check_token', user('RULE0004'));
      await gateway.call('/v1/auth/verify_login', user('RULE0005'), { client: limited });
      await gateway.call('/v1/auth/verify_login', user('RULE0006'), { client: limited });
      families = exportedFamilies((await get(`${gateway.url}/metrics`)).text);
      // Every rule evaluated at least once (health `unknown` until then; evaluated every second).
      for (let attempt = 0; attempt < 80; attempt++) {
        rules = await prometheus.rules();
        if (rules.length > 0 && rules.every((r) => r.health !== 'unknown')) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      // Four servers to start on a shared machine: more than the default 30 s may pass.
    }, 90_000);
    afterAll(async () => {
      await prometheus?.stop();
      await gateway?.close();
      await sandbox?.close();
      await redis?.stop();
    });

    const queries = () => [...rules.map((r) => r.query), ...dashboardExprs];
    const exported = (name: string) => families.has(name);

    it('loads every rule of the shipped files, and every one evaluates without error', () => {
      expect(rules.filter((r) => r.type === 'alerting').map((r) => r.name)).toEqual(alertNames);
      const failing = rules.filter((r) => r.health !== 'ok').map((r) => `${r.name}: ${r.health} ${r.lastError ?? ''}`);
      expect(failing).toEqual([]);
    });

    it('gives every alert a severity, a summary, a description and a runbook_url into docs/alerts.md', () => {
      const runbook = readText(RUNBOOK);
      for (const alert of rules.filter((r) => r.type === 'alerting')) {
        expect({ alert: alert.name, severity: alert.labels?.severity }).toEqual({
          alert: alert.name,
          severity: expect.stringMatching(/^(critical|warning)$/),
        });
        expect(alert.annotations).toMatchObject({
          summary: expect.any(String),
          description: expect.any(String),
          runbook_url: `${RUNBOOK}#${alert.name.toLowerCase()}`,
        });
        expect(runbook).toContain(`\n## ${alert.name}\n`);
      }
    });

    it('names only metrics the gateway exports (the rules and the dashboard alike)', () => {
      const names = [...new Set(queries().flatMap(gatewayMetricsIn))];
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => !exported(name) && !BUILT_ELSEWHERE.includes(name))).toEqual([]);
    });

    it('matches only on labels those metrics have', () => {
      const wrong: string[] = [];
      for (const query of queries()) {
        for (const name of gatewayMetricsIn(query)) {
          const labels = families.get(name)?.labelNames;
          // Without a sample yet (a labelled series appears at its first increment) there is nothing to compare.
          if (!labels || labels.size === 0) continue;
          for (const label of selectorLabelsIn(query, name)) if (!labels.has(label)) wrong.push(`${name}{${label}}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('reads only recorded series that the recording rules define', () => {
      const recorded = new Set(ruleFiles().flatMap((file) => recordedNamesIn(readText(file))));
      const used = [...new Set(queries().flatMap(recordedSeriesIn))];
      expect(used.length).toBeGreaterThan(0);
      expect(used.filter((name) => !recorded.has(name))).toEqual([]);
    });

    it(`lists in BUILT_ELSEWHERE only names the gateway does not export yet (${BUILT_ELSEWHERE.join(', ')})`, () => {
      expect(BUILT_ELSEWHERE.filter(exported)).toEqual([]);
    });
  },
);
