/** A game the sandbox accepts, with the keys it verifies signatures against. */
export interface SandboxApp {
  readonly qqAppId?: string;
  readonly wechatAppId?: string;
  readonly msdkKey: string;
  /**
   * msdkkeys still accepted besides `msdkKey`, as while a game's servers move to a new key: the
   * gateway's key-rotation suite switches keys under load against both.
   */
  readonly formerMsdkKeys?: readonly string[];
  readonly qqAppKey?: string;
  readonly wechatAppKey?: string;
  readonly v5?: { readonly gameId: string; readonly sigKey: string };
}

export interface SandboxOptions {
  readonly apps: readonly SandboxApp[];
  /** Where the V5 (ITOP) interfaces live, so one sandbox serves both protocols. */
  readonly v5BasePath: string;
  /** Accepted clock skew for V3 timestamps, seconds. */
  readonly maxClockSkewSeconds: number;
}

export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');
