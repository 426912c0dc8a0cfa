import { randomBytes } from 'node:crypto';

/** The test game's identities, the same ones on both sides; keys are made up per run. */
export const TEST_GAME = {
  id: 'demo',
  qqAppId: '100703379',
  wechatAppId: 'wxcde873f99466f74a',
  v5GameId: '11',
};

export interface SandboxKeys {
  readonly msdkKey: string;
  readonly qqAppKey: string;
  readonly wechatAppKey: string;
  readonly sigKey: string;
}

export function newKeys(): SandboxKeys {
  const k = () => randomBytes(16).toString('hex');
  return { msdkKey: k(), qqAppKey: k(), wechatAppKey: k(), sigKey: k() };
}
