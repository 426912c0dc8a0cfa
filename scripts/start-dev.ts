import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createGateway } from '../apps/gateway/src/bootstrap.js';
import { createSandbox } from '../apps/msdk-sandbox/src/create-sandbox.js';

/** What this script reads from config/gateway.dev.json and fills in; the rest goes to the gateway as it is. */
interface DevConfig {
  games: Array<{ id: string; qqAppId: string; wechatAppId: string; v5: { gameId: string } }>;
  clients: unknown[];
}

/**
 * `npm start`: the sandbox and the gateway in one process, with keys made up for this run
 * only (nothing secret lives in the repo), then one working curl to try.
 */
async function main(): Promise<void> {
  const devConfig = JSON.parse(readFileSync('config/gateway.dev.json', 'utf8')) as DevConfig;
  const game = devConfig.games[0];
  const msdkKey = randomBytes(16).toString('hex');
  const sigKey = randomBytes(16).toString('hex');
  const clientKey = `dev_${randomBytes(18).toString('base64url')}`;

  const sandbox = await createSandbox({
    apps: [{ qqAppId: game.qqAppId, wechatAppId: game.wechatAppId, msdkKey, v5: { gameId: game.v5.gameId, sigKey } }],
  });
  await sandbox.listen({ port: Number(process.env.SANDBOX_PORT ?? 3100), host: '127.0.0.1' });
  const sandboxUrl = await sandbox.getUrl();

  devConfig.clients = [
    {
      name: 'dev-console',
      keySha256: [createHash('sha256').update(clientKey).digest('hex')],
      games: [game.id],
      scopes: ['auth', 'relation', 'group', 'profile', 'share', 'freeflow', 'friend', 'admin'],
    },
  ];
  const { app, config } = await createGateway({
    env: {
      ...process.env,
      GATEWAY_CONFIG_JSON: JSON.stringify(devConfig),
      MSDK_V3_BASE_URL: sandboxUrl,
      MSDK_V5_BASE_URL: `${sandboxUrl}/v5`,
      [`MSDK_GAME_${game.id.toUpperCase()}_MSDKKEY`]: msdkKey,
      [`MSDK_GAME_${game.id.toUpperCase()}_V5_SIGKEY`]: sigKey,
    },
  });
  await app.listen({ port: config.server.port, host: config.server.host });
  const base = `http://${config.server.host}:${config.server.port}`;

  process.stdout.write(
    [
      '',
      `msdk-gateway ${base}  ->  msdk-sandbox ${sandboxUrl} (keys generated for this run, Node ${process.version})`,
      `OpenAPI: ${base}/docs   health: ${base}/health/ready`,
      '',
      'Try it (dev client key valid until you stop this process):',
      '',
      `  curl -s -X POST ${base}/v1/auth/verify_login \\`,
      `    -H 'Authorization: Bearer ${clientKey}' -H 'Content-Type: application/json' \\`,
      `    -d '{"openid":"A3284A812ECA15269F85AE1C2D94EB37","accessToken":"933FE8C9AB9C585D7EABD04373B7155F","userip":"192.168.5.114"}'`,
      '',
      '  -> {"ret":0,"msg":"user is logged in",...}   (a token starting "expired" gets the MSDK expiry error)',
      '',
    ].join('\n'),
  );
}

void main();
