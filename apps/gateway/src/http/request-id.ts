import { randomFillSync } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A caller's X-Request-Id is kept when it is a sane token; otherwise we mint one. */
const WELL_FORMED = /^[A-Za-z0-9._-]{8,64}$/;

/** Random bytes drawn 4 KB at a time: one native call per 256 ids, and one hex slice per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;

export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && WELL_FORMED.test(given)) return given;
  return mintRequestId();
}

/** 128 random bits as 32 hex digits (randomUUID without its dashes cost ~4x as much). */
export function mintRequestId(): string {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const id = pool.toString('hex', used, used + 16);
  used += 16;
  return id;
}
