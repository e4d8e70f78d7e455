/**
 * The shared strings part, read whole or cut anywhere, gives the same strings, whether kept as bytes
 * (PackedStrings.stage), as strings, or skipped: every form of string a producer writes.
 */
import { Buffer } from 'buffer';
import fc from 'fast-check';
import { readSharedStrings } from '../../src/hosts/xlsx/strings';
import type { ZipPackage } from '../../src/hosts/xlsx/zip';
import type { ByteSpan } from '../../src/core/tableGrid';

/** A package holding one part, handed to the reader in pieces cut at `cuts`. */
function pkg(xml: string, cuts: number[]): ZipPackage {
  const bytes = Buffer.from(xml, 'utf8');
  return {
    has: () => true,
    names: () => ['xl/sharedStrings.xml'],
    read: () => Promise.resolve(bytes),
    stream: (_name, onChunk) => {
      let at = 0;
      for (const c of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b).concat(bytes.length)) {
        if (c > at) onChunk(bytes.subarray(at, c) as Buffer);
        at = Math.max(at, c);
      }
      return Promise.resolve();
    },
  };
}

const SI = [
  '<si><t>BENCH-000123</t></si>',
  '<si><t xml:space="preserve"> deux  espaces </t></si>',
  '<si><t>R&amp;D &#233;t&#xE9;</t></si>',
  '<si><t>a_x000D_b</t></si>',
  '<si><t>Économie sociale</t></si>',
  '<si><t></t></si>',
  '<si><t/></si>',
  '<si><r><t>CO</t></r><r><rPr><b/></rPr><t>PIL</t></r></si>',
  '<si><t>ab</t><rPh sb="0" eb="1"><t>x</t></rPh></si>',
  '<si><t><![CDATA[x<y]]></t></si>',
  '<si>\n  <t>indenté</t>\n</si>',
  '<x:si><x:t>préfixé</x:t></x:si>',
  '<si><t>REF_01</t></si>',
  '<si><t>1</t></si>',
  '<si><t xml:space="preserve">   </t></si>',
  '<si><t xml:space="preserve">\u00a0\t</t></si>',
  '<si><t xml:space="preserve"> \n x </t></si>',
];
const EXPECTED = ['BENCH-000123', ' deux  espaces ', 'R&D été', 'a\rb', 'Économie sociale', '', '', 'COPIL', 'ab', 'x<y', 'indenté', 'préfixé', 'REF_01', '1', '   ', '\u00a0\t', ' \n x '];

const doc = (sis: string[]) => `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${sis.length}">${sis.join('')}</sst>`;

/** Every index kept, used by one cell (packed as bytes when it can be) or by two (a string). */
const usedOnce = (n: number) => new Uint8Array(n).fill(1);
const usedTwice = (n: number) => new Uint8Array(n).fill(2);
const strings = (t: { at(i: number): string | undefined } | (string | undefined)[], n: number) => Array.from({ length: n }, (_, i) => (Array.isArray(t) ? t[i] : t.at(i)));
/** Which strings the table tells blank (not kept, or white space only) without making them: what the model asks of every text cell. */
const blanks = (t: { blank?(i: number): boolean } | unknown[], n: number) => Array.from({ length: n }, (_, i) => (Array.isArray(t) || !t.blank ? null : t.blank(i)));
const blankOf = (s: string | undefined) => s === undefined || s.trim() === '';
/** Each string as the table's bytes give it (Latin-1), null when it keeps no bytes for it: what check hashes references from. */
const asBytes = (t: { bytes?(i: number, out: ByteSpan): boolean } | unknown[], n: number) =>
  Array.from({ length: n }, (_, i) => {
    const out: ByteSpan = { bytes: new Uint8Array(0), from: 0, to: 0 };
    return !Array.isArray(t) && t.bytes?.(i, out) ? Buffer.from(out.bytes.subarray(out.from, out.to)).toString('latin1') : null;
  });

test('every form of shared string reads as its events say: plain, preserved, entities, escapes, UTF-8, empty, rich, phonetic, CDATA, indented, prefixed', async () => {
  const xml = doc(SI);
  for (const needed of [null, usedOnce(SI.length), usedTwice(SI.length)]) {
    const t = await readSharedStrings(pkg(xml, []), 'xl/sharedStrings.xml', needed);
    expect(strings(t, SI.length)).toEqual(EXPECTED);
    if (needed) expect(blanks(t, SI.length)).toEqual(EXPECTED.map(blankOf));
  }
  // Used by one cell, a string in Latin-1 is kept as bytes, and its bytes are the string; used twice, a string.
  const once = await readSharedStrings(pkg(xml, []), 'xl/sharedStrings.xml', usedOnce(SI.length));
  const kept = asBytes(once, SI.length);
  expect(kept[0]).toBe('BENCH-000123');
  expect(kept[4]).toBe('Économie sociale');
  kept.forEach((b, i) => b === null || expect(b).toBe(EXPECTED[i]));
  expect(asBytes(await readSharedStrings(pkg(xml, []), 'xl/sharedStrings.xml', usedTwice(SI.length)), SI.length)).toEqual(SI.map(() => null));
});

test('property: cut anywhere, in any number of pieces, the strings are the same (kept as bytes, as strings, or skipped)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...SI.keys()), { minLength: 1, maxLength: 12 }),
      fc.array(fc.nat(2000), { maxLength: 8 }),
      fc.array(fc.constantFrom(0, 1, 2), { minLength: 12, maxLength: 12 }),
      async (picks, cuts, uses) => {
        const xml = doc(picks.map((k) => SI[k]));
        const needed = Uint8Array.from(picks.map((_, i) => uses[i]));
        const whole = strings(await readSharedStrings(pkg(xml, []), 'xl/sharedStrings.xml', needed), picks.length);
        expect(whole).toEqual(picks.map((k, i) => (uses[i] === 0 ? undefined : EXPECTED[k])));
        const table = await readSharedStrings(pkg(xml, cuts), 'xl/sharedStrings.xml', needed);
        const cut = strings(table, picks.length);
        expect(cut).toEqual(whole);
        expect(blanks(table, picks.length)).toEqual(whole.map(blankOf));
        asBytes(table, picks.length).forEach((b, i) => b === null || expect(b).toBe(whole[i]));
      },
    ),
    { numRuns: 300 },
  );
});
