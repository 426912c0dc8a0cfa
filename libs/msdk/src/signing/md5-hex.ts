import { createHash } from 'node:crypto';

export function md5Hex(input: string): string {
  return createHash('md5').update(input, 'utf8').digest('hex');
}
