/**
 * A participation table (Participations 2014, 2015, 2016): its funder columns are whatever stands
 * between Axe and Total (signatories by alias, co-funders by name), each cell an amount for a funder
 * on an axis.
 */
import { resolveFunder } from './contract';
import type { CellReader } from './cellReader';
import { tableRange } from './locate';
import type { LocatedTable, ParticipationCell, ParticipationTable } from './modelTypes';
import { profile, type AxisId } from './profile';
import { cellAddress, isBlank } from './snapshot';
import { tableGrid } from './tableGrid';
import { closest, matchKey } from './text';

const signatoryCandidates = profile.funders.map((f) => ({ id: f.id, keys: [f.label.fr, ...f.aliases] }));

/** The funder columns of the table; a co-funder's header is added to `coFunders` (the other tables may name it). */
function funderColumns(loc: LocatedTable, r: CellReader, coFunders: string[]): ParticipationTable['funders'] {
  const { table, columns } = loc;
  const funders: ParticipationTable['funders'] = [];
  const lastRow = table.headerRow + Math.max(1, tableGrid(table).rowCount);
  table.headers.forEach((h, ci) => {
    if (ci === columns.axis || ci === columns.total || isBlank(h)) return;
    const colNo = table.firstColumn + ci;
    const ref = { sheet: table.sheet, cell: cellAddress(table.headerRow, colNo) };
    const range = { sheet: table.sheet, cell: `${cellAddress(table.headerRow + 1, colNo)}:${cellAddress(lastRow, colNo)}` };
    const id = resolveFunder(h);
    if (id) {
      funders.push({ key: id, header: h, ref, range });
      return;
    }
    const typo = closest(h, signatoryCandidates, (c) => c.keys);
    if (typo) {
      r.emit('cell.unknown-funder', ref, { column: h, text: h, suggestion: profile.funders.find((f) => f.id === typo.id)!.label.fr });
      return;
    }
    funders.push({ key: `co:${h.trim()}`, header: h, ref, range });
    if (!coFunders.some((c) => matchKey(c) === matchKey(h))) coFunders.push(h.trim());
  });
  return funders;
}

export function readParticipations(loc: LocatedTable | undefined, year: number, r: CellReader, coFunders: string[]): ParticipationTable | undefined {
  if (!loc) return undefined;
  const { table, columns } = loc;
  const grid = tableGrid(table);
  const axisCol = columns.axis;
  const funders = funderColumns(loc, r, coFunders);
  const cells: ParticipationCell[] = [];
  const unreadable: ParticipationTable['unreadable'] = [];
  if (axisCol >= 0) {
    const funderCols = funders.map((f) => table.headers.indexOf(f.header));
    for (let i = 0; i < grid.rowCount; i++) {
      const sheetRow = table.headerRow + 1 + i;
      const axisV = grid.get(i, axisCol);
      if (isBlank(axisV) && funderCols.every((ci) => isBlank(grid.get(i, ci)))) continue;
      const axisRef = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + axisCol) };
      let axis: AxisId | undefined;
      if (isBlank(axisV)) r.emit('cell.required', axisRef, { column: table.headers[axisCol], variant: 'blank' });
      else axis = r.axis(axisV, axisRef, table.headers[axisCol]);
      funderCols.forEach((ci, k) => {
        const ref = { sheet: table.sheet, cell: cellAddress(sheetRow, table.firstColumn + ci) };
        const raw = grid.get(i, ci);
        // A blank participation is a participation of zero; an unreadable one is left out (its finding says why).
        const amount = isBlank(raw) ? 0 : r.amount(raw, ref, funders[k].header);
        if (axis && amount !== undefined) cells.push({ funder: funders[k].key, axis, amount, ref });
        // An unreadable amount, or an amount on an unknown axis: left out, and remembered so no total is judged without it.
        else if (amount === undefined || amount !== 0) unreadable.push({ funder: funders[k].key, axis, ref });
      });
    }
  }
  return { year, sheet: table.sheet, funders, cells, unreadable, range: tableRange(table) };
}
