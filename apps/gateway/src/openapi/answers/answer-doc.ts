import type { SchemaObject } from '@nestjs/swagger';
import type { CATALOG, Domain } from '#msdk';

/**
 * The 200 answer of one catalog row as MSDK sends it (the gateway passes MSDK's bytes through):
 * the schema follows the interface's return table in the MSDK docs (msdk-v3-server-api.txt,
 * msdk-v5-friend-api.txt), with field names and JSON types as MSDK sends them, and the example
 * follows the doc's own example answer.
 */
export interface AnswerDoc {
  readonly schema: SchemaObject;
  readonly example: Readonly<Record<string, unknown>>;
}

/** The catalog ids of one domain, so each domain's answer table must cover exactly its rows. */
export type CatalogIdOf<D extends Domain> = D extends Domain ? RowOf<D>['id'] : never;
type RowOf<D extends Domain> = (typeof CATALOG)[D][keyof (typeof CATALOG)[D]] & { readonly id: string };
export type AnswerTable<D extends Domain> = Readonly<Record<CatalogIdOf<D>, AnswerDoc>>;

export const str = (description: string): SchemaObject => ({ type: 'string', description });
export const int = (description: string): SchemaObject => ({ type: 'integer', description });
export const bool = (description: string): SchemaObject => ({ type: 'boolean', description });
export const intEnum = (values: readonly number[], description: string): SchemaObject => ({
  type: 'integer',
  enum: [...values],
  description,
});
export const list = (items: SchemaObject, description: string): SchemaObject => ({
  type: 'array',
  description,
  items,
});

/** An object whose properties are all present, except those named optional. */
export function object(
  properties: Record<string, SchemaObject>,
  description?: string,
  optional: readonly string[] = [],
): SchemaObject {
  const required = Object.keys(properties).filter((name) => !optional.includes(name));
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    ...(required.length ? { required } : {}),
  };
}

/** `is_lost` in V3 answers: a string. */
export const V3_IS_LOST: SchemaObject = {
  type: 'string',
  enum: ['0', '1'],
  description: '"1": MSDK served degraded data (the gateway never caches it; see X-Msdk-Is-Lost)',
};
/** `is_lost` in V5 answers: an integer. */
export const V5_IS_LOST: SchemaObject = {
  type: 'integer',
  enum: [0, 1],
  description: '1: MSDK served degraded data (the gateway never caches it; see X-Msdk-Is-Lost)',
};

const RET_OK: SchemaObject = {
  type: 'integer',
  enum: [0],
  description: 'Return code: always 0 here (any other ret reaches the caller as an error answer)',
};
const MSDK_EXT_INFO = str("The request's msdkExtInfo, echoed when the caller sent one");

interface AnswerShape {
  readonly fields?: Record<string, SchemaObject>;
  /** Fields MSDK may leave out. */
  readonly optional?: readonly string[];
  readonly description?: string;
}

function answer(head: Record<string, SchemaObject>, shape: AnswerShape, headOptional: readonly string[]) {
  return object({ ...head, ...shape.fields }, shape.description, [...headOptional, ...(shape.optional ?? [])]);
}

/** A V3 answer: ret, msg, the echoed msdkExtInfo, then the interface's own fields. */
export const v3Answer = (shape: AnswerShape = {}): SchemaObject =>
  answer({ ret: RET_OK, msg: str("MSDK's message"), msdkExtInfo: MSDK_EXT_INFO }, shape, ['msdkExtInfo']);

/** The QQ guild-group (v2) answers name their message `message`, not `msg`. */
export const v3GroupAnswer = (shape: AnswerShape = {}): SchemaObject =>
  answer({ ret: RET_OK, message: str("MSDK's message"), msdkExtInfo: MSDK_EXT_INFO }, shape, ['msdkExtInfo']);

/** A V5 (ITOP) answer: ret, msg and the request's seq, then the interface's own fields. */
export const v5Answer = (shape: AnswerShape = {}): SchemaObject =>
  answer({ ret: RET_OK, msg: str("MSDK's message"), seq: str("The request's seq, echoed") }, shape, []);
