import { cellOrder, columnLetter, columnNumber, dateToSerial, parseRange, qualifiedAddress, rangeAddress, serialToDate, serialToIso, splitQualified } from '../../src/core/cells';

describe('cells: addresses and serial dates, written once', () => {
  it('names columns as Excel does, both ways', () => {
    for (const [n, l] of [[1, 'A'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD']] as const) {
      expect(columnLetter(n)).toBe(l);
      expect(columnNumber(l)).toBe(n);
      expect(columnNumber(l.toLowerCase())).toBe(n);
    }
  });

  it('reads ranges with or without $, a sheet, or corners reversed', () => {
    expect(parseRange('B2:D9')).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
    expect(parseRange("'Participations 2014'!$B$2:$D$9")).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
    expect(parseRange('D9:B2')).toEqual({ top: 2, left: 2, bottom: 9, right: 4 });
    expect(parseRange('C5')).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(parseRange('A:A')).toBeNull();
    expect(rangeAddress({ top: 2, left: 2, bottom: 9, right: 4 })).toBe('B2:D9');
    expect(rangeAddress({ top: 5, left: 3, bottom: 5, right: 3 })).toBe('C5');
  });

  it('quotes and unquotes sheet names as Excel does', () => {
    expect(qualifiedAddress('Financements', 'E90')).toBe('Financements!E90');
    expect(qualifiedAddress("Synthèse d'été", 'A1')).toBe("'Synthèse d''été'!A1");
    expect(splitQualified("'Synthèse d''été'!A1:B2")).toEqual({ sheet: "Synthèse d'été", local: 'A1:B2' });
    expect(splitQualified('B7')).toEqual({ sheet: '', local: 'B7' });
  });

  it('orders cells top to bottom, then left to right', () => {
    expect(['C2', 'A10', 'B2', 'A2:C3'].sort((a, b) => cellOrder(a) - cellOrder(b))).toEqual(['A2:C3', 'B2', 'C2', 'A10']);
  });

  it('turns serial dates into dates in both date systems and back', () => {
    expect(serialToIso(41958)).toBe('2014-11-15');
    expect(serialToIso(40496, true)).toBe('2014-11-15');
    expect(serialToDate(42369.5).toISOString()).toBe('2015-12-31T12:00:00.000Z');
    expect(dateToSerial(new Date(Date.UTC(2014, 10, 15)))).toBe(41958);
  });
});
