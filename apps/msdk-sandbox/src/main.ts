import { readFileSync } from 'node:fs';
import { createSandbox } from './create-sandbox.js';
import type { SandboxApp } from './sandbox-options.js';

/**
 * Standalone sandbox. SANDBOX_APPS_FILE (or SANDBOX_APPS_JSON) lists the apps and the keys it
 * verifies against: [{"qqAppId": "...", "wechatAppId": "...", "msdkKey": "...", "v5": {...}}].
 */
async function main(): Promise<void> {
  const text =
    process.env.SANDBOX_APPS_JSON ??
    (process.env.SANDBOX_APPS_FILE ? readFileSync(process.env.SANDBOX_APPS_FILE, 'utf8') : undefined);
  if (!text) {
    process.stderr.write(
      'SANDBOX_APPS_FILE (or SANDBOX_APPS_JSON) is missing: the sandbox needs the apps and keys to verify\n',
    );
    process.exit(78);
  }
  const apps = JSON.parse(text) as SandboxApp[];
  const app = await createSandbox({ apps, logger: true });
  const port = Number(process.env.PORT ?? 3100);
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  process.stdout.write(`msdk-sandbox listening on ${await app.getUrl()}\n`);
}

void main();
