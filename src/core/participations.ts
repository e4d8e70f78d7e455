/**
 * A participation table (Participations 2014, 2015, 2016): its funder columns are whatever stands
 * between Axe and Total — signatories by alias, co-funders by name when the workbook or the
 * convention knows them as partners —, each cell an amount for a funder on an axis. Any other
 * column ("Part Région (%)", "Commentaire") is ignored with a warning, never made a co-funder.
 * model.ts (check) and versions/lines.ts (diff, close) classify the columns here, the same way.
 */
import { avenantsTable, conventionTable, partnersTable, resolveFunder } from './contract';
import type { CellReader } from './cellReader';
import { cellText } from './cellReader';
import { locate, silentReader, tableRange } from './locate';
import type { LocatedTable, ParticipationCell, ParticipationTable, Reader } from './modelTypes';
import { perProfile, type AxisId, type Profile } from './profile';
import { cellAddress, isBlank, type WorkbookSnapshot } from './snapshot';
import { tableGrid } from './tableGrid';
import { closest, matchKey } from './text';
import { funderNames } from './conventionNames';

const signatoryCandidates = perProfile((p) => p.funders.map((f) => ({ id: f.id, keys: [f.label.fr, ...f.aliases] })));

/** "Ville de Lyon", "Commune de Lyon", "Lyon" → one key (what kind of body it is does not change who). */
const coFunderKey = (name: string) => matchKey(name.replace(/^\s*(la |le )?(ville|commune|mairie)\s+(de\s+|d['’])/i, ''));

/**
 * The collectivités a participation column may name as a co-funder: the convention's partners (and
 * their aliases), the Partenaires table, the funders Convention names and the partners the
 * Avenants add. Read from the cells as typed (the check reads those tables after the participations).
 */
export function knownCoFunders(snapshot: WorkbookSnapshot, profile: Profile): Set<string> {
  const keys = new Set(profile.partners.flatMap((p) => [p.name, ...p.aliases].map(coFunderKey)));
  const texts = (def: typeof partnersTable, column: string, split = false) => {
    const loc = locate(snapshot, def, silentReader);
    const ci = loc?.columns[column] ?? -1;
    if (!loc || ci < 0) return;
    const grid = tableGrid(loc.table);
    for (let i = 0; i < loc.rowCount; i++) {
      const t = cellText(grid.get(i, ci));
      if (t) for (const name of split ? t.split(/[;\n]+/) : [t]) if (name.trim()) keys.add(coFunderKey(name));
    }
  };
  texts(partnersTable, 'name');
  texts(conventionTable, 'funder');
  texts(avenantsTable, 'partners', true);
  return keys;
}

/** A funder column of a participation table: its snapshot index and funder key. */
export interface FunderColumn {
  index: number;
  key: ParticipationTable['funders'][number]['key'];
  header: string;
}

/** Headers that are no funder whatever they name: a share, a rate, a note. */
const NOT_A_FUNDER = /%|\b(part|taux|ratio|commentaires?|notes?|observations?|remarques?|sources?)\b/i;

/** The funder columns of the table, and the findings about the others (a typo, a column ignored). */
export function funderColumnsOf(loc: LocatedTable, known: ReadonlySet<string>, r: Reader, profile: Profile): FunderColumn[] {
  const { table, columns, def } = loc;
  const out: FunderColumn[] = [];
  table.headers.forEach((h, ci) => {
    if (ci === columns.axis || ci === columns.total || isBlank(h)) return;
    const ref = { sheet: table.sheet, cell: cellAddress(table.headerRow, table.firstColumn + ci) };
    const ignore = () => {
      (loc.read.ignoredColumns ??= []).push(h);
      r.emit('workbook.column-ignored', ref, { table: def.name, text: h });
    };
    const id = resolveFunder(h, profile);
    if (id) return void out.push({ index: ci, key: id, header: h });
    if (NOT_A_FUNDER.test(h) || /k\s*€|keur/i.test(h)) return ignore();
    const typo = closest(h, signatoryCandidates(profile), (c) => c.keys);
    if (typo) return void r.emit('cell.unknown-funder', ref, { column: h, text: h, suggestion: profile.funders.find((f) => f.id === typo.id)!.label.fr, funders: funderNames(profile) });
    if (!known.has(coFunderKey(h))) return ignore();
    out.push({ index: ci, key: `co:${h.trim()}`, header: h });
  });
  return out;
}

/** The funder columns as the model keeps them; a co-funder's header is added to `coFunders` (the other tables may name it). */
function funderColumns(loc: LocatedTable, known: ReadonlySet<string>, r: CellReader, coFunders: string[]): ParticipationTable['funders'] {
  const { table } = loc;
  const lastRow = table.headerRow + Math.max(1, loc.rowCount);
  return funderColumnsOf(loc, known, r, r.profile).map(({ index, key, header }) => {
    const colNo = table.firstColumn + index;
    if (key.startsWith('co:') && !coFunders.some((c) => matchKey(c) === matchKey(header))) coFunders.push(header.trim());
    return {
      key,
      header,
      ref: { sheet: table.sheet, cell: cellAddress(table.headerRow, colNo) },
      range: { sheet: table.sheet, cell: `${cellAddress(table.headerRow + 1, colNo)}:${cellAddress(lastRow, colNo)}` },
    };
  });
}

export function readParticipations(loc: LocatedTable | undefined, year: number, known: ReadonlySet<string>, r: CellReader, coFunders: string[]): ParticipationTable | undefined {
  if (!loc) return undefined;
  const { table, columns, skip } = loc;
  const grid = tableGrid(table);
  const axisCol = columns.axis;
  const funders = funderColumns(loc, known, r, coFunders);
  const cells: ParticipationCell[] = [];
  const unreadable: ParticipationTable['unreadable'] = [];
  let lines = 0;
  if (axisCol >= 0) {
    const funderCols = funders.map((f) => table.headers.indexOf(f.header));
    for (let i = 0; i < loc.rowCount; i++) {
      if (skip?.has(i)) continue;
      const sheetRow = table.headerRow + 1 + i;
      const axisV = grid.get(i, axisCol);
      if (isBlank(axisV) && funderCols.every((ci) => isBlank(grid.get(i, ci)))) continue;
      lines++;
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
  loc.read.lines = lines;
  return { year, sheet: table.sheet, funders, cells, unreadable, range: tableRange(table) };
}
