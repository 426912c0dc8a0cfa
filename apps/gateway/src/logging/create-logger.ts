import { setTimeout as sleep } from 'node:timers/promises';
import pino, { type DestinationStream, type Logger, type LoggerOptions as PinoOptions } from 'pino';
import { Counter } from 'prom-client';
import { auditDestination, logDestination, type LogDestination } from './log-destinations.js';
import { REDACT, SecretValueScrub } from './log-redaction.js';

// The benchmark writes the gateway's lines through the production destination, to /dev/null.
export { logDestination };

export interface LoggerOptions {
  readonly level: string;
  readonly pretty: boolean;
  /** Configured secret values scrubbed from every line, whatever field they hide in. */
  readonly secretValues: readonly string[];
  /** Where every line goes, audit lines included (tests capture them); stdout and stderr otherwise. */
  readonly destination?: DestinationStream;
}

/** The gateway's two loggers, and what they need at shutdown and in metrics. */
export interface GatewayLogs {
  /** Every line but audit ones (startup, Nest's own, access lines, warnings, errors): stdout. */
  readonly logger: Logger;
  /** Audit lines (`audit: true`), at info whatever LOG_LEVEL says: stderr, a destination of their own. */
  readonly audit: Logger;
  /** Lines dropped by a destination whose reader fell behind; kind `log` or `audit`. Not yet in any registry. */
  readonly droppedLines: Counter<'kind'>;
  /** Scrubs these values too from now on (keys a config reload brought); earlier ones stay scrubbed. */
  addSecretValues(values: readonly string[]): void;
  /** Resolves once both destinations have written what they hold, or after `timeoutMs`. */
  flush(timeoutMs?: number): Promise<void>;
}

/** A stalled log reader must not hold the shutdown for longer than this. */
const FLUSH_TIMEOUT_MS = 2000;

/** JSON lines (pretty in dev), with credentials redacted by field name and by value. */
export function createGatewayLogs(options: LoggerOptions): GatewayLogs {
  const secrets = new SecretValueScrub(options.secretValues);
  const common: PinoOptions = { base: undefined, redact: REDACT, hooks: { streamWrite: secrets.scrub } };
  const droppedLines = new Counter({
    name: 'msdk_gateway_log_lines_dropped_total',
    help: 'Log lines dropped because the log reader fell behind: log (stdout) or audit (stderr)',
    labelNames: ['kind'] as const,
    registers: [],
  });
  // Both series exist from the start, so an alert on their rate sees a zero, not nothing.
  for (const kind of ['log', 'audit']) droppedLines.inc({ kind }, 0);
  let logger: Logger;
  let audit: Logger;
  if (options.destination) {
    logger = pino({ ...common, level: options.level }, options.destination);
    audit = pino({ ...common, level: 'info' }, options.destination);
  } else if (options.pretty) {
    // Development only: pino-pretty runs in a worker thread of its own.
    const transport = {
      target: 'pino-pretty',
      options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
    };
    logger = pino({ ...common, level: options.level, transport });
    audit = pino({ ...common, level: 'info', transport });
  } else {
    logger = pino({ ...common, level: options.level }, countDrops(logDestination(1), droppedLines, 'log'));
    audit = pino({ ...common, level: 'info' }, countDrops(auditDestination(2), droppedLines, 'audit'));
  }
  audit = audit.child({ audit: true });
  return {
    logger,
    audit,
    droppedLines,
    addSecretValues: (values) => secrets.add(values),
    async flush(timeoutMs = FLUSH_TIMEOUT_MS) {
      const both = Promise.all([logger, audit].map(flushed));
      await Promise.race([both, sleep(timeoutMs, undefined, { ref: false })]);
    },
  };
}

function countDrops(destination: LogDestination, counter: Counter<'kind'>, kind: string): LogDestination {
  destination.on('drop', () => counter.inc({ kind }));
  return destination;
}

/**
 * pino's flush, waited for, twice: a flush asked while a write is under way answers when that
 * write ends (sonic-boom), even if lines came in meanwhile; the second one writes those.
 */
async function flushed(logger: Logger): Promise<void> {
  for (let round = 0; round < 2; round++) await new Promise<void>((resolve) => logger.flush(() => resolve()));
}
