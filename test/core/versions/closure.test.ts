/** Closed years on snapshots: what the record holds, and what the check says once a line moves. */
import { fingerprintText, readClosures, yearLines } from '../../../src/core/versions/closure';
import { closeYear, raisePlanned, reopenYear } from '../../helpers/closure';
import { addRow, check, exampleSnapshot, fired, removeRows, table } from '../../helpers/workbook';

const closedFindings = (s: ReturnType<typeof exampleSnapshot>) => fired(check(s), 'period.closed-year-changed');

describe('closed years', () => {
  test('the record holds every contract line of the year, and reads back closed', () => {
    const s = exampleSnapshot();
    const lines = yearLines(s, 2014);
    expect(new Set(lines.map((l) => l.table))).toEqual(new Set(['Convention', 'Participations2014', 'Financements', 'Bilans', 'Instances']));
    closeYear(s, 2014);
    const state = readClosures(s).get(2014)!;
    expect(state).toMatchObject({ closed: true, by: 'Test', date: '2026-11-28', tampered: 0 });
    expect(state.lines).toHaveLength(lines.length);
    expect(closedFindings(s)).toEqual([]);
  });

  test('a line added to a closed year and one removed from it are reported', () => {
    const s = exampleSnapshot();
    closeYear(s, 2014);
    const t = table(s, 'Financements');
    const before = t.rows.length;
    addRow(s, 'Financements', { 'Code action': 'I_1.1.1', Année: 2014, Financeur: 'CDC', 'Prévu (€)': 100 });
    const added = `A${t.headerRow + before + 1}`;
    let gone = false;
    removeRows(s, 'Instances', (r) => {
      const drop = !gone && r[1] instanceof Date && r[1].getUTCFullYear() === 2014;
      if (drop) gone = true;
      return !drop;
    });
    const f = closedFindings(s);
    expect(f.map((x) => x.message.includes('ajoutée') ? ['added', x.cell] : ['removed', x.sheet])).toEqual([
      ['added', added],
      ['removed', 'Instances'],
    ]);
    expect(f.every((x) => x.severity === 'error' && x.article === 'Art. 8' && x.year === 2014)).toBe(true);
  });

  test('a reopened year is no longer checked against its record; a 2015 change never was', () => {
    const s = exampleSnapshot();
    closeYear(s, 2014);
    raisePlanned(s, 2015);
    expect(closedFindings(s)).toEqual([]);
    raisePlanned(s, 2014);
    expect(closedFindings(s)).toHaveLength(1);
    reopenYear(s, 2014, 'Correction du montant CDC');
    expect(readClosures(s).get(2014)).toMatchObject({ closed: false, reason: 'Correction du montant CDC' });
    expect(closedFindings(s)).toEqual([]);
  });

  test('amounts in the finding are JSON strings, the message names both values', () => {
    const s = exampleSnapshot();
    closeYear(s, 2014);
    raisePlanned(s, 2014);
    const [f] = closedFindings(s);
    expect(f).toMatchObject({ expected: '250000.00', actual: '250500.00', year: 2014 });
  });

  test('a record date Excel turned into a date serial reads back as the same day', () => {
    const s = exampleSnapshot();
    closeYear(s, 2014, '2026-11-30');
    const t = table(s, 'Clotures');
    t.rows[0][2] = 46356; // 30/11/2026 as Excel stores it
    expect(readClosures(s).get(2014)).toMatchObject({ closed: true, date: '2026-11-30' });
  });
});

describe('fingerprints', () => {
  it('hash the UTF-8 bytes TextEncoder gives, for any text (records written before stay valid)', () => {
    const fnv = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
      return h.toString(16).padStart(16, '0');
    };
    for (const t of ['', 'Région', 'Financements|EX-2014-CDC-001|1085200', 'Œuvre « ESS » – 2 387 500,00 €', '𝄞 emoji 😀', 'lone \ud800 surrogate', 'é\u0301'])
      expect(fingerprintText(t)).toBe(fnv(t));
  });
});
