import { createServer, type Server } from 'node:http';
import { once } from 'node:events';

/** Answer bodies by MSDK interface name (the path's last segment); `default` answers the rest. */
export type StubAnswers = Readonly<Record<string, string>> & { readonly default: string };

/**
 * The benchmark's MSDK: a bare node:http server that answers every path at once with a fixed,
 * realistic body. It checks no signature and does no work (so it is never the bottleneck it
 * would be if it were the sandbox); it only counts calls and can hold answers back for a while.
 */
export class UpstreamStub {
  calls = 0;
  delayMs = 0;
  private bodies = new Map<string, Buffer>();
  private fallback = Buffer.from('{"ret":0,"msg":"success"}');
  private readonly server: Server;

  constructor() {
    this.server = createServer((req, res) => {
      this.calls++;
      const body = this.bodyFor(req.url ?? '/');
      const answer = () => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      };
      // Read the request to its end before answering, as a real server does; no parsing.
      req.on('end', () => (this.delayMs > 0 ? setTimeout(answer, this.delayMs) : answer()));
      req.resume();
    });
    this.server.keepAliveTimeout = 60_000;
  }

  setAnswers(answers: StubAnswers): void {
    this.fallback = Buffer.from(answers.default);
    this.bodies = new Map(
      Object.entries(answers)
        .filter(([name]) => name !== 'default')
        .map(([name, text]) => [name, Buffer.from(text)]),
    );
  }

  /** Listens on loopback only; resolves with the base URL. */
  async listen(): Promise<string> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    const { port } = this.server.address() as { port: number };
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private bodyFor(url: string): Buffer {
    const end = url.indexOf('?');
    const path = end === -1 ? url : url.slice(0, end);
    return this.bodies.get(path.slice(path.lastIndexOf('/') + 1)) ?? this.fallback;
  }
}
