import type { CatalogEntry, Domain } from '#msdk';
import type { AnswerDoc, CatalogIdOf } from './answer-doc.js';
import { AUTH_ANSWER_DOCS } from './auth.answers.js';
import { FREEFLOW_ANSWER_DOCS } from './freeflow.answers.js';
import { FRIEND_ANSWER_DOCS } from './friend.answers.js';
import { GROUP_ANSWER_DOCS } from './group.answers.js';
import { PROFILE_ANSWER_DOCS } from './profile.answers.js';
import { RELATION_ANSWER_DOCS } from './relation.answers.js';
import { SHARE_ANSWER_DOCS } from './share.answers.js';

/** Every catalog row's documented 200 answer, by catalog id (the compiler holds each domain to its rows). */
export const ANSWER_DOCS: Readonly<Record<CatalogIdOf<Domain>, AnswerDoc>> = {
  ...AUTH_ANSWER_DOCS,
  ...RELATION_ANSWER_DOCS,
  ...GROUP_ANSWER_DOCS,
  ...PROFILE_ANSWER_DOCS,
  ...SHARE_ANSWER_DOCS,
  ...FREEFLOW_ANSWER_DOCS,
  ...FRIEND_ANSWER_DOCS,
};

/** The documented answer of a catalog row; a row without one stops the document from being built. */
export function answerDocFor(entry: CatalogEntry): AnswerDoc {
  const doc = (ANSWER_DOCS as Readonly<Record<string, AnswerDoc | undefined>>)[entry.id];
  if (!doc) throw new Error(`OpenAPI: no documented answer for ${entry.id}`);
  return doc;
}
