/**
 * The contract's tables of a workbook that follows another convention than the CES ESS, once its
 * profile is read (hosts/office/profileRead.ts): the names of its own tables depend on it.
 */
import { userTables, userTablesOf } from '../../core/contract';
import type { Profile } from '../../core/profile';
import { matchKey } from '../../core/text';
import type { ReadResult } from './read';

/**
 * A workbook of another convention (its profile read in the first trip): the first trip queued the
 * CES ESS's tables by name, so its own (its years' Participations) are read in readFallbacks' trip —
 * as Excel tables under their own names, or as missing ones — and the CES's are nobody's missing.
 */
export function addConventionTables(read: ReadResult, profile: Profile): void {
  const defs = userTablesOf(profile);
  const own = new Set(defs.map((d) => matchKey(d.name)));
  const queued = new Set(userTables.map((d) => matchKey(d.name)));
  const present = new Map(read.tableNames.map((n) => [matchKey(n), n]));
  read.conventionTables = defs;
  read.missing = read.missing.filter((n) => own.has(matchKey(n)));
  read.renamed = read.renamed.filter((r) => own.has(matchKey(r.def.name)));
  for (const def of defs) {
    if (queued.has(matchKey(def.name))) continue;
    const name = present.get(matchKey(def.name));
    if (name) read.renamed.push({ def, foundAs: name });
    else read.missing.push(def.name);
  }
}
