import type { HttpResult } from './http-client.js';

/**
 * The fields any MSDK answer may carry, V3 or V5. The gateway hands MSDK's answer back as it
 * came, so a test that reads an interface's own fields names them in a type extending this one.
 */
export interface MsdkAnswer {
  readonly ret: number;
  readonly msg?: string;
  /** V3: the caller's msdkExtInfo, or the request id the gateway sent in its place. */
  readonly msdkExtInfo?: string;
  /** V5: the seq the gateway sent (the request id). */
  readonly seq?: string;
  /** A degraded answer: "0" or "1" on V3, 0 or 1 on V5. */
  readonly is_lost?: string | number;
}

/** What MSDK said, when the failure is an MSDK answer. */
export interface MsdkErrorDetail {
  readonly ret: number;
  readonly msg: string;
  readonly source: 'msdk' | 'qq' | 'wechat';
  readonly platformCode?: number;
  readonly errType?: number;
}

export interface FieldProblem {
  readonly field: string;
  readonly problems: string[];
}

/** The one error envelope every failure leaves the gateway in. */
export interface ErrorEnvelope {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly requestId: string;
    readonly fields?: FieldProblem[];
    readonly msdk?: MsdkErrorDetail;
  };
}

export type ErrorBody = ErrorEnvelope['error'];

/** Whether a parsed body has the envelope's shape: an `error` with a string code, message and request id. */
export function isErrorEnvelope(json: unknown): json is ErrorEnvelope {
  if (typeof json !== 'object' || json === null || !('error' in json)) return false;
  const { error } = json;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string' &&
    'requestId' in error &&
    typeof error.requestId === 'string'
  );
}

/** The error of a refused or failed call; a test that gets anything but the envelope fails here, saying what it got. */
export function errorOf(res: HttpResult): ErrorBody {
  if (!isErrorEnvelope(res.json)) throw new Error(`expected the error envelope, got ${res.status} ${res.text}`);
  return res.json.error;
}

/** The names of the fields a 400 says are invalid. */
export const invalidFields = (res: HttpResult): string[] => (errorOf(res).fields ?? []).map((f) => f.field);
