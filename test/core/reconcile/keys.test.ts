/**
 * check's duplicate-reference reading (duplicateReferences: keys hashed in place, none kept) says
 * exactly what the reconciliation's grouping (financingByReference) says, on any references.
 */
import fc from 'fast-check';
import type { FinancingFields, Row } from '../../../src/core/model';
import { duplicateReferences, financingByReference } from '../../../src/core/reconcile/keys';
import type { ByteSpan } from '../../../src/core/tableGrid';

const lines = (refs: (string | undefined)[]) => refs.map((reference) => ({ v: { reference } }) as unknown as Row<FinancingFields>);

/** check's reading, on lines read column by column (as the rule reads them). */
const checkReading: typeof financingByReference = (fin, duplicate) => {
  duplicateReferences(fin.length, (i) => fin[i].v.reference, duplicate);
  return { keys: [], byRef: new Map() };
};

function pairs(refs: (string | undefined)[], find: typeof financingByReference): [number, number][] {
  const out: [number, number][] = [];
  find(lines(refs), (i, first) => out.push([i, first]));
  return out;
}

test('the same duplicates, line for line, as the reconciliation’s grouping', () => {
  const chars = fc.constantFrom('E', 'x', '-', ' ', '1', '2', 'é', 'É', '.', '\u00a0', 'ß', '_', 'a');
  const reference = fc.option(fc.array(chars, { maxLength: 6 }).map((cs) => cs.join('')), { nil: undefined });
  fc.assert(
    fc.property(fc.array(reference, { maxLength: 60 }), (refs) => {
      expect(pairs(refs, checkReading)).toEqual(pairs(refs, financingByReference));
    }),
    { numRuns: 500 },
  );
});

test('case, spaces and punctuation ignored; an accent meets its unaccented twin as the reconciliation does; no letter nor digit, no key', () => {
  const refs = ['EX-2014-CDC-001', 'ex 2014 cdc 001', 'EX-2014-CDC-0011', '---', '---', undefined, 'Réf-1', 'ref 1'];
  expect(pairs(refs, checkReading)).toEqual(pairs(refs, financingByReference));
  expect(pairs(refs, checkReading).slice(0, 1)).toEqual([[1, 0]]);
});

test('many distinct references (the table grows past its first size): none said twice', () => {
  const refs = Array.from({ length: 5000 }, (_, i) => `EX-${2014 + (i % 3)}-${i}`);
  expect(pairs([...refs, refs[4321].toLowerCase()], checkReading)).toEqual([[5000, 4321]]);
});

/**
 * The .xlsx reader keeps a reference one cell uses as Latin-1 bytes, untrimmed (Lines.bytes): check
 * hashes them without making the string. Whatever the cell holds (spaces and tabs around it, a
 * no-break space, accents, punctuation, nothing but spaces), the pairs are those of the strings.
 */
test('references hashed from their bytes: the same duplicates as from their strings', () => {
  const chars = fc.constantFrom('E', 'x', '-', ' ', '1', '2', 'é', 'É', '.', '\u00a0', '\t', 'ß', '_', 'a', 'Ω');
  const cell = fc.option(fc.array(chars, { maxLength: 6 }).map((cs) => cs.join('')), { nil: undefined });
  fc.assert(
    fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
      // What the rule reads: the cell's text trimmed (cellText), undefined when blank.
      const refs = cells.map((c) => (c === undefined || c.trim() === '' ? undefined : c.trim()));
      // What the host keeps as bytes: a non-empty text all in Latin-1 (PackedStrings), as the cell holds it.
      const bytesAt = (i: number, out: ByteSpan) => {
        const c = cells[i];
        if (c === undefined || c === '' || [...c].some((ch) => ch.charCodeAt(0) > 0xff)) return false;
        out.bytes = Uint8Array.from([...c].map((ch) => ch.charCodeAt(0)));
        out.from = 0;
        out.to = out.bytes.length;
        return true;
      };
      const fromBytes: [number, number][] = [];
      duplicateReferences(refs.length, (i) => refs[i], (i, first) => fromBytes.push([i, first]), bytesAt);
      expect(fromBytes).toEqual(pairs(refs, checkReading));
      expect(fromBytes).toEqual(pairs(refs, financingByReference));
    }),
    { numRuns: 500 },
  );
});

test('a reference read from bytes inside a larger buffer: only its own span is hashed', () => {
  // Each in a buffer of its own with other bytes around it: hashing past the span would part them.
  const held: [string, number, number][] = [
    ['xxEX-1yy', 2, 6],
    ['zz9ex 1', 3, 7],
  ];
  const out: [number, number][] = [];
  duplicateReferences(2, (i) => ['EX-1', 'ex 1'][i], (i, first) => out.push([i, first]), (i, span) => {
    span.bytes = Uint8Array.from(Buffer.from(held[i][0], 'latin1'));
    [, span.from, span.to] = held[i];
    return true;
  });
  expect(out).toEqual([[1, 0]]);
});
