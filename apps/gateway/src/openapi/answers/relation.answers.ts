import type { AnswerTable } from './answer-doc.js';
import { QQ_RELATION_ANSWER_DOCS } from './relation-qq.answers.js';
import { WECHAT_RELATION_ANSWER_DOCS } from './relation-wechat.answers.js';

/** /relation/* profiles and friend lists, QQ's and WeChat's (the compiler holds the two to every row). */
export const RELATION_ANSWER_DOCS: AnswerTable<'relation'> = {
  ...QQ_RELATION_ANSWER_DOCS,
  ...WECHAT_RELATION_ANSWER_DOCS,
};
