/**
 * What the pane and the hosts need of a workbook's convention sheet without its reader (and its
 * SHA-256, core/profileStore.ts, loaded on demand by the task pane): the sheet's name, how far it
 * is read, why a convention cannot be trusted and how that is said.
 */
import type { ProfileStoreMessages } from './i18n/profileStoreTypes';

/** The sheet's name: the add-in's, in no language (like SuiviCES-ecriture). */
export const PROFILE_SHEET = 'SuiviCES-convention';
/** Rows before the first piece of text (mark, id, hash, count). */
export const PROFILE_HEAD_ROWS = 4;
/** Rows a reader fetches at most: head + pieces (100 × 30 000 characters, far beyond any convention). */
export const PROFILE_MAX_ROWS = PROFILE_HEAD_ROWS + 100;

/**
 * Why a profile cannot be read: the sheet's cells, its hash, its JSON or what the JSON holds. Words in the
 * catalogues (i18n `profileStore.why`); `detail` is already the validator's French line.
 */
export type ProfileProblem =
  | { kind: 'mark'; cell: string }
  | { kind: 'cell'; what: 'id' | 'hash' | 'count' | 'piece'; cell: string; piece?: number; of?: number }
  | { kind: 'hash' }
  | { kind: 'json'; line?: number; column?: number; token?: string }
  | { kind: 'document'; detail: string }
  | { kind: 'id'; cell: string; inCell: string; inText: string };

/** A problem in the reader's words (the catalogue's `profileStore.why`). */
export function problemText(why: ProfileStoreMessages['why'], p: ProfileProblem): string {
  switch (p.kind) {
    case 'mark':
      return why.mark(p.cell);
    case 'cell':
      return p.what === 'piece' ? why.piece(p.piece ?? 0, p.of ?? 0, p.cell) : why[p.what](p.cell);
    case 'hash':
      return why.changed;
    case 'json':
      return p.line !== undefined ? why.json(p.line, p.column ?? 0) : p.token !== undefined ? why.jsonToken(p.token) : why.jsonEnd;
    case 'document':
      return why.document(p.detail);
    case 'id':
      return why.idMismatch(p.cell, p.inCell, p.inText);
  }
}

/**
 * A workbook whose convention cannot be trusted, from a host that has no error of its own for it
 * (Excel): the pane words `problem` in its language. Never the CES ESS in its place.
 */
export class ProfileUnreadableError extends Error {
  override readonly name = 'ProfileUnreadableError';
  constructor(readonly problem: ProfileProblem) {
    // For the console only: the pane words `problem` (i18n profileStore).
    super(`unreadable convention in sheet ${PROFILE_SHEET} (${problem.kind})`);
  }
}
