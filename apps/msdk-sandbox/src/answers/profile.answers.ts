import type { AnswerFn } from './answer-context.js';

/** profile answers, in the documented shapes. */
export const PROFILE_ANSWERS: Record<string, AnswerFn> = {};
