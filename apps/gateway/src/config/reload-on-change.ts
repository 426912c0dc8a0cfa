import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Env } from './env-source.js';

export interface ReloadOnChangeOptions {
  /** One reload for a burst of file events (an editor's save, a Secret update's several renames). */
  readonly debounceMs?: number;
}

export interface ReloadTriggers {
  /** The files whose directories are watched (the `*_FILE` settings). */
  readonly watchedFiles: readonly string[];
  close(): void;
}

const DEFAULT_DEBOUNCE_MS = 300;

/**
 * Calls `reload` when a file named by a `*_FILE` setting (GATEWAY_CONFIG_FILE, keys, client key
 * digests) changes, and on SIGHUP. Watches each file's directory, not the file: a Kubernetes
 * Secret or ConfigMap volume updates by swapping its `..data` symlink, which a watch on the old
 * file would never see; editors also often replace a file instead of writing into it. No
 * polling: the watchers are the OS's (inotify), and neither they nor the debounce timer keep the
 * process alive.
 *
 * Installing the SIGHUP listener replaces Node's default for that signal (exit), so SIGHUP never
 * ends the process, whatever the reload finds. SIGTERM and SIGINT are not touched here
 * (lifecycle/exit-on-signals.ts).
 */
export function reloadOnChange(
  reload: (trigger: string) => unknown,
  env: Env,
  logger: Logger,
  options: ReloadOnChangeOptions = {},
): ReloadTriggers {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const run = (trigger: string): void => {
    try {
      reload(trigger);
    } catch (error) {
      // A reload reports its own failures; this only keeps a bug in it from ending the process.
      logger.error(
        { trigger, errorKind: error instanceof Error ? error.name : typeof error },
        'configuration reload failed',
      );
    }
  };

  let timer: NodeJS.Timeout | undefined;
  let changed = new Set<string>();
  const schedule = (file: string): void => {
    changed.add(file);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed].join(', ');
      changed = new Set();
      run(`changed: ${files}`);
    }, debounceMs);
    timer.unref();
  };

  const watchedFiles = fileSettings(env);
  const watchers = [...groupByDirectory(watchedFiles)].flatMap(([directory, names]) =>
    watchDirectory(directory, names, schedule, logger),
  );

  const onHangup = (): void => run('SIGHUP');
  process.on('SIGHUP', onHangup);
  logger.info({ watchedFiles }, 'configuration reloads on SIGHUP and when these files change');

  return {
    watchedFiles,
    close() {
      process.off('SIGHUP', onHangup);
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

/**
 * The gateway's own `*_FILE` settings: the config file, games' keys, clients' key digests. Not
 * any `_FILE` in the environment (SSL_CERT_FILE and the like are other programs' business).
 */
const RELOADED_FILE_SETTING = /^(GATEWAY_CONFIG_FILE|GATEWAY_CLIENT_\w+_KEY_SHA256_FILE|MSDK_GAME_\w+_FILE)$/;

/** The files the gateway's `*_FILE` settings name, absolute. */
function fileSettings(env: Env): string[] {
  return Object.entries(env)
    .filter(([name, value]) => RELOADED_FILE_SETTING.test(name) && !!value)
    .map(([, value]) => resolve(value as string));
}

function groupByDirectory(files: readonly string[]): Map<string, Set<string>> {
  const byDirectory = new Map<string, Set<string>>();
  for (const file of files) {
    const names = byDirectory.get(dirname(file)) ?? new Set<string>();
    names.add(basename(file));
    byDirectory.set(dirname(file), names);
  }
  return byDirectory;
}

function watchDirectory(
  directory: string,
  names: ReadonlySet<string>,
  schedule: (file: string) => void,
  logger: Logger,
): FSWatcher[] {
  try {
    // persistent: false: a watcher alone does not keep the process running.
    const watcher = watch(directory, { persistent: false }, (_event, filename) => {
      // Our files, and the Kubernetes atomic writer's `..data`, `..data_tmp` and `..<timestamp>`
      // entries; an event without a name (some platforms) may be any of them.
      if (filename === null || names.has(filename) || filename.startsWith('..')) {
        schedule(filename !== null && names.has(filename) ? `${directory}/${filename}` : directory);
      }
    });
    watcher.on('error', (error) =>
      logger.warn(
        { directory, errorKind: error.name },
        'stopped watching a configuration directory; SIGHUP still reloads',
      ),
    );
    return [watcher];
  } catch (error) {
    logger.warn(
      { directory, errorKind: error instanceof Error ? error.name : typeof error },
      'cannot watch a configuration directory; SIGHUP still reloads',
    );
    return [];
  }
}
