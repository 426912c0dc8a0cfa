import { createHash, randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { createGateway } from '../../apps/gateway/src/bootstrap.js';
import type { Scope } from '../../apps/gateway/src/config/gateway-config.js';
import type { SandboxHarness } from './sandbox-harness.js';
import { TEST_GAME } from './test-game.js';
import type { MsdkAnswer } from './gateway-answer.js';
import { post, type HttpResult } from './http-client.js';

export interface TestClient {
  readonly name: string;
  readonly key: string;
  readonly games: string[];
  readonly scopes: Scope[];
  /** Extra accepted key (rotation). */
  readonly nextKey?: string;
}

/** What the gateway is pointed at: the sandbox, or any MSDK stand-in with the sandbox's keys (the benchmark's stub). */
export type UpstreamUnderTest = Pick<SandboxHarness, 'url' | 'v5Url' | 'keys'>;

export interface GatewayHarnessOptions {
  readonly sandbox: UpstreamUnderTest;
  readonly resilience?: Record<string, number>;
  readonly clients?: TestClient[];
  /** Extra games (id + appids) beyond the test game, with their own keys. */
  readonly extraGames?: Array<{ id: string; qqAppId: string; wechatAppId: string; msdkKey: string }>;
  readonly env?: Record<string, string>;
  readonly configPatch?: Record<string, unknown>;
  /** Override the test game's msdkkey (e.g. a wrong one). */
  readonly msdkKey?: string;
  readonly encode?: 1 | 2;
  /** Where log lines go instead of `logs` (the benchmark writes them to /dev/null, still paying for them). */
  readonly logDestination?: DestinationStream;
}

const ALL: Scope[] = ['auth', 'relation', 'group', 'profile', 'share', 'freeflow', 'friend', 'admin'];

export const newClientKey = () => `tk_${randomBytes(18).toString('base64url')}`;
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** A real gateway (Fastify, undici, real HTTP) on a free port in front of the sandbox. */
export class GatewayHarness {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly url: string,
    readonly clients: TestClient[],
    readonly logs: string[],
  ) {}

  static async start(options: GatewayHarnessOptions): Promise<GatewayHarness> {
    const clients = options.clients ?? [
      { name: 'test-client', key: newClientKey(), games: [TEST_GAME.id], scopes: ALL },
    ];
    const { sandbox } = options;
    const config = {
      server: { port: 0, host: '127.0.0.1', logLevel: 'info' },
      upstream: { transport: 'undici', connections: 16 },
      resilience: { backoffInitialMs: 10, backoffMaxMs: 50, ...options.resilience },
      games: [
        {
          id: TEST_GAME.id,
          qqAppId: TEST_GAME.qqAppId,
          wechatAppId: TEST_GAME.wechatAppId,
          encode: options.encode ?? 2,
          v5: { gameId: TEST_GAME.v5GameId, os: 1, version: '' },
        },
        ...(options.extraGames ?? []).map((g) => ({
          id: g.id,
          qqAppId: g.qqAppId,
          wechatAppId: g.wechatAppId,
          encode: 2,
        })),
      ],
      clients: clients.map((c) => ({
        name: c.name,
        keySha256: [sha256(c.key), ...(c.nextKey ? [sha256(c.nextKey)] : [])],
        games: c.games,
        scopes: c.scopes,
      })),
      ...options.configPatch,
    };
    const env: Record<string, string> = {
      GATEWAY_CONFIG_JSON: JSON.stringify(config),
      MSDK_V3_BASE_URL: sandbox.url,
      MSDK_V5_BASE_URL: sandbox.v5Url,
      MSDK_GAME_DEMO_MSDKKEY: options.msdkKey ?? sandbox.keys.msdkKey,
      MSDK_GAME_DEMO_QQ_APPKEY: sandbox.keys.qqAppKey,
      MSDK_GAME_DEMO_WECHAT_APPKEY: sandbox.keys.wechatAppKey,
      MSDK_GAME_DEMO_V5_SIGKEY: sandbox.keys.sigKey,
      ...Object.fromEntries(
        (options.extraGames ?? []).map((g) => [`MSDK_GAME_${g.id.toUpperCase()}_MSDKKEY`, g.msdkKey]),
      ),
      ...options.env,
    };
    const logs: string[] = [];
    const destination =
      options.logDestination ??
      new Writable({
        write(chunk, _enc, done) {
          logs.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      });
    const { app } = await createGateway({ env, logDestination: destination });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new GatewayHarness(app, await app.getUrl(), clients, logs);
  }

  get defaultClient(): TestClient {
    return this.clients[0];
  }

  /** POST an operation as a client (the first one unless named); `T` names the MSDK answer's own fields. */
  call<T extends MsdkAnswer = MsdkAnswer>(
    route: string,
    body: unknown,
    options: { client?: TestClient; headers?: Record<string, string> } = {},
  ): Promise<HttpResult<T>> {
    const client = options.client ?? this.defaultClient;
    return post<T>(`${this.url}${route}`, body, { authorization: `Bearer ${client.key}`, ...options.headers });
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
