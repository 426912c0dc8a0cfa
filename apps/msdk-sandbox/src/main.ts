import { readFileSync } from 'node:fs';
import { createSandbox } from './create-sandbox.js';
import type { SandboxApp } from './sandbox-options.js';

/**
 * Standalone sandbox. SANDBOX_APPS_FILE (or SANDBOX_APPS_JSON) lists the apps and the keys it
 * verifies against: [{"qqAppId": "...", "wechatAppId": "...", "msdkKey": "...", "v5": {...}}].
 * SANDBOX_TLS_KEY_FILE and SANDBOX_TLS_CERT_FILE (PEM, both or neither) make it serve HTTPS.
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
  const keyFile = process.env.SANDBOX_TLS_KEY_FILE;
  const certFile = process.env.SANDBOX_TLS_CERT_FILE;
  if ((keyFile === undefined) !== (certFile === undefined)) {
    process.stderr.write('SANDBOX_TLS_KEY_FILE and SANDBOX_TLS_CERT_FILE go together: set both or neither\n');
    process.exit(78);
  }
  const https =
    keyFile && certFile ? { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') } : undefined;
  const app = await createSandbox({ apps, logger: true, https });
  const port = Number(process.env.PORT ?? 3100);
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  process.stdout.write(`msdk-sandbox listening on ${await app.getUrl()}\n`);
}

void main();
