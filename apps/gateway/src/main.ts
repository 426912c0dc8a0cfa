import { ConfigValidationError } from './config/config-error.js';
import { createGateway } from './bootstrap.js';
import { reloadOnChange } from './config/reload-on-change.js';
import { drainBoundMs } from './lifecycle/drain-bound.js';
import { DrainState } from './lifecycle/drain-state.js';
import { exitOnSignals } from './lifecycle/exit-on-signals.js';

/**
 * Entry point: exits non-zero, naming what is wrong, when the configuration is invalid; on
 * SIGTERM or SIGINT turns not ready, serves on for the drain delay, then drains in-flight
 * requests and exits 0; on SIGHUP (or a changed key file) reloads keys and client key digests.
 */
async function main(): Promise<void> {
  try {
    const { app, config, logger, reloader } = await createGateway({ env: process.env });
    const drain = app.get(DrainState);
    exitOnSignals(app, logger, {
      drainDelayMs: config.server.shutdownDrainDelayMs,
      drainBoundMs: drainBoundMs(config.resilience.deadlineMs),
      onDrainStart: () => drain.begin(),
    });
    // Keys and client key digests given as files are re-read when they change, and on SIGHUP.
    reloadOnChange((trigger) => reloader.reload(trigger), process.env, logger);
    await app.listen({ port: config.server.port, host: config.server.host });
    logger.info({ url: await app.getUrl() }, 'msdk-gateway listening');
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

void main();
