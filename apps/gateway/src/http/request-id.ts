import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's X-Request-Id is kept when it is a sane token; otherwise we mint one. */
const WELL_FORMED = /^[A-Za-z0-9._-]{8,64}$/;

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && WELL_FORMED.test(given)) return given;
  return mintRequestId();
}

/**
 * 80 random bits drawn once per process, then a counter: ids are unique across instances and
 * restarts (the prefix) and within one (2^48 ids before the counter wraps), 32 hex digits. They
 * only name a request in logs and answers; nothing relies on them being unguessable, so no
 * request pays for fresh random bytes.
 */
const PREFIX = randomBytes(10).toString('hex');
const COUNTER_SPAN = 2 ** 48;
let counter = 0;

export function mintRequestId(): string {
  counter = (counter + 1) % COUNTER_SPAN;
  return `${PREFIX}${counter.toString(16).padStart(12, '0')}`;
}
