import type { AnswerFn } from './answer-context.js';

/** Both shares answer only ret/msg (msdk-v3-server-api.txt, Share). */
const shared: AnswerFn = () => ({ ret: 0, msg: 'success' });

/** /share/* answers, as in msdk-v3-server-api.txt. */
export const SHARE_ANSWERS: Record<string, AnswerFn> = {
  '/share/qq': shared,
  '/share/qqark': shared,
};
