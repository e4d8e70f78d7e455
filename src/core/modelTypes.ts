/**
 * The typed model the rules read: each contract table's lines with typed values (cents, ids, years,
 * dates), where each value stands, and the participation tables by funder and axis. model.ts reads
 * a snapshot into it.
 */
import type { TableDef } from './contract';
import type { RuleId } from './findings';
import type { RuleParams } from './ruleParams';
import type { Cents } from './money';
import type { AvenantKind, AxisId, FunderId, InstanceId, Profile, StatusId } from './profile';
import type { TableRead } from './readReport';
import type { TableSnapshot } from './snapshot';
import type { ByteSpan } from './tableGrid';

export interface Ref {
  sheet: string;
  cell: string;
}

/** A signatory's id, or a co-funder's name as the user wrote it in a participation header. */
export type FunderKey = FunderId | `co:${string}`;

export interface Row<T> {
  /** Typed values; undefined when the cell is blank or unusable (a finding then says why). */
  v: Partial<T>;
  ref: Record<keyof T, Ref>;
  /** 0-based index among the table's data rows. */
  index: number;
  /** Columns whose cell holds something unreadable (a finding says why): not blank, not a value either. */
  bad?: ReadonlySet<string>;
}

/**
 * A table's lines read column by column, the same values as its rows (Row.v, Row.bad, Row.ref): what
 * the rules that walk every financing line read (model.ts linesOf), without an object per line.
 */
export interface Lines<T> {
  readonly length: number;
  /** Line i's value in column `key`, as `rows[i].v[key]`. */
  column<K extends keyof T>(key: K): (i: number) => T[K] | undefined;
  /**
   * A text column whose cells the host keeps as Latin-1 bytes (the .xlsx reader's packed shared
   * strings): line i's text as bytes, untrimmed, when it is kept so (true), else false (read it with
   * `column`). Absent or null: never.
   */
  bytes?(key: keyof T): ((i: number, out: ByteSpan) => boolean) | null;
  /** Whether line i's cell in column `key` holds something unreadable, as `rows[i].bad?.has(key)`. */
  unreadable(key: keyof T): (i: number) => boolean;
  /** Where line i's cell in column `key` stands, as `rows[i].ref[key]`. */
  ref(i: number, key: keyof T): Ref;
}

export interface ConventionFields {
  funder: FunderKey;
  year: number;
  amount: Cents;
  status: StatusId;
  basis: string;
  avenant: string;
  decision: string;
}
export interface ActionFields {
  code: string;
  axis: AxisId;
  title: string;
  holder: string;
  entryYear: number;
  copilDecision: string;
}
export interface FinancingFields {
  code: string;
  year: number;
  funder: FunderKey;
  planned: Cents;
  committed: Cents;
  paid: Cents;
  reference: string;
  comment: string;
}
export interface AvenantFields {
  number: string;
  date: Date;
  object: string;
  deliberation: string;
  kind: AvenantKind;
  funder: FunderKey;
  year: number;
  amount: Cents;
  /** Collectivités the avenant adds, separated by ";" or line breaks. */
  partners: string;
}
export interface PartnerFields {
  name: string;
  kind: string;
  deliberation: string;
  date: Date;
  avenant: string;
}
export interface InstanceFields {
  instance: InstanceId;
  date: Date;
  object: string;
}
export interface BilanFields {
  code: string;
  year: number;
  receivedOn: Date;
  comment: string;
  period: string;
}
export interface JalonFields {
  milestone: string;
  due: Date;
  doneOn: Date;
  evaluator: string;
}

export interface ParticipationCell {
  funder: FunderKey;
  axis: AxisId;
  amount: Cents;
  ref: Ref;
}

export interface ParticipationTable {
  year: number;
  sheet: string;
  funders: { key: FunderKey; header: string; ref: Ref; range: Ref }[];
  cells: ParticipationCell[];
  /** Cells that hold something unreadable (cell.not-a-number…): their funder and axis, so that no total is judged without them. */
  unreadable: { funder: FunderKey; axis: AxisId | undefined; ref: Ref }[];
  /** The whole data range, for findings about the table. */
  range: Ref;
}

export interface LocatedTable {
  def: TableDef;
  table: TableSnapshot;
  /** Column index in the snapshot for each column key of the def; -1 when absent. */
  columns: Record<string, number>;
  /** Rows of the table's grid to read: 0 … rowCount − 1, minus `skip` (extent.ts). */
  rowCount: number;
  /** Rows that are no data: a typed total line, the totals row, an unclear row under the table. */
  skip: ReadonlySet<number> | undefined;
  /** What was read (its `lines` filled by the reading). */
  read: TableRead;
}

export interface Model {
  convention: Row<ConventionFields>[];
  participations: ParticipationTable[];
  actions: Row<ActionFields>[];
  financing: Row<FinancingFields>[];
  avenants: Row<AvenantFields>[];
  partners: Row<PartnerFields>[];
  instances: Row<InstanceFields>[];
  bilans: Row<BilanFields>[];
  jalons: Row<JalonFields>[];
  coFunders: string[];
  /** Where each table is, for findings that point at a whole table. */
  located: Record<string, LocatedTable | undefined>;
  /** What was read, per table found, in the contract's order. */
  read: TableRead[];
  /** The convention the workbook follows (snapshot.profile, else the built-in CES ESS): every rule reads it. */
  profile: Profile;
}

export interface Reader {
  emit<R extends RuleId>(rule: R, ref: Ref, params: RuleParams[R]): void;
}
