import type { Socket } from 'node:net';
import { STATUS_CODES } from 'node:http';
import type { ConnectionError, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { mintRequestId } from '../http/request-id.js';
import { toErrorEnvelope } from './error-envelope.js';

/*
 * The two kinds of failure that never reach a route, so neither Nest's filter nor Fastify's hooks
 * see them: each is answered here with the same envelope (toErrorEnvelope) and an X-Request-Id.
 */

/**
 * Fastify's `frameworkErrors` server option: the router refusing a URL before any hook runs (a
 * `%` that does not start a percent-encoded byte, an over-long route parameter). Fastify has
 * already given the request its id (genReqId).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const mapped = toErrorEnvelope(error, request.id);
  void reply
    .status(mapped.status)
    .headers(mapped.headers)
    .header('x-request-id', request.id)
    .type('application/json')
    .send(mapped.body);
}

/**
 * Fastify's `clientErrorHandler` server option (Node's `clientError` event): Node's HTTP parser
 * gave up before there was a request (headers over the limit: 431; not HTTP at all: 400; too
 * slow: 408). The socket cannot carry another request, so the answer says `Connection: close`
 * and the socket is closed, as Node's own handler does. The id is minted: no header was read.
 */
export function answerClientError(error: ConnectionError, socket: Socket): void {
  // A reset connection has no one to answer (Node's documented advice for clientError).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const requestId = mintRequestId();
    const mapped = toErrorEnvelope(error, requestId);
    const body = JSON.stringify(mapped.body);
    socket.write(
      `HTTP/1.1 ${mapped.status} ${STATUS_CODES[mapped.status] ?? 'Error'}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n\r\n` +
        body,
    );
  }
  socket.destroy();
}
