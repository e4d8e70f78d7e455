/** Articles 3, 4, 5 (amounts) and 7 (avenants) of the convention. */
import { avenantKey } from '../contract';
import { profile, signedAmount } from '../profile';
import { matchKey, levenshtein } from '../text';
import type { Cents } from '../money';
import type { FunderKey } from '../model';
import { funderName, hasBegun, type Rule } from './context';

export const participationSums = (ctx: Parameters<Rule>[0], funder: FunderKey, year: number): Cents | undefined => {
  const table = ctx.model.participations.find((p) => p.year === year);
  if (!table) return undefined;
  let sum = 0;
  for (const c of table.cells) if (c.funder === funder) sum += c.amount;
  return sum;
};

/** convention.total-mismatch (Art. 3, 4, 5): the axes' participations must add up to the Convention amount. */
export const totalMismatch: Rule = (ctx) => {
  for (const row of ctx.model.convention) {
    const { funder, year, amount } = row.v;
    if (!funder || funder.startsWith('co:') || year === undefined || amount === undefined) continue;
    const table = ctx.model.participations.find((p) => p.year === year);
    if (!table) continue;
    const actual = participationSums(ctx, funder, year)!;
    if (actual === amount) continue;
    const column = table.funders.find((f) => f.key === funder);
    const ref = column ? column.range : table.range;
    ctx.emit('convention.total-mismatch', ref, {
      funder: funderName(funder),
      year,
      expected: amount,
      actual,
      gap: actual - amount,
      other: `${row.ref.amount.sheet}!${row.ref.amount.cell}`,
    });
  }
};

/** convention.changed-without-avenant (Art. 7): any change to a signed amount needs an avenant. */
export const changedWithoutAvenant: Rule = (ctx) => {
  for (const row of ctx.model.convention) {
    const { funder, year, amount, avenant } = row.v;
    if (!funder || funder.startsWith('co:') || year === undefined || amount === undefined) continue;
    const signed = signedAmount(funder as 'region' | 'etat' | 'cdc', year);
    if (!signed || signed.amount === null || signed.amount === amount || avenant) continue;
    ctx.emit('convention.changed-without-avenant', row.ref.amount, {
      funder: funderName(funder),
      year,
      expected: signed.amount,
      actual: amount,
      gap: amount - signed.amount,
    });
  }
};

/** convention.unknown-avenant (Art. 7): an avenant named in Convention or Partenaires must exist. */
export const unknownAvenant: Rule = (ctx) => {
  const known = new Set(ctx.model.avenants.map((a) => a.v.number).filter((n): n is string => !!n).map(avenantKey));
  for (const rows of [ctx.model.convention, ctx.model.partners]) {
    for (const row of rows) {
      const a = row.v.avenant;
      if (a && !known.has(avenantKey(a))) ctx.emit('convention.unknown-avenant', row.ref.avenant, { text: a });
    }
  }
};

/** convention.unconfirmed (Art. 3, 4): Région and État amounts are "sous réserve" until a budget decision. */
export const unconfirmed: Rule = (ctx) => {
  for (const row of ctx.model.convention) {
    const { funder, year, status, decision } = row.v;
    if ((funder !== 'region' && funder !== 'etat') || year === undefined || !status) continue;
    if ((status === 'sous-reserve' || status === 'previsionnel') && hasBegun(ctx, year) && !decision) {
      ctx.emit('convention.unconfirmed', row.ref.status, { funder: funderName(funder), year, variant: status });
    }
  }
};

/** convention.cdc-undecided (Art. 5): CDC 2015-2016 depend on the comité régional d'engagement. */
export const cdcUndecided: Rule = (ctx) => {
  const years = profile.signedAmounts.filter((s) => s.funder === 'cdc' && s.amount === null).map((s) => s.year);
  const conv = ctx.model.located.convention;
  for (const year of years) {
    if (!hasBegun(ctx, year) || !conv) continue;
    const row = ctx.model.convention.find((r) => r.v.funder === 'cdc' && r.v.year === year);
    if (!row) {
      ctx.emit('convention.cdc-undecided', { sheet: conv.table.sheet, cell: `A${conv.table.headerRow}` }, { year, variant: 'no-row' });
    } else if (row.v.amount === undefined) {
      ctx.emit('convention.cdc-undecided', row.ref.amount, { year, variant: 'no-amount' });
    } else if (!row.v.decision) {
      ctx.emit('convention.cdc-undecided', row.ref.decision, { year, variant: 'no-decision' });
    }
  }
};

const originalPartners = profile.partners.filter((p) => !p.avenant).flatMap((p) => [p.name, ...p.aliases].map(matchKey));

function isOriginalPartner(name: string): boolean {
  const k = matchKey(name);
  // OCR and typing slips ("Ville de Villeurbane") should not turn a signatory into a newcomer.
  return originalPartners.some((o) => o === k || levenshtein(o, k) <= 2);
}

/** partner.without-avenant (Art. 6, 7): a collectivité that joins after signature needs an avenant. */
export const partnerWithoutAvenant: Rule = (ctx) => {
  for (const row of ctx.model.partners) {
    const { name, avenant } = row.v;
    if (!name || avenant || isOriginalPartner(name)) continue;
    ctx.emit('partner.without-avenant', row.ref.avenant, { text: name });
  }
};
