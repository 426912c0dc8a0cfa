import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyContextConfig } from 'fastify';
import { ApiBody, ApiExtension, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { CatalogEntry } from '#msdk';
import { ErrorEnvelopeSchema } from '../openapi/error-envelope.schema.js';

/**
 * A route that fronts one catalog row: `POST /v1/<domain>/<MSDK interface name>` (so
 * /relation/qqprofile is /v1/relation/qqprofile), 200 with MSDK's body, documented in OpenAPI
 * with `x-msdk-interface` naming the MSDK interface.
 */
export function MsdkOperation(entry: CatalogEntry, dto: new () => object) {
  const route = entry.path.slice(entry.path.lastIndexOf('/') + 1);
  const retryNote =
    entry.retry === 'safe' ? 'Read: retried on timeouts and outages.' : 'Not repeatable: never retried once sent.';
  const cacheNote =
    entry.cache.kind === 'none' ? '' : ` Cached (${entry.cache.kind}); is_lost=1 answers are never cached.`;
  return applyDecorators(
    Post(route),
    HttpCode(200),
    RouteConfig({ msdkEntry: entry } satisfies FastifyContextConfig),
    ApiOperation({
      summary: entry.summary,
      operationId: entry.id,
      description: `Fronts MSDK \`${entry.path}\` (${entry.protocol.toUpperCase()}, ${entry.method} upstream). ${retryNote}${cacheNote}`,
    }),
    ApiExtension('x-msdk-interface', entry.path),
    ApiBody({ type: dto }),
    ApiResponse({ status: 200, description: "MSDK's JSON answer, unchanged (ret 0)" }),
    ApiResponse({ status: 400, description: 'A field is invalid (named in error.fields)', type: ErrorEnvelopeSchema }),
    ApiResponse({ status: 401, description: 'No or unknown client key', type: ErrorEnvelopeSchema }),
    ApiResponse({ status: 403, description: 'The client may not use this game or scope', type: ErrorEnvelopeSchema }),
    ApiResponse({
      status: 429,
      description:
        'Rate limited (RATE_LIMITED) or the per-user frequency check (MSDK_FREQUENCY_LIMIT); see Retry-After',
      type: ErrorEnvelopeSchema,
    }),
    ApiResponse({
      status: 422,
      description: "MSDK rejected the user's token (MSDK_USER_TOKEN_INVALID)",
      type: ErrorEnvelopeSchema,
    }),
    ApiResponse({ status: 502, description: 'MSDK answered ret != 0 or garbage', type: ErrorEnvelopeSchema }),
    ApiResponse({ status: 503, description: 'Circuit open: MSDK is failing', type: ErrorEnvelopeSchema }),
    ApiResponse({ status: 504, description: 'MSDK did not answer in time', type: ErrorEnvelopeSchema }),
  );
}
