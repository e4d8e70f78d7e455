/**
 * A formula's tokens: numbers, "text", references ('Feuil 1'!A1:B2, #REF!), structured references
 * (Table[Column]), names and operators. Anything else is #NAME?, as Excel answers.
 */
import { FError } from './values';

export type Tok = { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'op'; v: string } | { t: 'ref'; v: string } | { t: 'name'; v: string } | { t: 'struct'; table: string; column: string };

/** Patterns tried in order at each position, with the token each makes. */
const LEXEMES: [RegExp, (m: RegExpExecArray) => Tok][] = [
  [/^(?!\d+:\d+)(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/, (m) => ({ t: 'num', v: Number(m[0]) })],
  // What Excel leaves of a reference to a deleted sheet.
  [/^#REF!/, (m) => ({ t: 'ref', v: m[0] })],
  // A reference: optional sheet ('quoted'! or Name!), a cell, optional :cell.
  [/^((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![A-Za-z0-9_(])/, (m) => ({ t: 'ref', v: m[0] })],
  [/^([A-Za-z_][A-Za-z0-9_.]*)?\[([^\]]+)\]/, (m) => ({ t: 'struct', table: m[1] ?? '', column: m[2] })],
  [/^[A-Za-z_][A-Za-z0-9_.]*/, (m) => ({ t: 'name', v: m[0] })],
  [/^(<>|<=|>=|[-+*/^&=<>(),:])/, (m) => ({ t: 'op', v: m[0] })],
];

/** "text" with "" for a quote; returns the text and the position after the closing quote. */
function stringAt(src: string, start: number): [string, number] {
  let s = '';
  let i = start + 1;
  while (i < src.length) {
    if (src[i] === '"' && src[i + 1] === '"') {
      s += '"';
      i += 2;
    } else if (src[i] === '"') break;
    else s += src[i++];
  }
  return [s, i + 1];
}

/** Pushes the token at the start of `rest`; returns its length. */
function lexeme(rest: string, out: Tok[]): number {
  for (const [re, make] of LEXEMES) {
    const m = re.exec(rest);
    if (!m) continue;
    out.push(make(m));
    return m[0].length;
  }
  throw new FError('#NAME?');
}

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    if (src[i] === ' ') {
      i++;
      continue;
    }
    if (src[i] === '"') {
      const [s, next] = stringAt(src, i);
      out.push({ t: 'str', v: s });
      i = next;
      continue;
    }
    i += lexeme(src.slice(i), out);
  }
  return out;
}
