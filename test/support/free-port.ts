import { once } from 'node:events';
import { createServer } from 'node:net';

/** A loopback port nobody listens on right now (for servers that cannot take port 0). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as { port: number };
  srv.close();
  await once(srv, 'close');
  return port;
}
