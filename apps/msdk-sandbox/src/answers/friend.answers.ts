import type { AnswerFn } from './answer-context.js';

/** friend answers, in the documented shapes. */
export const FRIEND_ANSWERS: Record<string, AnswerFn> = {};
