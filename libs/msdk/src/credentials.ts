/**
 * What one game needs to call MSDK. Built by the gateway's config from non-secret settings
 * plus keys read from the environment; the sandbox builds the same shape to verify calls.
 */
export interface V3Credentials {
  readonly qqAppId?: string;
  readonly wechatAppId?: string;
  /** 2: sign with the msdkkey (MSDK's recommendation); 1: sign with the platform appkey. */
  readonly encode: 1 | 2;
  readonly msdkKey: string;
  readonly qqAppKey?: string;
  readonly wechatAppKey?: string;
  /** Optional fixed query parameters MSDK documents. */
  readonly version?: string;
  readonly ishttps?: 0 | 1;
  readonly conn?: 0 | 1;
}

export interface V5Credentials {
  readonly gameId: string;
  readonly sigKey: string;
  /** Default `os` when the caller does not say (1 Android, 2 iOS, 3 web, 4 Linux, 5 Windows). */
  readonly os: number;
  readonly version: string;
}

export interface GameCredentials {
  readonly v3: V3Credentials;
  readonly v5?: V5Credentials;
}
