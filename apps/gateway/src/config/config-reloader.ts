import type { Logger } from 'pino';
import type { Counter } from 'prom-client';
import { CallerDirectory } from '../caller-auth/caller-directory.js';
import { ConfigValidationError } from './config-error.js';
import type { Env } from './env-source.js';
import type { GatewayConfig } from './gateway-config.js';
import { withReloadedKeys } from './reloadable-settings.js';
import { secretValuesOf } from './secret-values-of.js';

export type ReloadOutcome = 'applied' | 'rejected';

export interface ConfigReloaderOptions {
  /** The environment startup read: the same variables, so the same files, are read again. */
  readonly env: Env;
  /** The config the app started with. */
  readonly running: GatewayConfig;
  /** Startup's loader and validation (loadGatewayConfig). */
  readonly load: (env: Env) => GatewayConfig;
  /** Where the new directory goes in force (ClientRegistry.replace). */
  readonly install: (directory: CallerDirectory) => void;
  /** New keys must be scrubbed from log lines before anything can log them. */
  readonly addSecretValues: (values: readonly string[]) => void;
  readonly reloads: Pick<Counter<'outcome'>, 'inc'>;
  readonly logger: Logger;
}

/**
 * Re-reads the configuration the way startup does and puts the reloadable part of it (keys and
 * client key digests: reloadable-settings.ts) in force as one new caller directory. A config
 * that does not validate leaves the running one in force; the log line names the settings at
 * fault, never a value. Synchronous from reading to swapping: no request runs in between.
 */
export class ConfigReloader {
  private running: GatewayConfig;

  constructor(private readonly options: ConfigReloaderOptions) {
    this.running = options.running;
  }

  /** `trigger` says why, for the log line: `SIGHUP` or the file that changed. */
  reload(trigger: string): ReloadOutcome {
    const { logger } = this.options;
    let next: GatewayConfig;
    try {
      next = this.options.load(this.options.env);
    } catch (error) {
      // The loader's problems name settings and files, never values; anything else is named only by its kind.
      const problems = error instanceof ConfigValidationError ? error.problems : [errorKind(error)];
      return this.reject(trigger, problems);
    }
    const reloaded = withReloadedKeys(this.running, next);
    if (reloaded.problems.length > 0) return this.reject(trigger, reloaded.problems);

    this.options.addSecretValues(secretValuesOf(reloaded.config));
    this.options.install(new CallerDirectory(reloaded.config.clients, reloaded.config.games));
    this.running = reloaded.config;
    this.options.reloads.inc({ outcome: 'applied' });
    logger.info({ trigger }, 'configuration reloaded: keys and client key digests in force for new requests');
    if (reloaded.waitingForRestart.length > 0) {
      logger.warn(
        { trigger, waitingForRestart: reloaded.waitingForRestart },
        'configuration reloaded, but these sections changed and take effect only at a restart',
      );
    }
    return 'applied';
  }

  private reject(trigger: string, problems: readonly string[]): ReloadOutcome {
    this.options.reloads.inc({ outcome: 'rejected' });
    this.options.logger.error({ trigger, problems }, 'configuration reload rejected: the running configuration stays');
    return 'rejected';
  }
}

function errorKind(error: unknown): string {
  return `unexpected ${error instanceof Error ? error.name : typeof error} while reading the configuration`;
}
