/**
 * check's duplicate-reference reading (duplicateReferences: keys hashed in place, none kept) says
 * exactly what the reconciliation's grouping (financingByReference) says, on any references.
 */
import fc from 'fast-check';
import type { FinancingFields, Row } from '../../../src/core/model';
import { duplicateReferences, financingByReference } from '../../../src/core/reconcile/keys';

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
