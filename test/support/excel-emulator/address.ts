/**
 * A1 addresses as Excel's API speaks them: "A1", "A1:C3", "A:C", "3:5", "'Feuil 1'!A1:C3".
 */
import { columnLetter, columnNumber } from '../../../src/core/snapshot';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cell A1: where Excel's answers for an empty sheet or selection point. */
export const A1: Readonly<Box> = { top: 1, left: 1, bottom: 1, right: 1 };

/** A box of rows×columns at (top, left). */
export function boxAt(top: number, left: number, rows = 1, columns = 1): Box {
  return { top, left, bottom: top + rows - 1, right: left + columns - 1 };
}

/** Splits "'Feuil 1'!A1:B2" into its sheet (unquoted) and the local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  const bang = s.lastIndexOf('!');
  if (bang < 0) return { local: s };
  let sheet = s.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: s.slice(bang + 1) };
}

export function parseBox(local: string): Box | null {
  const s = local.replace(/\$/g, '').trim().toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(s);
  if (m) {
    const a = { col: columnNumber(m[1]), row: Number(m[2]) };
    const b = m[3] ? { col: columnNumber(m[3]), row: Number(m[4]) } : a;
    return normal({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(s);
  if (m) return normal({ top: 1, left: columnNumber(m[1]), bottom: MAX_ROWS, right: columnNumber(m[2]) });
  m = /^(\d+):(\d+)$/.exec(s);
  if (m) return normal({ top: Number(m[1]), left: 1, bottom: Number(m[2]), right: MAX_COLUMNS });
  return null;
}

function normal(b: Box): Box | null {
  const box = { top: Math.min(b.top, b.bottom), bottom: Math.max(b.top, b.bottom), left: Math.min(b.left, b.right), right: Math.max(b.left, b.right) };
  if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLUMNS) return null;
  return box;
}

export function boxAddress(b: Box): string {
  const a = `${columnLetter(b.left)}${b.top}`;
  if (b.top === b.bottom && b.left === b.right) return a;
  return `${a}:${columnLetter(b.right)}${b.bottom}`;
}

/** Excel quotes a sheet name unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return outer.left <= inner.left && outer.right >= inner.right && outer.top <= inner.top && outer.bottom >= inner.bottom;
}

/** The cells two intersecting boxes share. */
export function intersection(a: Box, b: Box): Box {
  return { top: Math.max(a.top, b.top), left: Math.max(a.left, b.left), bottom: Math.min(a.bottom, b.bottom), right: Math.min(a.right, b.right) };
}
