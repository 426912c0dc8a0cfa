import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import { ANSWERS } from '../answers/answer-registry.js';
import type { Answer } from '../answers/answer-context.js';
import { fieldText } from '../answers/field-text.js';
import type { Fault } from '../control/fault.js';
import { SandboxState, type RecordedCall } from '../control/sandbox-state.js';
import { SANDBOX_OPTIONS, type SandboxOptions } from '../sandbox-options.js';
import { AppRegistry } from './app-registry.js';
import { tokenRejection } from './token-rule.js';
import { verifyV3Query, type V3Verdict } from './v3-verifier.js';
import { verifyV5Call, type V5Verdict } from './v5-verifier.js';

type Verdict = V3Verdict | V5Verdict;

/**
 * Serves every catalog interface as MSDK would: record the call, apply any injected fault,
 * verify the signature (V3 or V5), apply the token rule for the call's platform (V5: its
 * channel), then answer in the documented shape.
 */
@Injectable()
export class MsdkEmulator {
  private readonly apps: AppRegistry;

  constructor(
    private readonly state: SandboxState,
    @Inject(SANDBOX_OPTIONS) private readonly options: SandboxOptions,
  ) {
    this.apps = new AppRegistry(options.apps);
  }

  /** Registers one route per catalog row in its own Fastify scope, reading bodies as raw text. */
  register(fastify: FastifyInstance): void {
    void fastify.register((scope, _options, registered) => {
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
      for (const entry of ALL_ENTRIES) {
        const url = entry.protocol === 'v5' ? this.options.v5BasePath + entry.path : entry.path;
        scope.route({ method: ['GET', 'POST'], url, handler: (req, reply) => this.handle(entry, req, reply) });
      }
      registered();
    });
  }

  private async handle(entry: CatalogEntry, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const query = { ...(request.query as Record<string, string>) };
    const rawBody = typeof request.body === 'string' ? request.body : '';
    const body = parseJson(rawBody);
    const verdict = this.verify(entry, request, query, rawBody);
    const recorded: RecordedCall = {
      at: Date.now(),
      protocol: entry.protocol,
      method: request.method,
      path: entry.path,
      query,
      rawBody,
      body,
      headers: {
        'content-type': request.headers['content-type'],
        'x-request-id': request.headers['x-request-id'] as string | undefined,
        traceparent: request.headers.traceparent as string | undefined,
      },
      verdict: verdict.ok ? 'ok' : verdict.msg,
    };
    this.state.record(recorded);

    const fault = this.state.takeFault(entry.path);
    if (fault) {
      const handled = await applyTransportFault(fault, request, reply);
      if (handled !== undefined) return handled;
    }
    const answer = this.answer(entry, query, body, verdict, fault);
    // ITOP echoes the request's seq in every answer, errors included.
    if (entry.protocol === 'v5') answer.seq = query.seq ?? '';
    recorded.response = JSON.stringify(answer);
    return reply.code(200).type('application/json').send(recorded.response);
  }

  /** V3 signs the query only; V5 signs path, raw query and raw body. */
  private verify(
    entry: CatalogEntry,
    request: FastifyRequest,
    query: Record<string, string>,
    rawBody: string,
  ): Verdict {
    const now = Math.floor(Date.now() / 1000);
    if (entry.protocol === 'v3') return verifyV3Query(query, this.apps, this.options.maxClockSkewSeconds, now);
    const received = { rawUrl: request.raw.url ?? '', basePath: this.options.v5BasePath, rawBody };
    return verifyV5Call(received, this.apps, this.options.maxClockSkewSeconds, now);
  }

  private answer(
    entry: CatalogEntry,
    query: Record<string, string>,
    body: unknown,
    verdict: Verdict,
    fault: Fault | undefined,
  ): Answer {
    if (!verdict.ok) return { ret: verdict.ret, msg: verdict.msg };

    const fields = (entry.method === 'GET' ? query : body) as Record<string, unknown> | undefined;
    if (!fields || typeof fields !== 'object') return { ret: -506, msg: 'missing params: body is not a JSON object' };
    const missing = [entry.fields.openid, entry.fields.accessToken].filter((f): f is string => !!f && !fields[f]);
    if (missing.length) return { ret: -506, msg: `missing params: ${missing.join(',')}` };

    if (fault?.ret !== undefined)
      return {
        ret: fault.ret,
        msg: fault.msg ?? 'injected error',
        ...(fault.errType ? { err_type: fault.errType } : {}),
      };
    const token = entry.fields.accessToken ? String(fields[entry.fields.accessToken]) : undefined;
    const rejection = token ? tokenRejection(token, verdict.platform) : undefined;
    if (rejection) return rejection;

    // V3 carries the openid in the query; V5 only in the body.
    const openid = entry.protocol === 'v3' ? (query.openid ?? '') : fieldText(fields[entry.fields.openid ?? 'openid']);
    const answer: Answer = ANSWERS[entry.path]?.({
      entry,
      platform: verdict.platform,
      appid: verdict.appid,
      openid,
      fields,
    }) ?? {
      ret: -505,
      msg: 'no such interface',
    };
    if (query.msdkExtInfo) answer.msdkExtInfo = query.msdkExtInfo;
    if (fault?.isLost && 'is_lost' in answer) answer.is_lost = entry.protocol === 'v3' ? '1' : 1;
    return answer;
  }
}

/** Latency, resets, hangs, HTTP errors and garbage; undefined when the call should go on. */
async function applyTransportFault(fault: Fault, request: FastifyRequest, reply: FastifyReply): Promise<unknown> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.hang) {
    await new Promise<void>((resolve) => request.raw.socket.once('close', () => resolve()));
    return reply.hijack();
  }
  if (fault.reset) {
    request.raw.socket.destroy();
    return reply.hijack();
  }
  if (fault.httpStatus)
    return reply
      .code(fault.httpStatus)
      .type('text/plain')
      .send(fault.body ?? `HTTP ${fault.httpStatus} from sandbox`);
  if (fault.body !== undefined) return reply.code(200).type('application/json').send(fault.body);
  return undefined;
}

function parseJson(raw: string): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
