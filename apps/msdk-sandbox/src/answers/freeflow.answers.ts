import type { AnswerFn } from './answer-context.js';

/** freeflow answers, in the documented shapes. */
export const FREEFLOW_ANSWERS: Record<string, AnswerFn> = {};
