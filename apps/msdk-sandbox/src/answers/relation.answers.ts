import type { AnswerFn } from './answer-context.js';

/** relation answers, in the documented shapes. */
export const RELATION_ANSWERS: Record<string, AnswerFn> = {};
