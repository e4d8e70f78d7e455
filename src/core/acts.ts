/**
 * The convention's acts in time (issue 20): an avenant, a deliberation, a decision (the Région's
 * budget vote, the Loi de finances, the CDC's comité régional d'engagement), a meeting, a bilan, an
 * evaluation, a closure. An act exists at the situation date only if it is dated on or before it;
 * an undated act covers nothing yet (it is listed, with what it would cover once dated). Every
 * rule, status, total and page-1 sentence asks this module, so no output can disagree with another.
 */
import type { ConventionFields, Row } from './model';
import { parseDateText } from './text';

/** Where an act stands at the situation date. */
export type ActState = 'in-force' | 'future' | 'undated';

export function actState(date: Date | undefined, asOf: Date): ActState {
  if (!date) return 'undated';
  return date.getTime() <= asOf.getTime() ? 'in-force' : 'future';
}

/** Whether an act dated `date` exists at `asOf`. */
export const inForce = (date: Date | undefined, asOf: Date): date is Date => actState(date, asOf) === 'in-force';

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/**
 * The date a text gives its act: « Comité régional d'engagement du 10/03/2015 », « CP du 5 février
 * 2016 », « Loi de finances n°2014-1654 du 29 décembre 2014 », « 2015-03-10 ». The last date written
 * wins (« CP n°15.06.001 du 12/06/2015 »); a text without a full date is undated.
 */
export function dateInText(text: string | undefined): Date | undefined {
  if (!text) return undefined;
  const plain = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  let found: { at: number; date: Date } | undefined;
  const keep = (at: number, date: Date | null) => {
    if (date && (!found || at >= found.at)) found = { at, date };
  };
  for (const m of plain.matchAll(/(?<![\d./-])(\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2})(?![\d./-]*\d)/g)) keep(m.index ?? 0, parseDateText(m[1]));
  for (const m of plain.matchAll(/(?<!\d)(1er|\d{1,2})\s+([a-z]+)\s+(\d{4})(?!\d)/g)) {
    const month = MONTHS.indexOf(m[2]);
    if (month < 0) continue;
    const day = m[1] === '1er' ? 1 : Number(m[1]);
    const d = new Date(Date.UTC(Number(m[3]), month, day));
    keep(m.index ?? 0, d.getUTCDate() === day ? d : null);
  }
  return found?.date;
}

/** The decision that settles a renewed or undecided amount (Art. 3, 4, 5), as the Convention row records it. */
export interface Decision {
  text: string;
  date: Date | undefined;
  state: ActState;
}

/** The row's decision at `asOf`, or undefined when none is recorded. */
export function decisionOf(row: Row<ConventionFields> | undefined, asOf: Date): Decision | undefined {
  const text = row?.v.decision;
  if (!text) return undefined;
  const date = dateInText(text);
  return { text, date, state: actState(date, asOf) };
}

/** Far enough in the future that every dated act is in force: the diff's view, which has no situation date. */
export const END_OF_TIME = new Date(Date.UTC(9999, 11, 31));
