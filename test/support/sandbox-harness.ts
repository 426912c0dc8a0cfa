import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createSandbox } from '../../apps/msdk-sandbox/src/create-sandbox.js';
import type { Fault } from '../../apps/msdk-sandbox/src/control/fault.js';
import type { RecordedCall } from '../../apps/msdk-sandbox/src/control/sandbox-state.js';
import { get, post } from './http-client.js';
import { newKeys, TEST_GAME, type SandboxKeys } from './test-game.js';

/** A sandbox on a free port, driven over its HTTP control API as any test would. */
export class SandboxHarness {
  private constructor(
    private readonly app: NestFastifyApplication,
    readonly url: string,
    readonly keys: SandboxKeys,
  ) {}

  /** `formerMsdkKeys`: msdkkeys accepted besides `keys.msdkKey` (a rotation under way). */
  static async start(keys: SandboxKeys = newKeys(), formerMsdkKeys?: readonly string[]): Promise<SandboxHarness> {
    const app = await createSandbox({
      apps: [
        {
          qqAppId: TEST_GAME.qqAppId,
          wechatAppId: TEST_GAME.wechatAppId,
          msdkKey: keys.msdkKey,
          formerMsdkKeys,
          qqAppKey: keys.qqAppKey,
          wechatAppKey: keys.wechatAppKey,
          v5: { gameId: TEST_GAME.v5GameId, sigKey: keys.sigKey },
        },
      ],
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return new SandboxHarness(app, await app.getUrl(), keys);
  }

  get v5Url(): string {
    return `${this.url}/v5`;
  }

  async fault(...faults: Fault[]): Promise<void> {
    const res = await post(`${this.url}/__sandbox/faults`, faults);
    if (res.status !== 204) throw new Error(`fault rejected: ${res.text}`);
  }

  async calls(path?: string): Promise<RecordedCall[]> {
    const res = await get<RecordedCall[]>(
      `${this.url}/__sandbox/calls${path ? `?path=${encodeURIComponent(path)}` : ''}`,
    );
    return res.json;
  }

  async reset(): Promise<void> {
    await post(`${this.url}/__sandbox/reset`);
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
