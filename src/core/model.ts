/**
 * Reads a workbook snapshot against the contract: finds each table and column, turns each cell into
 * a typed value, and reports the cell-level findings (workbook.*, cell.*, period.outside,
 * axis.unknown). Domain rules then work on the typed model only.
 *
 * The work is split by job: where a table stands (locate.ts), one cell → a typed value or a finding
 * (cellReader.ts), the lines of a table (tableRows.ts), the participation tables
 * (participations.ts), the model's types (modelTypes.ts). This file puts them in order.
 */
import { outsideFindings } from './outside';
import {
  actionsTable,
  avenantsTable,
  bilansTable,
  conventionTable,
  financingTable,
  instancesTable,
  jalonsTable,
  participationTablesOf,
  partnersTable,
  userTablesOf,
  type TableDef,
} from './contract';
import { CellReader } from './cellReader';
import type { RawFinding } from './findings';
import { locate } from './locate';
import type { ActionFields, AvenantFields, BilanFields, ConventionFields, FinancingFields, InstanceFields, JalonFields, Lines, Model, ParticipationTable, PartnerFields, Row } from './modelTypes';
import { knownCoFunders, readParticipations } from './participations';
import { profileOf } from './profile';
import type { WorkbookSnapshot } from './snapshot';
import { readLines, rowLines, type TableLines } from './tableRows';

// The names every caller has always imported from here.
export type * from './modelTypes';
export { findHeaderRow, findTable, headersFit, tableRange } from './locate';

/** The tables read into lines, by their key in the model, with their fields. */
interface LineTables {
  convention: ConventionFields;
  actions: ActionFields;
  financing: FinancingFields;
  avenants: AvenantFields;
  partners: PartnerFields;
  instances: InstanceFields;
  bilans: BilanFields;
  jalons: JalonFields;
}
export type LineTableKey = keyof LineTables;

/** The tables of a model whose rows are not made yet: their lines, read column by column. */
const unmade = new WeakMap<Model, Map<LineTableKey, Lines<unknown>>>();

/**
 * `model[key]` made on first read (or replaced by a write), then an ordinary property: a check reads
 * its financing lines through linesOf only, and never makes an object per line.
 */
function rowsOnDemand(model: Model, key: LineTableKey, lines: TableLines<unknown>): void {
  let pending = unmade.get(model);
  if (!pending) unmade.set(model, (pending = new Map()));
  pending.set(key, lines);
  const settle = (rows: unknown) => {
    pending.delete(key);
    Object.defineProperty(model, key, { value: rows, writable: true, enumerable: true, configurable: true });
    return rows;
  };
  Object.defineProperty(model, key, { enumerable: true, configurable: true, get: () => settle(lines.rows()), set: settle });
}

/** A table's lines column by column: from the store while its rows are not made, else from its rows (a model built by hand, or edited). */
export function linesOf<K extends LineTableKey>(model: Model, key: K): Lines<LineTables[K]> {
  return (unmade.get(model)?.get(key) as Lines<LineTables[K]> | undefined) ?? rowLines(model[key] as Row<LineTables[K]>[]);
}

export function readModel(snapshot: WorkbookSnapshot, out: RawFinding[]): Model {
  const coFunders: string[] = [];
  const profile = profileOf(snapshot);
  const r = new CellReader(out, coFunders, profile);
  const located: Model['located'] = {};
  const loc = (def: TableDef) => (located[def.key] = locate(snapshot, def, r));
  // Participations first: their headers declare the co-funders the other tables may name.
  const participations: ParticipationTable[] = [];
  const known = knownCoFunders(snapshot, profile);
  participationTablesOf(profile).forEach((def, i) => {
    const p = readParticipations(loc(def), profile.years[i], known, r, coFunders);
    if (p) participations.push(p);
  });
  const r2 = new CellReader(out, coFunders, profile);
  // Read in the contract's order (the findings come in it); the rows made when asked for.
  const tables: [LineTableKey, TableDef][] = [
    ['convention', conventionTable],
    ['actions', actionsTable],
    ['financing', financingTable],
    ['avenants', avenantsTable],
    ['partners', partnersTable],
    ['instances', instancesTable],
    ['bilans', bilansTable],
    ['jalons', jalonsTable],
  ];
  const lines = tables.map(([key, def]) => {
    const l = loc(def);
    return [key, l ? readLines<unknown>(l, r2) : undefined] as const;
  });
  const model: Model = {
    convention: [],
    participations,
    actions: [],
    financing: [],
    avenants: [],
    partners: [],
    instances: [],
    bilans: [],
    jalons: [],
    coFunders,
    located,
    profile,
    // What was read, in the contract's order (the lines counted by the reading above).
    read: userTablesOf(profile).flatMap((d) => located[d.key]?.read ?? []),
  };
  for (const [key, l] of lines) if (l) rowsOnDemand(model, key, l);
  // What the contract's sheets hold outside their tables: never read, so named.
  outsideFindings(snapshot, model.read, (rule, ref, params) => r2.emit(rule, ref, params));
  return model;
}
