import { describe, expect, it } from '@jest/globals';
import { createRootLogger } from './create-logger.js';
import { InfoLineWriter, jsonMember, jsonTenths } from './info-line-writer.js';

function capture(level = 'info') {
  const lines: string[] = [];
  const logger = createRootLogger({
    level,
    pretty: false,
    secretValues: ['configured-secret-value'],
    destination: { write: (l: string) => void lines.push(l) },
  });
  return { logger, lines };
}

const withoutTime = (line: string) => line.replace(/"time":\d+/, '"time":0');

/** One line written now, as the access log's batches write each of theirs. */
const writeOne = (writer: InfoLineWriter, members: string) =>
  writer.writeLines(writer.line(Date.now(), members, 'request'));

describe('InfoLineWriter', () => {
  const cases: Array<Record<string, string | number | undefined>> = [
    { requestId: 'abc', client: 'game-server', status: 200, durationMs: 1.5 },
    {
      requestId: 'q"uote\\back\nline',
      client: undefined,
      game: 'démo ✓',
      status: 502,
      durationMs: 0,
      error: 'UPSTREAM_TIMEOUT',
    },
    { route: 'unmatched', attempts: Number.NaN, big: 1e21, negative: -0.1 },
    { client: 'configured-secret-value', cache: 'HIT' },
    { emoji: 'ok 😀', tab: 'a\tb', infinite: Number.POSITIVE_INFINITY, zero: -0, plain: '/v1/relation/qqprofile' },
  ];

  for (const [i, fields] of cases.entries()) {
    it(`writes byte for byte what pino writes for the same fields (case ${i + 1})`, () => {
      const viaPino = capture();
      viaPino.logger.child({}, { redact: [] }).info(fields, 'request');
      const direct = capture();
      const members = Object.entries(fields)
        .map(([name, value]) => jsonMember(name, value))
        .join('');
      writeOne(new InfoLineWriter(direct.logger), members);
      expect(direct.lines.length).toBe(1);
      expect(withoutTime(direct.lines[0])).toBe(withoutTime(viaPino.lines[0]));
    });
  }

  it('escapes a lone surrogate (pino writes it raw, and UTF-8 turns it into U+FFFD)', () => {
    expect(jsonMember('lone', 'a\ud800b')).toBe(',"lone":"a\\ud800b"');
    expect((JSON.parse(`{${jsonMember('lone', 'a\ud800b').slice(1)}}`) as { lone: string }).lone).toBe('a\ud800b');
  });

  it('prints tenths as jsonMember prints the same number of milliseconds', () => {
    for (let tenths = 0; tenths <= 100_000; tenths++) {
      expect(jsonTenths('durationMs', tenths)).toBe(jsonMember('durationMs', Math.round(tenths) / 10));
    }
  });

  it("keeps a child logger's bindings where pino puts them", () => {
    const viaPino = capture();
    viaPino.logger.child({ component: 'access' }).info({ status: 200 }, 'request');
    const direct = capture();
    writeOne(new InfoLineWriter(direct.logger.child({ component: 'access' })), jsonMember('status', 200));
    expect(withoutTime(direct.lines[0])).toBe(withoutTime(viaPino.lines[0]));
  });

  it("scrubs configured secret values through the root logger's hook", () => {
    const { logger, lines } = capture();
    writeOne(new InfoLineWriter(logger), jsonMember('client', 'configured-secret-value'));
    expect(!lines[0].includes('configured-secret-value')).toBeTruthy();
    expect((JSON.parse(lines[0]) as { client: string }).client).toBe('[REDACTED]');
  });

  it('says when the level keeps info lines out', () => {
    expect(new InfoLineWriter(capture('warn').logger).enabled).toBe(false);
    expect(new InfoLineWriter(capture('info').logger).enabled).toBe(true);
  });
});
