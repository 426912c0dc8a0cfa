import { ConfigValidationError } from './config/config-error.js';
import { createGateway } from './bootstrap.js';
import { reloadOnChange } from './config/reload-on-change.js';
import { exitOnSignals } from './lifecycle/exit-on-signals.js';

/** Slack over MSDK's deadline for a request's last steps (answering, its log lines). */
const DRAIN_MARGIN_MS = 3_000;

/**
 * Entry point: exits non-zero, naming what is wrong, when the configuration is invalid; on
 * SIGTERM or SIGINT drains in-flight requests and exits 0; on SIGHUP (or a changed key file)
 * reloads keys and client key digests.
 */
async function main(): Promise<void> {
  try {
    const { app, config, logger, reloader } = await createGateway({ env: process.env });
    // A request in flight may wait on MSDK for the whole deadline: the drain is bounded just past it.
    exitOnSignals(app, logger, { drainBoundMs: config.resilience.deadlineMs + DRAIN_MARGIN_MS });
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
