import type { CatalogEntry, Platform } from '#msdk';

/** What an answer function sees: the verified call. Answers are deterministic per openid. */
export interface AnswerContext {
  readonly entry: CatalogEntry;
  readonly platform: Platform;
  /** The appid (V3) or gameid (V5) the call was made as. */
  readonly appid: string;
  readonly openid: string;
  /** Body fields (POST) or query fields (GET). */
  readonly fields: Readonly<Record<string, unknown>>;
}

export type Answer = Record<string, unknown>;
export type AnswerFn = (ctx: AnswerContext) => Answer;
