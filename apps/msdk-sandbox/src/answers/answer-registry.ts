import type { AnswerFn } from './answer-context.js';
import { AUTH_ANSWERS } from './auth.answers.js';
import { FREEFLOW_ANSWERS } from './freeflow.answers.js';
import { FRIEND_ANSWERS } from './friend.answers.js';
import { GROUP_ANSWERS } from './group.answers.js';
import { PROFILE_ANSWERS } from './profile.answers.js';
import { RELATION_ANSWERS } from './relation.answers.js';
import { SHARE_ANSWERS } from './share.answers.js';

/** Every interface's answer function, by upstream path. */
export const ANSWERS: Readonly<Record<string, AnswerFn>> = {
  ...AUTH_ANSWERS,
  ...RELATION_ANSWERS,
  ...GROUP_ANSWERS,
  ...PROFILE_ANSWERS,
  ...SHARE_ANSWERS,
  ...FREEFLOW_ANSWERS,
  ...FRIEND_ANSWERS,
};
