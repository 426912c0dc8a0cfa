import type { Platform } from '#msdk';
import type { SandboxApp } from '../sandbox-options.js';

export interface KnownAppId {
  readonly app: SandboxApp;
  readonly platform: Platform;
}

/** appid (including G_/A_ forms) -> the app and the platform that appid stands for. */
export class AppRegistry {
  private readonly byAppId = new Map<string, KnownAppId>();
  private readonly byGameId = new Map<string, SandboxApp>();

  constructor(apps: readonly SandboxApp[]) {
    for (const app of apps) {
      if (app.qqAppId) {
        this.byAppId.set(app.qqAppId, { app, platform: 'qq' });
        this.byAppId.set(`G_${app.qqAppId}`, { app, platform: 'guest' });
        this.byAppId.set(`A_${app.qqAppId}`, { app, platform: 'apple' });
      }
      if (app.wechatAppId) this.byAppId.set(app.wechatAppId, { app, platform: 'wechat' });
      if (app.v5) this.byGameId.set(app.v5.gameId, app);
    }
  }

  byAppid(appid: string): KnownAppId | undefined {
    return this.byAppId.get(appid);
  }

  byV5GameId(gameId: string): SandboxApp | undefined {
    return this.byGameId.get(gameId);
  }
}
