import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { freePort } from '../support/free-port.js';
import { newClientKey, sha256 } from '../support/gateway-harness.js';
import { GatewayProcess } from '../support/gateway-process.js';
import { HaproxyServer } from '../support/haproxy-server.js';
import { SandboxHarness } from '../support/sandbox-harness.js';
import { TEST_GAME } from '../support/test-game.js';

const clientKey = newClientKey();
const INSTANCES = 3;
const CYCLES = 3;
/** Concurrent keep-alive clients, each sending its next request as soon as the last is answered. */
const CLIENTS = 4;
/** Between a client's calls: a steady load, not one that starves the machine's two cores. */
const PAUSE_MS = 10;
/**
 * HAProxy checks /health/ready every 200 ms and takes an instance out at the first failure (a 503,
 * or no answer within 500 ms), so 1500 ms of drain delay leave it time to see the 503 before the
 * instance stops listening, even on a busy machine: 200 + 500 < 1500, the rule that
 * config/haproxy/haproxy.cfg states for its production values.
 */
const CHECK_INTER_MS = 200;
const CHECK_TIMEOUT_MS = 500;
const DRAIN_DELAY_MS = 1500;
/** The load stops by itself after this long, whatever happens to the test. */
const LOAD_BOUND_MS = 150_000;

const haproxyBinary = HaproxyServer.binary();
if (!haproxyBinary) process.stderr.write('rolling-restart: skipped, haproxy is not installed (.ci/run installs it)\n');

interface Failure {
  readonly at: number;
  readonly what: string;
}

/** CLIENTS loops of verify_login calls through HAProxy, one user each call; counts every outcome. */
class SteadyLoad {
  succeeded = 0;
  readonly failures: Failure[] = [];
  private stopped = false;
  private readonly done: Promise<void[]>;

  constructor(
    private readonly pool: Pool,
    private readonly startedAt = Date.now(),
  ) {
    this.done = Promise.all(Array.from({ length: CLIENTS }, (_, client) => this.loop(client)));
  }

  private async loop(client: number): Promise<void> {
    for (let i = 0; !this.stopped && Date.now() - this.startedAt < LOAD_BOUND_MS; i++) {
      try {
        const res = await this.pool.request({
          path: '/v1/auth/verify_login',
          method: 'POST',
          headers: { authorization: `Bearer ${clientKey}`, 'content-type': 'application/json' },
          // One user per call: MSDK's per-user frequency limit would refuse repeats of one user.
          body: JSON.stringify({ openid: `C${client}U${i}`, accessToken: 'TOKEN' }),
        });
        const text = await res.body.text();
        if (res.statusCode === 200 && (JSON.parse(text) as { ret?: number }).ret === 0) this.succeeded++;
        else this.failures.push({ at: Date.now(), what: `${res.statusCode} ${text}` });
      } catch (error) {
        this.failures.push({ at: Date.now(), what: String(error) });
      }
      await sleep(PAUSE_MS);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.done;
  }
}

/** How many verify_login calls a gateway process answered 200, from its access lines. */
const answered = (proc: GatewayProcess): number =>
  proc.stdout
    .split('\n')
    .filter((l) => l.includes('"msg":"request"') && l.includes('"route":"/v1/auth/verify_login"'))
    .filter((l) => l.includes('"status":200')).length;

// Skipped where haproxy is not installed (.ci/run installs Debian's package).
(haproxyBinary ? describe : describe.skip)('rolling restarts behind HAProxy', () => {
  let sandbox: SandboxHarness;
  let haproxy: HaproxyServer | undefined;
  let pool: Pool | undefined;
  const ports: number[] = [];
  const gateways: GatewayProcess[] = [];

  const startGateway = async (i: number): Promise<void> => {
    gateways[i] = GatewayProcess.spawn({
      GATEWAY_CONFIG_JSON: JSON.stringify({
        upstream: { v3BaseUrl: sandbox.url },
        rateLimits: { perClient: { limit: 1_000_000 } },
        games: [{ id: 'demo', qqAppId: TEST_GAME.qqAppId, wechatAppId: TEST_GAME.wechatAppId }],
        clients: [{ name: 'rolling', keySha256: [sha256(clientKey)], games: ['demo'], scopes: ['auth'] }],
      }),
      MSDK_GAME_DEMO_MSDKKEY: sandbox.keys.msdkKey,
      PORT: String(ports[i]),
      SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    });
    // Generous: three processes start on a machine that the load (and other work) keeps busy.
    await gateways[i].listening(30_000);
  };

  beforeAll(async () => {
    sandbox = await SandboxHarness.start();
    for (let i = 0; i < INSTANCES; i++) ports.push(await freePort());
    for (let i = 0; i < INSTANCES; i++) await startGateway(i);
    haproxy = await HaproxyServer.start({
      gateways: ports.map((p) => `127.0.0.1:${p}`),
      checkInterMs: CHECK_INTER_MS,
      checkTimeoutMs: CHECK_TIMEOUT_MS,
      checkFall: 1,
      checkRise: 1,
    });
    pool = new Pool(haproxy.url, { connections: CLIENTS });
  }, 120_000);

  afterAll(async () => {
    await pool?.close();
    await haproxy?.stop();
    for (const proc of gateways) {
      if (proc.child.exitCode === null && proc.child.signalCode === null) proc.child.kill('SIGKILL');
      await proc.exitCode();
    }
    await sandbox?.close();
  });

  it(`${CYCLES} cycles of SIGTERM, drain, exit 0 and restart of each instance in turn: not one request fails`, async () => {
    const load = new SteadyLoad(pool!);
    const drained: GatewayProcess[] = [];
    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        for (let i = 0; i < INSTANCES; i++) {
          const old = gateways[i];
          old.child.kill('SIGTERM');
          expect(await old.exitCode()).toBe(0);
          drained.push(old);
          await startGateway(i);
          await haproxy!.waitFor(`gateway${i + 1}`, 'UP');
        }
      }
    } finally {
      await load.stop();
    }

    expect(load.failures).toEqual([]);
    expect(drained).toHaveLength(CYCLES * INSTANCES);
    // Every instance that was stopped had taken its share of the load first: the restarts
    // happened under traffic, not beside it.
    expect(drained.map(answered).filter((n) => n === 0)).toEqual([]);
    expect(load.succeeded).toBeGreaterThan(0);
    // HAProxy never had to try a request again elsewhere: no connection was refused or reset.
    const backend = (await haproxy!.stats()).find((row) => row.svname === 'BACKEND');
    expect({ retries: backend?.wretr, redispatches: backend?.wredis }).toEqual({ retries: '0', redispatches: '0' });
  }, 180_000);
});
