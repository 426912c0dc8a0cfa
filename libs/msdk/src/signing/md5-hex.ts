import { hash } from 'node:crypto';

/** One-shot hash: about half the cost of createHash().update().digest() for short inputs. */
export function md5Hex(input: string): string {
  return hash('md5', input, 'hex');
}
