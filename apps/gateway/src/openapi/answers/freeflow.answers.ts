import { int, intEnum, object, str, v3Answer, type AnswerTable } from './answer-doc.js';

/** /freeflow/* (msdk-v3-server-api.txt, Free flow). */
export const FREEFLOW_ANSWER_DOCS: AnswerTable<'freeflow'> = {
  'freeflow.getinfo': {
    schema: v3Answer({
      fields: {
        freeFlowInfo: object(
          {
            ipList: str("All the game's free-flow domains or IPs"),
            isFree: intEnum([0, 1], '1: the user has free flow'),
            ccType: intEnum([0, 1, 2], "The user's carrier: 0 China Unicom, 1 China Telecom, 2 China Mobile"),
            ltList: str("The game's China Unicom free-flow domains or IPs"),
            dxList: str("The game's China Telecom free-flow domains or IPs"),
            ydList: str("The game's China Mobile free-flow domains or IPs"),
            expire: int('Seconds until this information should be asked for again'),
          },
          "The user's free-flow subscription",
        ),
      },
    }),
    example: {
      ret: 0,
      msg: 'success',
      freeFlowInfo: { ipList: '***', isFree: 1, ccType: 1, ltList: '***', dxList: '***', ydList: '***', expire: 3600 },
    },
  },
  'freeflow.get_ccinfo': {
    schema: v3Answer({
      fields: {
        data: object(
          {
            apn: str('The gateway name, else "wifi"; "unknown" by default'),
            city: str('City (in China)'),
            country: str('Country'),
            district: str('District (in China)'),
            extend: str('School, organisation or gateway name (in China)'),
            nettype: str('Network type; "unknown" by default'),
            oper: str('Carrier'),
            province: str('Province or municipality (in China)'),
          },
          'What is known of the IP',
        ),
      },
    }),
    example: {
      ret: 0,
      msg: 'success',
      data: {
        apn: 'unknown',
        city: 'Shenzhen',
        country: 'China',
        district: 'Nanshan District',
        extend: 'unknown',
        nettype: 'unknown',
        oper: 'China Telecom',
        province: 'Guangdong',
      },
    },
  },
};
