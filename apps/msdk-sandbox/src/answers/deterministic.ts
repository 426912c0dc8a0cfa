import { md5Hex } from '#msdk';

/** A repeatable pseudo-random stream per seed: the same openid always gets the same data. */
export class Seeded {
  private counter = 0;
  constructor(private readonly seed: string) {}

  int(maxExclusive: number): number {
    const h = md5Hex(`${this.seed}:${this.counter++}`);
    return parseInt(h.slice(0, 8), 16) % maxExclusive;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += md5Hex(`${this.seed}:${this.counter++}`);
    return out.slice(0, length).toUpperCase();
  }
}

const NICKS = ['Xiaoming', 'Lili', '小红', 'Wang Wei', 'Dragon', '快乐玩家', 'Ace', 'Mochi', 'Zhang San', 'Kiki'];

export function nickFor(seed: Seeded): string {
  return `${seed.pick(NICKS)}${seed.int(1000)}`;
}

/** An openid-shaped id for the n-th friend of a user on a platform. */
export function friendOpenid(ownerOpenid: string, n: number, platform: 'qq' | 'wechat'): string {
  const h = md5Hex(`${ownerOpenid}:friend:${n}`);
  return platform === 'qq' ? h.toUpperCase() : `o${h.slice(0, 27)}`;
}

export function avatarUrl(openid: string, size: number): string {
  return `http://thirdqq.qlogo.cn/g?b=sdk&k=${md5Hex(openid).slice(0, 16)}&s=${size}`;
}
