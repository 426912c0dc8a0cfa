import type { AnswerFn } from './answer-context.js';

/** group answers, in the documented shapes. */
export const GROUP_ANSWERS: Record<string, AnswerFn> = {};
