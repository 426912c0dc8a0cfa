/** A valid call of one catalog row through the gateway, for table-driven e2e tests. */
export interface SampleCall {
  /** Catalog entry id, e.g. `relation.qqprofile`. */
  readonly id: string;
  /** Gateway route, e.g. `/v1/relation/qqprofile`. */
  readonly route: string;
  /** A valid caller body (unified openid/accessToken plus the interface's own fields). */
  readonly body: Record<string, unknown>;
  /** The appid the upstream call must carry (QQ appid, WeChat appid, G_…, A_…); for V5 rows the gameid (query `gameid`). */
  readonly appid: string;
}

/** An over-limit or malformed body and the field the 400 must name. */
export interface InvalidCall {
  readonly name: string;
  readonly route: string;
  readonly body: Record<string, unknown>;
  readonly field: string;
}
