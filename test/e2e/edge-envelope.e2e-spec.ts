import { connect } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import type { ErrorEnvelope } from '../support/gateway-answer.js';
import type { GatewayHarness } from '../support/gateway-harness.js';
import { request } from '../support/http-client.js';
import { withSandboxAndGateway } from '../support/sandbox-and-gateway.js';

/** One answer read off a raw socket: what the gateway wrote, byte for byte, until it closed. */
interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  /** The gateway closed the connection. */
  readonly closed: boolean;
}

/**
 * Sends bytes as they are (fetch would encode a bad URL and refuse oversize headers) and reads
 * one answer: until the gateway closes the socket, or the answer's Content-Length is in.
 */
function rawExchange(url: string, bytes: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes));
    let text = '';
    const parse = (closed: boolean): RawAnswer | undefined => {
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const body = text.slice(end + 4);
      if (!closed && Buffer.byteLength(body) < Number(headers['content-length'])) return undefined;
      return { status: Number(statusLine.split(' ')[1]), headers, body, closed };
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const answer = parse(false);
      if (answer && answer.headers.connection?.toLowerCase() !== 'close') {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('close', () => {
      const answer = parse(true);
      if (answer) resolve(answer);
      else reject(new Error(`no HTTP answer: ${JSON.stringify(text)}`));
    });
    socket.on('error', reject);
  });
}

function expectEnvelope(status: number, headers: Record<string, string>, body: string, code: string): void {
  const envelope = JSON.parse(body) as ErrorEnvelope;
  expect(envelope.error.code).toBe(code);
  expect(typeof envelope.error.message).toBe('string');
  expect(headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  expect(envelope.error.requestId).toBe(headers['x-request-id']);
  expect(Object.keys(envelope)).toEqual(['error']);
  expect(status).toBeGreaterThanOrEqual(400);
}

describe('every answer is the envelope, also for what fails before any route', () => {
  let gateway: GatewayHarness;
  withSandboxAndGateway({}, (_sandbox, g) => (gateway = g));
  const auth = () => `Authorization: Bearer ${gateway.defaultClient.key}\r\n`;

  it('a bad percent-encoding in the path: 400 INVALID_URL', async () => {
    const answer = await rawExchange(
      gateway.url,
      'POST /v1/relation/qq%profile HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n' +
        `Content-Length: 2\r\n${auth()}\r\n{}`,
    );
    expect(answer.status).toBe(400);
    expectEnvelope(answer.status, answer.headers, answer.body, 'INVALID_URL');
  });

  it('headers over the limit: 431 HEADERS_TOO_LARGE, saying Connection: close and closing', async () => {
    const answer = await rawExchange(
      gateway.url,
      `GET /health/live HTTP/1.1\r\nHost: gw\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer.status).toBe(431);
    expectEnvelope(answer.status, answer.headers, answer.body, 'HEADERS_TOO_LARGE');
    expect(answer.headers.connection).toBe('close');
    expect(answer.closed).toBe(true);
  });

  it('bytes that are not HTTP: 400 BAD_REQUEST, saying Connection: close', async () => {
    const answer = await rawExchange(gateway.url, 'HELLO THERE\r\n\r\n');
    expect(answer.status).toBe(400);
    expectEnvelope(answer.status, answer.headers, answer.body, 'BAD_REQUEST');
    expect(answer.headers.connection).toBe('close');
    expect(answer.closed).toBe(true);
  });

  it('an unknown route: 404 NOT_FOUND', async () => {
    const res = await request('GET', `${gateway.url}/v1/nowhere`);
    expect(res.status).toBe(404);
    expectEnvelope(res.status, Object.fromEntries(res.headers), res.text, 'NOT_FOUND');
  });

  it('a known route with the wrong method: 404 NOT_FOUND (operations are POST only)', async () => {
    const res = await request('GET', `${gateway.url}/v1/relation/qqprofile`, undefined, {
      authorization: `Bearer ${gateway.defaultClient.key}`,
    });
    expect(res.status).toBe(404);
    expectEnvelope(res.status, Object.fromEntries(res.headers), res.text, 'NOT_FOUND');
  });

  it('a body that is not JSON: 400 INVALID_JSON', async () => {
    const res = await gateway.call('/v1/relation/qqprofile', '{"openid": ', {});
    expect(res.status).toBe(400);
    expectEnvelope(res.status, Object.fromEntries(res.headers), res.text, 'INVALID_JSON');
  });

  it('an empty body sent as JSON: 400 INVALID_JSON', async () => {
    const answer = await rawExchange(
      gateway.url,
      'POST /v1/relation/qqprofile HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n' +
        `Content-Length: 0\r\n${auth()}\r\n`,
    );
    expect(answer.status).toBe(400);
    expectEnvelope(answer.status, answer.headers, answer.body, 'INVALID_JSON');
  });
});
