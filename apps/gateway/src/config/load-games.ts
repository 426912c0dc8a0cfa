import type { GameCredentials, V5Credentials } from '#msdk';
import type { ProblemList } from './config-error.js';
import { asObject, int, optStr, str, type Json } from './config-readers.js';
import { envSegment, readSecret, type Env } from './env-source.js';
import type { GameConfig } from './gateway-config.js';

/** Values that are clearly not a real key; refused when NODE_ENV=production. */
const PLACEHOLDER =
  /^(change[-_ ]?me.*|placeholder.*|example.*|dummy.*|test.*|secret|password|todo|x+|0+|1234.*|your[-_ ].*|<.*>)$/i;

/**
 * Games: appids and V5 gameid from the config file; msdkkey, appkeys and sigkey only from
 * MSDK_GAME_<ID>_MSDKKEY, _QQ_APPKEY, _WECHAT_APPKEY, _V5_SIGKEY (or their _FILE forms).
 */
export function loadGames(list: unknown[], env: Env, production: boolean, problems: ProblemList): GameConfig[] {
  const ids = new Set<string>();
  return list.map((raw, i) => {
    const path = `games[${i}]`;
    const o = asObject(raw, path, problems);
    const id = str(o, 'id', path, problems);
    if (ids.has(id)) problems.add(`${path}.id "${id}" is used twice`);
    ids.add(id);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) problems.add(`${path}.id must be 1-64 of [A-Za-z0-9_-]`);

    const prefix = `MSDK_GAME_${envSegment(id)}`;
    const secret = (suffix: string, required: boolean) => {
      const name = `${prefix}_${suffix}`;
      const value = readSecret(env, name, problems, required);
      if (value !== undefined && production && PLACEHOLDER.test(value)) {
        problems.add(`${name} looks like a placeholder; production needs the real key`);
      }
      return value;
    };

    const encode = int(o, 'encode', path, problems, 2, 1, 2) as 1 | 2;
    const qqAppId = optStr(o, 'qqAppId', path, problems);
    const wechatAppId = optStr(o, 'wechatAppId', path, problems);
    if (!qqAppId && !wechatAppId) problems.add(`${path} needs a qqAppId or a wechatAppId`);
    const ishttps = o.ishttps === undefined ? undefined : (int(o, 'ishttps', path, problems, 0, 0, 1) as 0 | 1);
    const conn = o.conn === undefined ? undefined : (int(o, 'conn', path, problems, 0, 0, 1) as 0 | 1);

    const credentials: GameCredentials = {
      v3: {
        qqAppId,
        wechatAppId,
        encode,
        msdkKey: secret('MSDKKEY', true) ?? '',
        qqAppKey: secret('QQ_APPKEY', encode === 1 && !!qqAppId),
        wechatAppKey: secret('WECHAT_APPKEY', encode === 1 && !!wechatAppId),
        version: optStr(o, 'version', path, problems),
        ishttps,
        conn,
      },
      v5: loadV5(o.v5, `${path}.v5`, () => secret('V5_SIGKEY', true), problems),
    };
    return { id, credentials };
  });
}

function loadV5(
  raw: unknown,
  path: string,
  sigKey: () => string | undefined,
  problems: ProblemList,
): V5Credentials | undefined {
  if (raw === undefined) return undefined;
  const o: Json = asObject(raw, path, problems);
  return {
    gameId: str(o, 'gameId', path, problems),
    sigKey: sigKey() ?? '',
    os: int(o, 'os', path, problems, 1, 1, 5),
    version: typeof o.version === 'string' ? o.version : '',
  };
}
