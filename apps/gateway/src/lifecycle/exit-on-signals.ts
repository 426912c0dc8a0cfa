import { constants } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

export interface ExitOnSignalsOptions {
  /** How long the drain may take before the process stops waiting for it and exits 1. */
  readonly drainBoundMs: number;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * SIGTERM or SIGINT closes the app (new requests get a 503, in-flight ones finish, their
 * connections close: http/graceful-close.ts), then the process exits 0, which orchestrators and
 * scripts read as a clean stop. Nest's `enableShutdownHooks` closes the same way but then
 * re-raises the signal, so even a clean drain ended as "killed by SIGTERM" (exit 143).
 *
 * A drain that outlasts the bound exits 1; a second signal while draining exits at once with
 * 128 + its number, the shell's convention for "killed by it" (an operator's second Ctrl-C).
 */
export function exitOnSignals(app: INestApplication, logger: Logger, options: ExitOnSignalsOptions): void {
  let draining = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (draining) {
      logger.warn({ signal }, 'second signal while draining: exiting without waiting for in-flight requests');
      process.exit(128 + constants.signals[signal]);
    }
    draining = true;
    logger.info({ signal, drainBoundMs: options.drainBoundMs }, 'closing: draining in-flight requests');
    const bound = setTimeout(() => {
      logger.error({ drainBoundMs: options.drainBoundMs }, 'the drain outlasted its bound: exiting without it');
      process.exit(1);
    }, options.drainBoundMs);
    app.close().then(
      () => {
        clearTimeout(bound);
        logger.info('closed after draining in-flight requests');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'closing failed');
        process.exit(1);
      },
    );
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
}
