import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * One admin command to one Redis process (a cluster node, a sentinel) on a connection of its own,
 * never retried: undefined when the process does not answer, so a test can poll a group of them
 * while some are being killed. With `tlsCa`, over TLS, trusting that CA.
 */
export async function askRedis<T>(
  port: number,
  use: (admin: Redis) => Promise<T>,
  tlsCa?: Buffer,
): Promise<T | undefined> {
  const admin = new Redis({
    port,
    host: '127.0.0.1',
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    ...(tlsCa ? { tls: { ca: tlsCa } } : {}),
  });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
    return await use(admin);
  } catch {
    return undefined;
  } finally {
    admin.disconnect();
  }
}

/** Polls `condition` every 100 ms until it holds; past `timeoutMs` fails, naming `what`. */
export async function waitUntil(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not so within ${timeoutMs} ms`);
    await sleep(100);
  }
}
