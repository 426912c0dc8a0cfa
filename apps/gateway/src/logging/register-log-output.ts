import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { GatewayLogs } from './create-logger.js';

/**
 * The logs' part in the server's life: their dropped-lines counter is exported with the
 * gateway's metrics, and what their destinations still hold is written when the server closes
 * (Fastify runs onClose hooks once in-flight requests are done, so their lines are all logged by
 * then). A process that exits rather than being killed by the signal is also flushed by pino
 * itself, at exit.
 */
export function registerLogOutput(
  fastify: FastifyInstance,
  logs: Pick<GatewayLogs, 'droppedLines' | 'flush'>,
  registry: Registry,
): void {
  registry.registerMetric(logs.droppedLines);
  fastify.addHook('onClose', async () => {
    await logs.flush();
  });
}
