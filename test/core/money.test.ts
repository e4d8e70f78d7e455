import { centsFromFrenchText, centsToDecimalString, formatEuros, formatGap, rate, readCellNumber } from '../../src/core/money';

const NB = '\u00a0';

describe('reading numbers from cells at Excel precision', () => {
  test.each([
    [2387500, 238750000],
    [1234.56, 123456],
    [1234.5600000000001, 123456], // float noise of a formula result
    [0.1 + 0.2, 30],
    [1.1 * 3, 330],
    [-12.5, -1250],
    [0, 0],
    [-0, 0],
    [99999999999.99, 9999999999999],
  ])('%p → %p cents', (n, cents) => {
    expect(readCellNumber(n)).toEqual({ kind: 'ok', cents });
  });
  test.each([[10.005], [0.001], [1234.567], [1000000.1 - 1000000]])('%p has more than two decimals', (n) => {
    expect(readCellNumber(n).kind).toBe('sub-cent');
  });
  test('infinity and NaN are not amounts', () => {
    expect(readCellNumber(Infinity).kind).toBe('not-finite');
    expect(readCellNumber(NaN).kind).toBe('not-finite');
  });
  test('sums of cents are exact where float sums drift', () => {
    let float = 0;
    let cents = 0;
    for (let i = 0; i < 100000; i++) {
      float += 0.1;
      const r = readCellNumber(0.1);
      if (r.kind === 'ok') cents += r.cents;
    }
    expect(float).not.toBe(10000);
    expect(centsToDecimalString(cents)).toBe('10000.00');
  });
});

describe('French formats', () => {
  test('euros with no-break spaces and a decimal comma', () => {
    expect(formatEuros(238750000)).toBe(`2${NB}387${NB}500,00${NB}€`);
    expect(formatEuros(100)).toBe(`1,00${NB}€`);
    expect(formatEuros(5)).toBe(`0,05${NB}€`);
    expect(formatEuros(-123456)).toBe(`-1${NB}234,56${NB}€`);
    expect(formatEuros(238750000, 'en')).toBe('€2,387,500.00');
  });
  test('gaps carry their sign', () => {
    expect(formatGap(100)).toBe(`+1,00${NB}€`);
    expect(formatGap(-100)).toBe(`-1,00${NB}€`);
    expect(formatGap(0)).toBe(`0,00${NB}€`);
  });
  test('JSON amounts are strings with two decimals', () => {
    expect(centsToDecimalString(238750000)).toBe('2387500.00');
    expect(centsToDecimalString(-5)).toBe('-0.05');
    expect(centsToDecimalString(0)).toBe('0.00');
  });
  test('rates are exact, rounded half up to one decimal', () => {
    expect(rate(1, 3)).toBe('33.3');
    expect(rate(2, 3)).toBe('66.7');
    expect(rate(5, 0)).toBeNull();
  });
  test('amounts typed as text are understood well enough to suggest the number', () => {
    expect(centsFromFrenchText('2 387 500,00 €')).toBe(238750000);
    expect(centsFromFrenchText(`2${NB}387${NB}500,00${NB}€`)).toBe(238750000);
    expect(centsFromFrenchText('2.387.500,00')).toBe(238750000);
    expect(centsFromFrenchText('1,5')).toBe(150);
    expect(centsFromFrenchText('deux millions')).toBeNull();
  });
});
