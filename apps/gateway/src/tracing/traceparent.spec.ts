import { describe, expect, it } from '@jest/globals';
import { flagsHex, formatTraceparent, newSpanId, newTraceId, parseTraceparent } from './traceparent.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';

describe('parseTraceparent (W3C Trace Context)', () => {
  it('reads a version 00 header', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-01`)).toEqual({
      traceId: TRACE_ID,
      parentId: PARENT_ID,
      flags: '01',
    });
  });

  it("reads a later version's version 00 fields and ignores what follows them", () => {
    expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-09-whatever`)?.flags).toBe('09');
    expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-09`)?.traceId).toBe(TRACE_ID);
  });

  it('refuses what the spec calls invalid', () => {
    for (const bad of [
      undefined,
      '',
      ['a', 'b'],
      `00-${TRACE_ID}-${PARENT_ID}-01-extra`,
      `ff-${TRACE_ID}-${PARENT_ID}-01`,
      `00-${'0'.repeat(32)}-${PARENT_ID}-01`,
      `00-${TRACE_ID}-${'0'.repeat(16)}-01`,
      `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`,
      `00-${TRACE_ID}-${PARENT_ID}-1`,
      `00_${TRACE_ID}_${PARENT_ID}_01`,
      `cc-${TRACE_ID}-${PARENT_ID}-01whatever`,
      ` 00-${TRACE_ID}-${PARENT_ID}-01`,
    ])
      expect(parseTraceparent(bad)).toBeUndefined();
  });
});

describe('ids and formatting', () => {
  it('mints distinct, well-formed, non-zero ids', () => {
    const traces = new Set(Array.from({ length: 1000 }, () => newTraceId()));
    const spans = new Set(Array.from({ length: 1000 }, () => newSpanId()));
    expect(traces.size).toBe(1000);
    expect(spans.size).toBe(1000);
    for (const id of traces) expect(id).toMatch(/^[0-9a-f]{32}$/);
    for (const id of spans) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it('formats version 00, and what it formats parses back', () => {
    const header = formatTraceparent(TRACE_ID, PARENT_ID, flagsHex(1));
    expect(header).toBe(`00-${TRACE_ID}-${PARENT_ID}-01`);
    expect(parseTraceparent(header)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, flags: '01' });
  });
});
