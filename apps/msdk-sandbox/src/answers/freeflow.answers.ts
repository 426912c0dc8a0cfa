import type { AnswerFn } from './answer-context.js';
import { Seeded } from './deterministic.js';

/** Carriers in the doc's ccType order: 0 China Unicom, 1 China Telecom, 2 China Mobile. */
const CARRIERS = ['China Unicom', 'China Telecom', 'China Mobile'] as const;

/** The game's free-flow domains per carrier: per appid, the same for every user. */
function carrierLists(appid: string): { ltList: string; dxList: string; ydList: string } {
  const host = (carrier: string) => `${carrier}.ff${appid.replace(/\W/g, '').toLowerCase()}.game.qq.com`;
  return { ltList: host('lt'), dxList: host('dx'), ydList: host('yd') };
}

const PLACES = [
  { province: 'Guangdong', city: 'Shenzhen', district: 'Nanshan District' },
  { province: 'Beijing', city: 'Beijing', district: 'Haidian District' },
  { province: 'Shanghai', city: 'Shanghai', district: 'Xuhui District' },
  { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu District' },
] as const;

/** /freeflow/* answers, as in msdk-v3-server-api.txt; the same openid (or IP) gets the same data. */
export const FREEFLOW_ANSWERS: Record<string, AnswerFn> = {
  '/freeflow/getinfo': ({ appid, openid }) => {
    const seed = new Seeded(`freeflow:${openid}`);
    const lists = carrierLists(appid);
    return {
      ret: 0,
      msg: 'success',
      freeFlowInfo: {
        ipList: [lists.ltList, lists.dxList, lists.ydList].join(','),
        isFree: seed.int(2),
        ccType: seed.int(CARRIERS.length),
        ...lists,
        expire: 3600,
      },
    };
  },
  '/freeflow/get_ccinfo': ({ fields, openid }) => {
    // An empty ip means "the caller's address": key the answer on the user instead.
    const ip = typeof fields.ip === 'string' && fields.ip ? fields.ip : `self:${openid}`;
    const seed = new Seeded(`ccinfo:${ip}`);
    const place = seed.pick(PLACES);
    return {
      ret: 0,
      msg: 'success',
      data: {
        apn: 'unknown',
        city: place.city,
        country: 'China',
        district: place.district,
        extend: 'unknown',
        nettype: 'unknown',
        oper: seed.pick(CARRIERS),
        province: place.province,
      },
    };
  },
};
