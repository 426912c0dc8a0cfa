import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { buildUpstreamCall, MsdkClient, type CallerPayload, type CatalogEntry } from '#msdk';
import type { AuthenticatedCaller } from '../caller-auth/authenticated-caller.js';
import { upstreamConfig } from '../config/config-namespaces.js';
import type { UpstreamConfig } from '../config/gateway-config.js';
import { ForwardedAnswer, isLostFlag } from './forwarded-answer.js';
import { UpstreamBase } from './upstream-base.js';

/** What a route hands over: the validated body, who calls, and the request id. */
export interface ForwardContext {
  readonly caller: AuthenticatedCaller;
  readonly requestId: string;
}

/**
 * The single forwarding path for every catalog row: build and sign the call for the caller's
 * game, send it through the resilient client, and hand MSDK's bytes back.
 */
@Injectable()
export class MsdkForwarder implements OnApplicationShutdown {
  private readonly v3: UpstreamBase;
  private readonly v5: UpstreamBase;

  constructor(private readonly client: MsdkClient, @Inject(upstreamConfig.KEY) upstream: UpstreamConfig) {
    this.v3 = new UpstreamBase(upstream.v3BaseUrl);
    this.v5 = new UpstreamBase(upstream.v5BaseUrl);
  }

  async forward(entry: CatalogEntry, payload: object, context: ForwardContext): Promise<ForwardedAnswer> {
    const call = buildUpstreamCall(entry, context.caller.game.credentials, payload as CallerPayload, { requestId: context.requestId });
    const base = entry.protocol === 'v3' ? this.v3 : this.v5;
    const result = await this.client.call(entry, base.origin, base.prefixed(call), { headers: { 'x-request-id': context.requestId } });
    return new ForwardedAnswer(result.raw, 'BYPASS', entry.hasIsLost ? isLostFlag(result.body) : undefined, result.attempts);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}
