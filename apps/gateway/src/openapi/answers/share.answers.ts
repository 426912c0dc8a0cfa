import { v3Answer, type AnswerTable } from './answer-doc.js';

/** /share/*: MSDK answers ret and msg only (msdk-v3-server-api.txt, Share). */
export const SHARE_ANSWER_DOCS: AnswerTable<'share'> = {
  'share.qq': { schema: v3Answer(), example: { ret: 0, msg: 'success' } },
  'share.qqark': { schema: v3Answer(), example: { ret: 0, msg: 'success' } },
};
