import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isUpstreamTimeoutError, isUpstreamUnavailableError } from '../errors/msdk-errors.js';
import { UndiciTransport } from './undici.transport.js';

/** A real server on a free port: its answers arrive through a real undici Pool, in pieces where asked. */
describe('UndiciTransport (through a real Pool)', () => {
  let server: Server;
  let origin: string;
  /** Answers to /slow are held until the suite ends. */
  const held: Array<() => void> = [];
  const transport = new UndiciTransport({ connections: 2, keepAliveTimeoutMs: 1000 });

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url?.startsWith('/slow')) return void held.push(() => res.end('{"ret":0}'));
        if (req.url?.startsWith('/stalled-body')) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"ret":0,');
          return void held.push(() => res.end('"is_lost":"0"}'));
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        // Three writes, flushed apart: the answer reaches the transport in more than one chunk.
        res.write(`{"ret":0,"echo":${JSON.stringify(body)},`);
        setTimeout(() => {
          res.write(`"id":${JSON.stringify(String(req.headers['x-request-id']))},`);
          setTimeout(() => res.end('"is_lost":"1"}'), 5);
        }, 5);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    for (const answer of held) answer();
    await transport.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("collects the answer's bytes whole and reads ret and is_lost from them", async () => {
    const answer = await transport.send({
      origin,
      method: 'POST',
      pathAndQuery: '/profile/x?a=1',
      body: '{"openid":"o"}',
      headers: { 'x-request-id': 'req-1' },
      timeout: { ms: 2000, scope: 'attempt' },
    });
    expect(answer.raw.toString()).toBe('{"ret":0,"echo":"{\\"openid\\":\\"o\\"}","id":"req-1","is_lost":"1"}');
    expect(answer.body).toMatchObject({ ret: 0, is_lost: '1' });
  });

  // The upstream never answers here: without its own timeout the call would hang (and the test's ends it).
  it('gives up after its timeout with the typed timeout error', async () => {
    const error = await transport
      .send({ origin, method: 'POST', pathAndQuery: '/slow', body: '{}', timeout: { ms: 100, scope: 'deadline' } })
      .catch((e: unknown) => e);
    expect(isUpstreamTimeoutError(error) && error.scope).toBe('deadline');
  }, 10_000);

  // undici's own header and body timeouts are off (the call's timer is the only one): a body that
  // stops half-way must still end the call on time.
  it('gives up on an answer whose body stalls after its headers, with the typed timeout error', async () => {
    const error = await transport
      .send({
        origin,
        method: 'POST',
        pathAndQuery: '/stalled-body',
        body: '{}',
        timeout: { ms: 100, scope: 'attempt' },
      })
      .catch((e: unknown) => e);
    expect(isUpstreamTimeoutError(error) && error.scope).toBe('attempt');
  }, 10_000);

  it('turns a refused connection into an unavailable upstream that was never reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await transport
      .send({
        origin: `http://127.0.0.1:${port}`,
        method: 'GET',
        pathAndQuery: '/x',
        body: undefined,
        timeout: { ms: 2000, scope: 'attempt' },
      })
      .catch((e: unknown) => e);
    expect(isUpstreamUnavailableError(error) && error.mayHaveReachedUpstream).toBe(false);
  });
});
