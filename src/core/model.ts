/**
 * Reads a workbook snapshot against the contract: finds each table and column, turns each cell into
 * a typed value, and reports the cell-level findings (workbook.*, cell.*, period.outside,
 * axis.unknown). Domain rules then work on the typed model only.
 *
 * The work is split by job: where a table stands (locate.ts), one cell → a typed value or a finding
 * (cellReader.ts), the lines of a table (tableRows.ts), the participation tables
 * (participations.ts), the model's types (modelTypes.ts). This file puts them in order.
 */
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
import type { ActionFields, AvenantFields, BilanFields, ConventionFields, FinancingFields, InstanceFields, JalonFields, Model, ParticipationTable, PartnerFields } from './modelTypes';
import { knownCoFunders, readParticipations } from './participations';
import { profileOf } from './profile';
import type { WorkbookSnapshot } from './snapshot';
import { readRows } from './tableRows';

// The names every caller has always imported from here.
export type * from './modelTypes';
export { findHeaderRow, findTable, headersFit, tableRange } from './locate';

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
  const model: Omit<Model, 'read'> = {
    convention: readRows<ConventionFields>(loc(conventionTable), r2),
    participations,
    actions: readRows<ActionFields>(loc(actionsTable), r2),
    financing: readRows<FinancingFields>(loc(financingTable), r2),
    avenants: readRows<AvenantFields>(loc(avenantsTable), r2),
    partners: readRows<PartnerFields>(loc(partnersTable), r2),
    instances: readRows<InstanceFields>(loc(instancesTable), r2),
    bilans: readRows<BilanFields>(loc(bilansTable), r2),
    jalons: readRows<JalonFields>(loc(jalonsTable), r2),
    coFunders,
    located,
    profile,
  };
  // What was read, in the contract's order (the lines counted by the reading above).
  const read = userTablesOf(profile).flatMap((d) => located[d.key]?.read ?? []);
  return { ...model, read };
}
