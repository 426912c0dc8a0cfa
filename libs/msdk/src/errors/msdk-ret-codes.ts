import {
  MsdkAnswerError,
  MsdkFrequencyLimitError,
  MsdkUserTokenError,
  type MsdkAnswerDetail,
  type MsdkErrorSource,
} from './msdk-errors.js';

/** MSDK wraps mobile-QQ errors as ret -10000 and WeChat errors as ret -20000, msg "<code>,<text>". */
export const RET_QQ_PLATFORM = -10000;
export const RET_WECHAT_PLATFORM = -20000;

/** Access-layer "internal error, retry once". */
const RETRY_ONCE_RETS = new Set([-307, -308, -309, -310, -312]);
/** Access-layer per-user frequency limit (about one request per second per user). */
const RET_FREQUENCY_LIMIT = -503;

const QQ_TOKEN_CODES = new Set([-73, 100014, 100015, 100016]);
const WECHAT_TOKEN_CODES = new Set([40001, 40014, 42001, 41001]);
const WECHAT_FREQUENCY_CODES = new Set([45009, 45011]);

const ERR_TYPE_RETRY_LATER = 1;
const ERR_TYPE_REAUTHORIZE = 2;
const ERR_TYPE_REFRESH_TOKEN = 3;

/** Reads `ret`, `msg`/`message` and `err_type` from an MSDK answer and types the failure. */
export function msdkAnswerErrorFrom(body: Record<string, unknown>): MsdkAnswerError {
  const detail = unwrap(body);
  if (RETRY_ONCE_RETS.has(detail.ret) || detail.errType === ERR_TYPE_RETRY_LATER) {
    return new MsdkAnswerError(detail, true);
  }
  if (isUserTokenFailure(detail)) return new MsdkUserTokenError(detail);
  if (isFrequencyLimit(detail)) return new MsdkFrequencyLimitError(detail);
  return new MsdkAnswerError(detail);
}

/** ret as a number: MSDK sends ints, a few interfaces strings. NaN when absent. */
export function readRet(body: Record<string, unknown>): number {
  const ret = body.ret;
  if (typeof ret === 'number') return ret;
  if (typeof ret === 'string' && ret.trim() !== '') return Number(ret);
  return Number.NaN;
}

function unwrap(body: Record<string, unknown>): MsdkAnswerDetail {
  const ret = readRet(body);
  const rawMsg = body.msg ?? body.message ?? '';
  const msg = typeof rawMsg === 'string' ? rawMsg : JSON.stringify(rawMsg);
  const errType = typeof body.err_type === 'number' ? body.err_type : Number(body.err_type) || undefined;
  const source: MsdkErrorSource = ret === RET_QQ_PLATFORM ? 'qq' : ret === RET_WECHAT_PLATFORM ? 'wechat' : 'msdk';
  const platformCode = source === 'msdk' ? undefined : leadingCode(msg);
  return { ret, msg, source, platformCode, errType };
}

function leadingCode(msg: string): number | undefined {
  const match = /^\s*(-?\d+)\s*[,，]/.exec(msg);
  return match ? Number(match[1]) : undefined;
}

function isUserTokenFailure(d: MsdkAnswerDetail): boolean {
  if (d.errType === ERR_TYPE_REAUTHORIZE || d.errType === ERR_TYPE_REFRESH_TOKEN) return true;
  if (d.platformCode === undefined) return false;
  return d.source === 'qq' ? QQ_TOKEN_CODES.has(d.platformCode) : WECHAT_TOKEN_CODES.has(d.platformCode);
}

function isFrequencyLimit(d: MsdkAnswerDetail): boolean {
  if (d.ret === RET_FREQUENCY_LIMIT) return true;
  return d.source === 'wechat' && d.platformCode !== undefined && WECHAT_FREQUENCY_CODES.has(d.platformCode);
}
