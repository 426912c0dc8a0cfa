import type { AnswerFn } from './answer-context.js';

/** share answers, in the documented shapes. */
export const SHARE_ANSWERS: Record<string, AnswerFn> = {};
