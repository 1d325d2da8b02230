/**
 * Going further — numbers, your own way. The core is given `numberValue()` (JsonReaderBase): plain integers
 * from the bytes, every fraction and exponent through a string and `Number()`. Here your JsonReader
 * overrides it: it must no longer call the given `readNumber`, `numberFromText` or the base's
 * `numberValue()` (counted), must give exactly what JSON.parse gives for any number token (fast-check:
 * integers, fractions, exponents, 30-digit mantissas, `-0`, `1e400`), and must read the common spellings —
 * up to 15 significant digits and a power of ten up to 10^22, like `1.5`, `1e3`, `-0.25`, `123.456` — without
 * making a string (the harness's bytes/op): within those bounds one multiplication or division by an exact
 * power of ten is already correctly rounded (Clinger's fast path). Longer ones may go to Number() as text.
 */
import fc from 'fast-check';
import { Token } from '@hotpath/api';
import { JsonReaderBase, numberFromText, readNumber } from '@hotpath/api/json-reader-base';
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it, vi } from 'vitest';
import { bytesOf, loadReaderModule, newReader, showBytes, tokenName, type JsonReader } from '../support/subject.ts';

// The given number reading, counted: your reader imports these wrappers in their place.
vi.mock('@hotpath/api/json-reader-base', async (importOriginal) => {
  const given = await importOriginal<typeof import('@hotpath/api/json-reader-base')>();
  return { ...given, readNumber: vi.fn(given.readNumber), numberFromText: vi.fn(given.numberFromText) };
});

/** The Number token of `text` read with `reader`, and its value. */
function valueOf(reader: JsonReader, text: string): number {
  reader.reset(bytesOf(text));
  const type = reader.read();
  if (type !== Token.Number) throw new Error(`Expected ${text} to read as a Number token, got ${tokenName(type)}`);
  return reader.numberValue();
}

const show = (n: number) => (Object.is(n, -0) ? '-0' : String(n));

/** Number spellings JSON allows: sign, integer part, fraction, exponent in either case with either sign. */
const spelledNumber = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,29}$/)),
    fc.option(fc.stringMatching(/^[0-9]{1,20}$/)),
    fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.stringMatching(/^[0-9]{1,3}$/))),
  )
  .map(([minus, int, frac, exp]) => `${minus ? '-' : ''}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}`);

const anyNumber = fc.oneof(
  spelledNumber,
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.integer().map(String),
);

describe('numberValue(), your own', () => {
  it('overrides the given numberValue() and no longer calls readNumber, numberFromText or the base class', async () => {
    const { JsonReader } = await loadReaderModule();
    expect(Object.hasOwn(JsonReader.prototype, 'numberValue'), 'Write numberValue() in your JsonReader (src/json-reader.ts): it overrides the given one').toBe(
      true,
    );
    const base = vi.spyOn(JsonReaderBase.prototype, 'numberValue');
    vi.mocked(readNumber).mockClear();
    vi.mocked(numberFromText).mockClear();
    try {
      const reader = await newReader();
      for (const text of ['0', '-0', '42', '1717171717171', '1.5', '-2.25e2', '1E-5', '12345678901234567890', '1e400']) valueOf(reader, text);
      const calls = {
        'the base class numberValue()': base.mock.calls.length,
        readNumber: vi.mocked(readNumber).mock.calls.length,
        numberFromText: vi.mocked(numberFromText).mock.calls.length,
      };
      expect(
        calls,
        'Read the number from its bytes yourself: no super.numberValue(), no readNumber() or numberFromText() from @hotpath/api/json-reader-base',
      ).toEqual({ 'the base class numberValue()': 0, readNumber: 0, numberFromText: 0 });
    } finally {
      base.mockRestore();
    }
  });

  it('gives exactly what JSON.parse gives, for every spelling', async () => {
    const reader = await newReader();
    for (const text of [
      '0',
      '-0',
      '0.0',
      '-0.0e5',
      '1e3',
      '1.0',
      '1E+2',
      '0.1',
      '0.3',
      '5e-324',
      '1.7976931348623157e308',
      '1e400',
      '-1e400',
      '9007199254740993',
      '123456789012345678901234567890',
      '0.000001',
      '1e-7',
      '4.35',
      '2.5e-3',
    ]) {
      expect(show(valueOf(reader, text)), `numberValue() of ${text}: JSON.parse gives ${show(JSON.parse(text) as number)}`).toBe(
        show(JSON.parse(text) as number),
      );
    }
    fc.assert(
      fc.property(anyNumber, (text) => {
        const want = JSON.parse(text) as number;
        const got = valueOf(reader, text);
        if (!Object.is(got, want)) throw new Error(`numberValue() of ${text} is ${show(got)}; JSON.parse gives ${show(want)}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the common spellings without making a string', async () => {
    const reader = await newReader();
    const common = [
      '1',
      '-0',
      '42',
      '1717171717171',
      '1.5',
      '1e3',
      '1.0',
      '-0.25',
      '123.456',
      '2.5E-3',
      '1E+2',
      '0.1',
      '999999999999999',
      '3.14159',
      '-7e22',
      '6.5e-20',
    ];
    const doc = bytesOf(`[${common.join(',')}]`);
    const readAll = () => {
      let sum = 0;
      reader.reset(doc);
      for (let type = reader.read(); type !== Token.EndOfDocument && type !== Token.Error; type = reader.read())
        if (type === Token.Number) sum += reader.numberValue();
      return sum;
    };
    const want = common.reduce((s, text) => s + (JSON.parse(text) as number), 0);
    expect(readAll(), `The numbers of ${showBytes(doc)} add up to ${want}`).toBe(want);
    // A value that is not a small integer comes back as a boxed double (a 16-byte heap number); a string costs more.
    const budget = 16 * common.length + 64;
    const measured = measureBytesPerOpWithin(readAll, budget, { minIterations: 16, maxWindowMs: 100 });
    expect(
      measured.bytesPerOp,
      `Reading the ${common.length} numbers of ${showBytes(doc)} allocated ${measured.bytesPerOp.toFixed(0)} B (at most ${budget}: the boxed results, no string): gather the significant digits into an integer and count the decimal exponent; within 15 digits and 10^±22, one multiplication or division by an exact power of ten is exact — no string, no Number(text)`,
    ).toBeLessThanOrEqual(budget);
  });
});
