import type { OpenAPIObject, OperationObject, PathItemObject, ResponseObject } from '@nestjs/swagger';
import { ALL_ENTRIES, type CatalogEntry } from '#msdk';
import { answerDocFor } from './answers/answer-docs.js';
import { ERROR_PART_SCHEMAS, errorAnswersFor, type ErrorComponents } from './error-answers.js';
import { ANSWER_HEADERS, headerRef, parameterRef, REQUEST_HEADERS } from './http-headers.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const BY_INTERFACE = new Map(ALL_ENTRIES.map((entry) => [entry.path, entry]));

type MsdkOperation = OperationObject & { 'x-msdk-interface'?: unknown };

/** Every operation of the document, with its path. */
export function* operationsOf(document: OpenAPIObject): Generator<[string, OperationObject]> {
  for (const [path, item] of Object.entries<PathItemObject>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) yield [path, operation];
    }
  }
}

/**
 * Gives each operation that fronts a catalog row (it names it in `x-msdk-interface`) its
 * answers: the 200 as MSDK sends it, with the gateway's headers, and an answer per error status
 * listing the codes it can carry; and the request headers it reads. The controllers stay as they
 * are: all of this is data keyed by catalog row.
 */
export function describeMsdkOperations(document: OpenAPIObject): void {
  const components = (document.components ??= {});
  const errors: ErrorComponents = { schemas: {}, responses: {} };
  const answers: Record<string, object> = {};
  for (const [path, operation] of operationsOf(document)) {
    const name = (operation as MsdkOperation)['x-msdk-interface'];
    if (typeof name !== 'string') continue;
    const entry = BY_INTERFACE.get(name);
    if (!entry) throw new Error(`OpenAPI: ${path} names ${name}, which is not in the catalog`);
    const schemaName = answerSchemaName(entry);
    answers[schemaName] = answerDocFor(entry).schema;
    operation.parameters = [
      ...(operation.parameters ?? []),
      parameterRef('XGameId'),
      parameterRef('XRequestId'),
      parameterRef('Traceparent'),
      ...(entry.cache.kind === 'none' ? [] : [parameterRef('CacheControl')]),
    ];
    operation.responses = { '200': successAnswer(entry, schemaName), ...errorAnswersFor(entry, errors) };
  }
  components.schemas = { ...components.schemas, ...answers, ...ERROR_PART_SCHEMAS, ...errors.schemas };
  components.responses = { ...components.responses, ...errors.responses };
  components.headers = { ...components.headers, ...ANSWER_HEADERS };
  components.parameters = { ...components.parameters, ...REQUEST_HEADERS };
}

/** `relation.qqfriends_detail` -> `RelationQqfriendsDetailAnswer`. */
function answerSchemaName(entry: CatalogEntry): string {
  const words = entry.id.split(/[._]/).map((w) => w[0].toUpperCase() + w.slice(1));
  return `${words.join('')}Answer`;
}

function successAnswer(entry: CatalogEntry, schemaName: string): ResponseObject {
  const { example } = answerDocFor(entry);
  return {
    description: `MSDK's answer to \`${entry.path}\` (ret 0), byte for byte as MSDK sent it`,
    headers: {
      'X-Cache': headerRef('XCache'),
      'X-Request-Id': headerRef('XRequestId'),
      traceparent: headerRef('Traceparent'),
      ...(entry.hasIsLost ? { 'X-Msdk-Is-Lost': headerRef('XMsdkIsLost') } : {}),
    },
    content: { 'application/json': { schema: { $ref: `#/components/schemas/${schemaName}` }, example } },
  };
}
