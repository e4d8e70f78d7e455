/** The diff of two versions, on snapshots: identity matching, cell-level changes, totals. */
import { diffSnapshots } from '../../../src/core/versions/diff';
import { addRow, col, exampleSnapshot, get, set, table } from '../../helpers/workbook';

const financing = (s: ReturnType<typeof exampleSnapshot>) => table(s, 'Financements');

describe('diff of two snapshots', () => {
  test('a snapshot against itself: no change, no delta', () => {
    const d = diffSnapshots(exampleSnapshot(), exampleSnapshot());
    expect(d.changes).toEqual([]);
    expect(d.totals).toEqual([]);
  });

  test('reordered financing lines, participations and actions are no change', () => {
    const after = exampleSnapshot();
    financing(after).rows.reverse();
    table(after, 'Actions').rows.reverse();
    table(after, 'Participations2015').rows.reverse();
    expect(diffSnapshots(exampleSnapshot(), after).changes).toEqual([]);
  });

  test('one changed amount, one added and one removed line: three changes, the right cells', () => {
    const before = exampleSnapshot();
    const after = exampleSnapshot();
    const f = financing(after);
    const planned = col(f, 'Prévu (€)');
    const first = f.rows[0];
    const was = first[planned] as number;
    first[planned] = was + 500;
    const removed = f.rows.splice(3, 1)[0];
    addRow(after, 'Financements', { 'Code action': 'I_01', Année: 2016, Financeur: 'CDC', 'Prévu (€)': 1234.5 });
    const d = diffSnapshots(before, after);
    expect(d.changes.map((c) => [c.kind, c.sheet, c.cell, c.column, c.before, c.after])).toEqual([
      ['changed', 'Financements', `${String.fromCharCode(65 + f.firstColumn - 1 + planned)}${f.headerRow + 1}`, f.headers[planned], (was).toFixed(2), (was + 500).toFixed(2)],
      ['removed', 'Financements', `A${f.headerRow + 4}`, null, null, null],
      ['added', 'Financements', `A${f.headerRow + f.rows.length}`, null, null, null],
    ]);
    expect(removed).toBeDefined();
    const planDeltas = d.totals.filter((t) => t.field === 'planned');
    expect(planDeltas.length).toBeGreaterThan(0);
    expect(get(after, 'Financements', 0, 'Prévu (€)')).toBe(was + 500);
  });

  test('a financing line keeps its identity by Référence even when its action changes', () => {
    const before = exampleSnapshot();
    const after = exampleSnapshot();
    set(before, 'Financements', 0, 'Référence', 'ENG-1');
    set(after, 'Financements', 0, 'Référence', 'ENG-1');
    set(after, 'Financements', 0, 'Année', 2016);
    const d = diffSnapshots(before, after);
    expect(d.changes.map((c) => [c.kind, c.columnKey])).toEqual([['changed', 'year']]);
  });

  test('spelling is no change: "Region" is Région', () => {
    const after = exampleSnapshot();
    const f = financing(after);
    const i = f.rows.findIndex((r) => r[col(f, 'Financeur')] === 'Région');
    set(after, 'Financements', i, 'Financeur', 'Region');
    expect(diffSnapshots(exampleSnapshot(), after).changes).toEqual([]);
  });
});
