import { constants } from 'node:os';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';

export interface ExitOnSignalsOptions {
  /**
   * How long the process keeps serving after the first signal, not ready, before it stops
   * listening (SHUTDOWN_DRAIN_DELAY_MS): long enough for every balancer to see readiness fail.
   */
  readonly drainDelayMs: number;
  /** How long the drain of in-flight requests may take before the process stops waiting and exits 1. */
  readonly drainBoundMs: number;
  /** Called at the first signal: readiness turns 503 and answers close their connections. */
  readonly onDrainStart: () => void;
  readonly signals?: readonly NodeJS.Signals[];
}

/**
 * SIGTERM or SIGINT stops the process in two steps, then it exits 0, which orchestrators and
 * scripts read as a clean stop:
 *
 * 1. The drain delay: readiness answers 503 at once, but the process keeps serving, new
 *    connections and requests on open ones alike, with `Connection: close` on every answer. A
 *    balancer (HAProxy's health check, a Kubernetes Endpoints update) needs a few check intervals
 *    to take the instance out; a process that stopped listening at once reset connections the
 *    balancer was still sending requests on.
 * 2. The close: the server stops listening, idle connections close, in-flight requests finish
 *    (new ones on open connections get a 503: http/graceful-close.ts), then the process exits 0.
 *
 * Each further signal moves one step on: during the delay it ends the delay (an operator's second
 * Ctrl-C, or a platform that already took the instance out, need not wait for it), during the
 * close it exits at once with 128 + its number, the shell's convention for "killed by it". A close
 * that outlasts its bound exits 1. Nest's `enableShutdownHooks` is not used: it re-raises the
 * signal, so even a clean drain ended as "killed by SIGTERM" (exit 143).
 */
export function exitOnSignals(app: INestApplication, logger: Logger, options: ExitOnSignalsOptions): void {
  let step: 'serving' | 'delay' | 'closing' = 'serving';
  let delay: NodeJS.Timeout | undefined;

  const close = (): void => {
    step = 'closing';
    clearTimeout(delay);
    logger.info({ drainBoundMs: options.drainBoundMs }, 'closing: stopped listening, draining in-flight requests');
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

  const onSignal = (signal: NodeJS.Signals): void => {
    if (step === 'closing') {
      logger.warn({ signal }, 'another signal while draining: exiting without waiting for in-flight requests');
      process.exit(128 + constants.signals[signal]);
    }
    if (step === 'delay') {
      logger.warn({ signal }, 'another signal during the drain delay: closing now');
      close();
      return;
    }
    step = 'delay';
    options.onDrainStart();
    logger.info(
      { signal, drainDelayMs: options.drainDelayMs },
      'draining: not ready, still serving for the drain delay',
    );
    delay = setTimeout(close, options.drainDelayMs);
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
}
