/**
 * The shared strings and the styles of a workbook, as the reader needs them: the strings the kept
 * cells use (rich text runs joined, phonetic guides left out), and which cell styles are dates.
 */
import { XmlScanner } from './xml';
import type { ZipPackage } from './zip';

/** Excel escapes characters XML cannot carry as `_xHHHH_` (`_x000D_` for a carriage return). */
export function unescapeOoxml(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * Streams the shared strings part; keeps string i when `needed` is null (all) or needed[i] is set.
 * The others are skipped without being decoded.
 */
export async function readSharedStrings(zip: ZipPackage, part: string, needed: Uint8Array | null): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  let index = 0;
  let inSi = false;
  let phonetic = 0;
  let keep = false;
  let acc = '';
  const scanner = new XmlScanner(
    {
      open(s) {
        if (s.is('si')) {
          inSi = true;
          keep = needed === null || (index < needed.length && needed[index] === 1);
          acc = '';
        } else if (s.is('rPh')) phonetic++;
        else if (inSi && keep && phonetic === 0 && s.is('t') && !s.selfClosing) s.wantText = true;
      },
      close(s) {
        if (s.is('t')) s.wantText = false;
        else if (s.is('rPh')) phonetic--;
        else if (s.is('si')) {
          if (keep) out[index] = unescapeOoxml(acc);
          index++;
          inSi = false;
          // Past the last string anyone needs: nothing more to keep.
          if (needed !== null && index >= needed.length) s.wantText = false;
        }
      },
      text(s) {
        acc += s.text();
      },
    },
    part,
  );
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  return out;
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** A format code shows a date when, outside quotes, escapes and [colour]/[$€-40C] brackets, it has a day, month, year, hour or second. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  // A format with no date letters in its first section (the positive numbers) is a number format.
  return /[dmyhs]/i.test(bare.split(';')[0]) && !/^general$/i.test(bare.trim());
}

/** For each cell style index (the `s` of a cell), whether it shows a date. */
export async function readDateStyles(zip: ZipPackage, part: string): Promise<Uint8Array> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner(
    {
      open(s) {
        if (s.is('numFmt')) custom.set(s.attrInt('numFmtId'), s.attr('formatCode') ?? '');
        else if (s.is('cellXfs')) inCellXfs = !s.selfClosing;
        else if (inCellXfs && s.is('xf')) xfFormats.push(Math.max(0, s.attrInt('numFmtId')));
      },
      close(s) {
        if (s.is('cellXfs')) inCellXfs = false;
      },
    },
    part,
  );
  await zip.stream(part, (c) => scanner.push(c));
  scanner.end();
  const dates = new Uint8Array(xfFormats.length);
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) ? 1 : 0;
  });
  return dates;
}
