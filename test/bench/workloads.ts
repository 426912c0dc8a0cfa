import { CATALOG, type CatalogEntry } from '#msdk';
import { RELATION_ANSWERS } from '../../apps/msdk-sandbox/src/answers/relation.answers.js';
import { QQ_USER } from '../e2e/samples/relation.samples.js';
import { TEST_GAME } from '../support/test-game.js';
import type { StubAnswers } from './upstream-stub.js';

/** One kind of request the benchmark sends: the gateway route, MSDK's path, a ~400 B body. */
export interface Workload {
  readonly name: string;
  readonly entry: CatalogEntry;
  /** The gateway's route (the raw proxy serves the same one). */
  readonly route: string;
  /** MSDK's path, for hitting the stub directly. */
  readonly upstreamPath: string;
  readonly body: string;
}

/** What a game server sends: a user and a long login token, ~400 bytes of JSON in all. */
const TARGET_BODY_BYTES = 400;

function callerBody(fields: Record<string, unknown>): string {
  const base = { openid: QQ_USER.openid, accessToken: '', ...fields };
  const padding = TARGET_BODY_BYTES - Buffer.byteLength(JSON.stringify(base));
  const token = QQ_USER.accessToken
    .repeat(Math.ceil(padding / QQ_USER.accessToken.length))
    .slice(0, Math.max(padding, 32));
  return JSON.stringify({ ...base, accessToken: token });
}

const workload = (name: string, entry: CatalogEntry, fields: Record<string, unknown>): Workload => ({
  name,
  entry,
  route: `/v1${entry.path}`,
  upstreamPath: entry.path,
  body: callerBody(fields),
});

export const WORKLOADS: readonly Workload[] = [
  workload('qqprofile', CATALOG.relation.qqprofile, {}),
  workload('qqfriends_detail', CATALOG.relation.qqfriendsDetail, { flag: 1, closefriends_flag: 1 }),
];

/** The stub's answers, made by the sandbox's own answer functions: a profile and 60 friends. */
export function stubAnswers(): StubAnswers {
  const answer = (entry: CatalogEntry, fields: Record<string, unknown>) =>
    JSON.stringify(
      RELATION_ANSWERS[entry.path]({ entry, platform: 'qq', appid: TEST_GAME.qqAppId, openid: QQ_USER.openid, fields }),
    );
  const profile = answer(CATALOG.relation.qqprofile, {});
  return {
    default: profile,
    qqprofile: profile,
    qqfriends_detail: answer(CATALOG.relation.qqfriendsDetail, { flag: 1, closefriends_flag: 1 }),
  };
}
