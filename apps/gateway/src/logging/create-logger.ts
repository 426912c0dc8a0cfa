import pino, { type DestinationStream, type Logger } from 'pino';
import { BatchedLineWriter } from './batched-line-writer.js';

/** Field names whose values are credentials wherever they appear in a log object. */
export const SECRET_FIELDS = [
  'accessToken',
  'access_token',
  'openkey',
  'token',
  'sig',
  'sigkey',
  'msdkkey',
  'appkey',
  'authorization',
  'password',
];

const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  ...SECRET_FIELDS.map((f) => `*.*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export interface LoggerOptions {
  readonly level: string;
  readonly pretty: boolean;
  /** Configured secret values scrubbed from every line, whatever field they hide in. */
  readonly secretValues: readonly string[];
  /** Tests capture lines here; stdout otherwise. */
  readonly destination?: DestinationStream;
}

/** JSON lines (pretty in dev), with credentials redacted by field name and by value. */
export function createRootLogger(options: LoggerOptions): Logger {
  const secrets = options.secretValues.filter((s) => s.length >= 6);
  const destination =
    options.destination ??
    (options.pretty
      ? pino.transport({
          target: 'pino-pretty',
          options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
        })
      : logDestination(1));
  return pino(
    {
      level: options.level,
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      ...(secrets.length ? { hooks: { streamWrite: (line: string) => scrub(line, secrets) } } : {}),
    },
    destination,
  );
}

/**
 * Where JSON lines go (stdout unless told): in batches of at least 4 KB, and at least every 250 ms,
 * instead of one write per line. One write per access line measured ~3.6 µs of a ~90 µs cache hit;
 * a line now waits at most 250 ms, what is pending is written when the process exits, and a log
 * reader that stops reading never stalls requests (see BatchedLineWriter).
 */
export function logDestination(dest: number | string): BatchedLineWriter {
  return new BatchedLineWriter(dest, { minLength: 4096, flushEveryMs: 250 });
}

function scrub(line: string, secrets: readonly string[]): string {
  let out = line;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]');
  return out;
}
