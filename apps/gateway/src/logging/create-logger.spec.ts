import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createRootLogger } from './create-logger.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, destination };
}

describe('createRootLogger', () => {
  it('starts when no configured secret is long enough to scrub', () => {
    const { lines, destination } = capture();
    createRootLogger({ level: 'info', pretty: false, secretValues: ['abc'], destination }).info('hello');
    assert.match(lines.join(''), /"msg":"hello"/);
  });

  it('redacts credential fields by name and configured secrets by value', () => {
    const { lines, destination } = capture();
    const logger = createRootLogger({ level: 'info', pretty: false, secretValues: ['s3cr3t-msdkkey-value'], destination });
    logger.info({ body: { accessToken: 'user-token-1' }, note: 'key is s3cr3t-msdkkey-value' }, 'call');
    const out = lines.join('');
    assert.ok(!out.includes('user-token-1'));
    assert.ok(!out.includes('s3cr3t-msdkkey-value'));
    assert.match(out, /\[REDACTED\]/);
  });
});
