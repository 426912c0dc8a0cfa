import type { ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import type { CatalogEntry, MsdkErrorSource } from '#msdk';
import { toErrorEnvelope, type ErrorEnvelope } from '../errors/error-envelope.js';
import { causesFor, ERROR_CAUSES, type OperationErrorCode } from './error-causes.js';
import { headerRef } from './http-headers.js';

/** One code as the gateway sends it: status, headers and envelope fields, read off toErrorEnvelope. */
interface SentCode {
  readonly code: OperationErrorCode;
  readonly status: number;
  readonly headers: readonly string[];
  readonly envelopes: readonly ErrorEnvelope[];
}

function sentCode(code: OperationErrorCode): SentCode {
  const mapped = ERROR_CAUSES[code]
    .samples()
    .map((sample) => toErrorEnvelope(sample, 'b3c1d5e7f90a4c2e8d6b1a3f5e7c9d0b'));
  const statuses = new Set(mapped.map((m) => m.status));
  if (mapped.some((m) => m.code !== code) || statuses.size !== 1) {
    throw new Error(
      `OpenAPI: the samples of ${code} are sent as ${mapped.map((m) => `${m.status} ${m.code}`).join(', ')}`,
    );
  }
  return {
    code,
    status: mapped[0].status,
    headers: [...new Set(mapped.flatMap((m) => Object.keys(m.headers)))],
    // JSON's view of the envelope: fields left undefined are not sent.
    envelopes: mapped.map((m) => JSON.parse(JSON.stringify(m.body)) as ErrorEnvelope),
  };
}

const SENT: ReadonlyMap<OperationErrorCode, SentCode> = new Map(
  (Object.keys(ERROR_CAUSES) as OperationErrorCode[]).map((code) => [code, sentCode(code)]),
);
const sent = (code: OperationErrorCode): SentCode => SENT.get(code)!;

/** Each status with every code that can carry it, over all operations. */
const CODES_BY_STATUS = groupByStatus([...SENT.keys()]);

function groupByStatus(codes: readonly OperationErrorCode[]): Map<number, OperationErrorCode[]> {
  const byStatus = new Map<number, OperationErrorCode[]>();
  for (const code of codes) {
    const status = sent(code).status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

const pascal = (code: string) =>
  code
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');

/** `Error400` for a status's full code list, `Error400WithoutMsdkPlatformUnsupported` for a row that lacks one. */
function componentName(status: number, codes: readonly OperationErrorCode[]): string {
  const missing = CODES_BY_STATUS.get(status)!.filter((c) => !codes.includes(c));
  return `Error${status}${missing.length ? `Without${missing.map(pascal).join('')}` : ''}`;
}

const MSDK_SOURCES: Readonly<Record<MsdkErrorSource, string>> = {
  msdk: 'MSDK itself',
  qq: 'a mobile QQ error MSDK wrapped (ret -10000)',
  wechat: 'a WeChat error MSDK wrapped (ret -20000)',
};

/** The parts every error envelope shares, as components.schemas. */
export const ERROR_PART_SCHEMAS: Record<string, SchemaObject> = {
  FieldProblem: {
    type: 'object',
    description: 'One invalid field',
    required: ['field', 'problems'],
    properties: {
      field: { type: 'string', description: 'The field, dotted for nested ones (channel_info.dst)' },
      problems: { type: 'array', items: { type: 'string' }, description: 'What is wrong with it' },
    },
  },
  MsdkErrorDetail: {
    type: 'object',
    description: 'What MSDK answered (present only when MSDK answered)',
    required: ['ret', 'msg', 'source'],
    properties: {
      ret: { type: 'integer', description: "MSDK's ret" },
      msg: { type: 'string', description: "MSDK's msg (or message)" },
      source: {
        type: 'string',
        enum: Object.keys(MSDK_SOURCES),
        description: Object.entries(MSDK_SOURCES)
          .map(([source, meaning]) => `${source}: ${meaning}`)
          .join('; '),
      },
      platformCode: { type: 'integer', description: 'The platform\'s own code, from msg "<code>,<text>"' },
      errType: { type: 'integer', description: "MSDK's err_type: 1 retry later, 2 re-authorize, 3 refresh the token" },
    },
  },
};

function envelopeSchema(status: number, codes: readonly OperationErrorCode[]): SchemaObject {
  const envelopes = codes.flatMap((c) => sent(c).envelopes);
  const carries = (field: 'fields' | 'msdk') => envelopes.some((e) => e.error[field] !== undefined);
  return {
    type: 'object',
    description: `The error envelope of an HTTP ${status} answer`,
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'requestId'],
        properties: {
          code: { type: 'string', enum: [...codes], description: 'Stable code: branch on this' },
          message: { type: 'string', description: 'What went wrong, for people' },
          requestId: { type: 'string', description: 'The request id (X-Request-Id)' },
          ...(carries('fields')
            ? { fields: { type: 'array', items: { $ref: '#/components/schemas/FieldProblem' } } }
            : {}),
          ...(carries('msdk') ? { msdk: { $ref: '#/components/schemas/MsdkErrorDetail' } } : {}),
        },
      },
    },
  };
}

function errorResponse(name: string, codes: readonly OperationErrorCode[]): ResponseObject {
  const headers = new Set(codes.flatMap((c) => sent(c).headers));
  return {
    description: codes.map((c) => `\`${c}\`: ${ERROR_CAUSES[c].when}`).join('. '),
    headers: {
      'X-Request-Id': headerRef('XRequestId'),
      traceparent: headerRef('Traceparent'),
      ...(headers.has('retry-after') ? { 'Retry-After': headerRef('RetryAfter') } : {}),
    },
    content: {
      'application/json': { schema: { $ref: `#/components/schemas/${name}` }, example: sent(codes[0]).envelopes[0] },
    },
  };
}

/** What the error answers of all operations put in components (schemas and responses), by name. */
export interface ErrorComponents {
  readonly schemas: Record<string, SchemaObject>;
  readonly responses: Record<string, ResponseObject>;
}

/**
 * The error answers of one operation, by status, as references into `components`, which it fills
 * with any envelope not there yet (operations with the same codes share one).
 */
export function errorAnswersFor(entry: CatalogEntry, components: ErrorComponents): Record<string, ReferenceObject> {
  const answers: Record<string, ReferenceObject> = {};
  for (const [status, codes] of groupByStatus(causesFor(entry))) {
    const name = componentName(status, codes);
    components.schemas[name] ??= envelopeSchema(status, codes);
    components.responses[name] ??= errorResponse(name, codes);
    answers[String(status)] = { $ref: `#/components/responses/${name}` };
  }
  return answers;
}
