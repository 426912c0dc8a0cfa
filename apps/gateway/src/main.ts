import { ConfigValidationError } from './config/config-error.js';
import { createGateway } from './bootstrap.js';

/** Entry point: exits non-zero, naming what is wrong, when the configuration is invalid. */
async function main(): Promise<void> {
  try {
    const { app, config, logger } = await createGateway({ env: process.env });
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
