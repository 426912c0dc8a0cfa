import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { FieldNames, readTopLevel as readTopLevelOfBytes } from './read-top-level.js';

const readTopLevel = (text: string, only?: FieldNames) => readTopLevelOfBytes(Buffer.from(text, 'utf8'), only);

/** What JSON.parse would give for the top-level scalar fields of an object. */
function scalarsOf(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([k, v]) => k !== '__proto__' && (v === null || typeof v !== 'object')),
  );
}

const objects = fc
  .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 4 }), { maxKeys: 8 })
  .map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);

describe('readTopLevel', () => {
  it('reads the top-level scalars of an MSDK answer and skips its lists', () => {
    const raw =
      '{ "ret": 0, "msg": "", "lists": [ { "user_name": "Xiao \\"Z\\"", "gender": 0 } ], "is_lost": 0,\n "seq": "1664333315-0844862987" }';
    expect(readTopLevel(raw)).toEqual({ ret: 0, msg: '', is_lost: 0, seq: '1664333315-0844862987' });
    expect(readTopLevel('{"ret":0,"is_lost":"1","nick\\u004eame":"\\u00e9"}')).toEqual({
      ret: 0,
      is_lost: '1',
      nickName: 'é',
    });
    expect(readTopLevel(' {} ')).toEqual({});
  });

  it('agrees with JSON.parse on every object, however it is spaced', () => {
    fc.assert(
      fc.property(objects, fc.constantFrom(undefined, 0, 2, '\t'), (object, indent) => {
        expect(readTopLevel(JSON.stringify(object, null, indent))).toEqual(scalarsOf(object));
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses what is not one object: truncations, mismatched brackets, trailing bytes, bad scalars', () => {
    for (const bad of [
      '',
      ' ',
      '[]',
      '"x"',
      '0',
      'null',
      '<html>',
      '{"ret":0',
      '{"ret":0,}',
      '{"ret":}',
      '{"ret":0}{',
      '{"ret":0} x',
      '{"a":[}]}',
      '{"a":{]}',
      '{"a":"unterminated}',
      '{"ret":tru}',
      '{"ret":0x1}',
      '{ret:0}',
      '{"ret" 0}',
      '{"ret":0 "msg":""}',
    ]) {
      expect(readTopLevel(bad)).toBe(undefined);
    }
    fc.assert(
      fc.property(
        objects.filter((o) => Object.keys(o).length > 0),
        fc.nat(),
        (object, cut) => {
          const text = JSON.stringify(object);
          expect(readTopLevel(text.slice(0, cut % text.length))).toBe(undefined);
        },
      ),
      { numRuns: 2000 },
    );
  });

  describe('with only some fields wanted', () => {
    const answerFields = new FieldNames(['ret', 'is_lost']);

    it('builds just those fields, including from an escaped key, and ignores a list under one of their names', () => {
      const raw = '{"ret":0,"msg":"ok","lists":[{"is_lost":"1"}],"is_lost":"0","extra":1.5e3}';
      expect(readTopLevel(raw, answerFields)).toEqual({ ret: 0, is_lost: '0' });
      expect(readTopLevel('{"\\u0072et":7,"is_lostx":1}', answerFields)).toEqual({ ret: 7 });
      expect(readTopLevel('{"ret":0,"is_lost":[1]}', answerFields)).toEqual({ ret: 0 });
    });

    it('agrees with JSON.parse on the wanted fields of every object', () => {
      fc.assert(
        fc.property(
          objects,
          fc.array(
            fc.string({ maxLength: 12 }).filter((k) => /^[\x20-\x7e]*$/.test(k)),
            { maxLength: 3 },
          ),
          (object, extra) => {
            const names = ['ret', 'is_lost', ...Object.keys(object).slice(0, 2), ...extra].filter(
              (k) => /^[\x20-\x7e]*$/.test(k) && !/[\\"]/.test(k),
            );
            const wanted = Object.fromEntries(Object.entries(scalarsOf(object)).filter(([k]) => names.includes(k)));
            expect(readTopLevel(JSON.stringify(object), new FieldNames(names))).toEqual(wanted);
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('still refuses what is not one object, bad scalars in fields it does not build included', () => {
      for (const bad of [
        '{"ret":0',
        '{"x":tru}',
        '{"x":0x1}',
        '{"x":01}',
        '{"x":}',
        '{"ret":0} x',
        '{"a":[}]}',
        '{"a":"unterminated}',
      ]) {
        expect(readTopLevel(bad, answerFields)).toBe(undefined);
      }
      fc.assert(
        fc.property(
          objects.filter((o) => Object.keys(o).length > 0),
          fc.nat(),
          (object, cut) => {
            const text = JSON.stringify(object);
            expect(readTopLevel(text.slice(0, cut % text.length), answerFields)).toBe(undefined);
          },
        ),
        { numRuns: 2000 },
      );
    });
  });
});
