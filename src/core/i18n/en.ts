/** Every word the English reader sees (the second language; French is the reference). */
import { qualifiedAddress } from '../cells';
import { formatEuros, formatGap } from '../money';
import type { Messages } from './types';
import { instanceLabel } from '../contract';
import { articleEn, decisionEn, periodSpan, yearCoveredEn, yearList, yearSpan } from './articles';
import { APPROX_EN, countEn, meetingsWords, nameEn, orList, seriesList, shortEn } from './grammar';
import { labelHead } from '../profile';

const listEn = (items: readonly string[]) => orList(items, 'or');
/** The ranges shown, then how many cells are not: "I4:I19, J10 and 3 other cells". */
const outsideAt = (p: { ranges: string[]; more: number }) =>
  p.more > 0 ? `${p.ranges.join(', ')} and ${p.more === 1 ? 'one other cell' : `${p.more} other cells`}` : orList(p.ranges, 'and');
/** "table "Financements"", "tables "Bilans" and "Jalons"". */
const outsideEn = (tables: string[]) => (tables.length === 1 ? `table "${tables[0]}"` : `tables ${orList(tables.map((t) => `"${t}"`), 'and')}`);

const eur = (c: number) => formatEuros(c, 'en');
const gap = (c: number) => formatGap(c, 'en');
const at = (p: { column?: string }) => (p.column ? `"${p.column}": ` : '');
/** A value a closing recorded, or holds now (closed years): in euros when the column holds amounts. */
const closedValue = (cents: number | undefined, text: string | undefined) => (cents !== undefined ? eur(cents) : text || '(blank)');
/** A financing line names its action; one whose code is blank (cell.required says so) is still checked. */
const action = (p: { code?: string }) => (p.code ? `Action ${p.code}` : 'Line with no action code');

/** A convention's own words, in English where a translation is known (the CES ESS's), else quoted as the text has them. */
const KNOWN_WORDS: Record<string, string> = {
  'en année civile de préférence': 'per calendar year preferably',
  'resserré autour d’une vingtaine d’actions': 'centres on about twenty actions',
  'fera également le bilan consolidé de l’action sur toute la période de mise en œuvre': 'also gives the consolidated report of the action over its whole period',
};
const wordsEn = (w: string) => (!w ? '' : KNOWN_WORDS[w] ? ` ("${KNOWN_WORDS[w]}")` : ` ("${w}")`);

export const en: Messages = {
  rules: {
    'workbook.table-missing': (p) =>
      p.variant === 'range'
        ? `The data on sheet "${p.sheet}" is not an Excel table named "${p.table}": select the range, Insert > Table, then name it "${p.table}".`
        : `Table "${p.table}" (sheet "${p.sheet}") is missing: restore it from the task pane (Restore tables) or copy it from a workbook made by "ess-budget init".`,
    'workbook.column-missing': (p) => `Column "${p.column}" is missing from table "${p.table}": add it (the header may omit accents and "(€)").`,
    'workbook.table-renamed': (p) =>
      `The table on sheet "${p.sheet}" is named "${p.text}", not "${p.table}": it is read by its headers. Rename it "${p.table}" (Excel: Table Design > Table Name; LibreOffice: Data > Define Range).`,
    'workbook.header-hidden': (p) =>
      `The header row of table "${p.table}" (sheet "${p.sheet}") is switched off: its columns are read by their names, its first row stays data. Show it again (Table Design > Header Row).`,
    'workbook.column-duplicate': (p) =>
      `Two columns of table "${p.table}" may be "${p.column}": ${p.headers.map((h, i) => `"${h}" (${p.cells[i]})`).join(' and ')}. Only the first is read: rename or delete the other.`,
    'workbook.column-thousands': (p) =>
      `Column "${p.text}" of table "${p.table}" is in thousands of euros: it is not read as "${p.column}" and its amounts are n/a. Enter the amounts in euros under the header "${p.column}".`,
    'workbook.column-optional-missing': (p) =>
      `Column "${p.column}" is missing from table "${p.table}": its amounts are n/a (not available, never 0). Add it for them to count.`,
    'workbook.column-ignored': (p) =>
      `Column "${p.text}" of table "${p.table}" is ignored: it is neither a funder of the convention nor a partner (Partenaires table). For a co-funder, enter it in Partenaires first; otherwise move the column out of the table.`,
    'workbook.total-row': (p) =>
      `Row ${p.row}: "${p.text}" is a total line typed inside table "${p.table}"; it is not counted (it would double the amounts). Delete it: the table has its own totals row (Table Design > Total Row).`,
    'workbook.rows-below': (p) =>
      `${p.count === 1 ? `Row ${p.first}, typed` : `Rows ${p.first} to ${p.last}, typed`} just under table "${p.table}", ${p.count === 1 ? 'is' : 'are'} read with it. Extend the table to include ${p.count === 1 ? 'it' : 'them'} (Excel: Table Design > Resize Table; LibreOffice: Data > Define Range).`,
    'workbook.rows-below-unread': (p) =>
      p.count === 1
        ? `Row ${p.first}, just under table "${p.table}", is not read: it does not look like a line of the table (no required value, or a total). Complete it and extend the table, or separate it with a blank row.`
        : `Rows ${p.first} to ${p.last}, just under table "${p.table}", are not read: they do not look like lines of the table (no required value, or a total). Complete them and extend the table, or separate them with a blank row.`,
    'workbook.values-outside': (p) =>
      p.count === 1
        ? `A value (number, date or formula) typed outside ${outsideEn(p.tables)}, at ${outsideAt(p)}, is not read: it is neither counted nor checked. If it belongs to the data, put it in the table (Excel: Table Design > Resize Table; LibreOffice: Data > Define Range); otherwise move it to another sheet.`
        : `${p.count} values (numbers, dates or formulas) typed outside ${outsideEn(p.tables)}, at ${outsideAt(p)}, are not read: they are neither counted nor checked. If they belong to the data, put them in the table (Excel: Table Design > Resize Table; LibreOffice: Data > Define Range); otherwise move them to another sheet.`,
    'workbook.notes-outside': (p) =>
      p.count === 1
        ? `A text typed outside ${outsideEn(p.tables)}, at ${outsideAt(p)}, is not read: the tracker takes it for a note. If it belongs to the data, put it in the table.`
        : `${p.count} texts typed outside ${outsideEn(p.tables)}, at ${outsideAt(p)}, are not read: the tracker takes them for notes. If they belong to the data, put them in the table.`,
    'cell.required': (p) => {
      switch (p.variant) {
        case 'merged':
          return `${at(p)}merged cell, hence blank for the check: unmerge it and type the value on each row.`;
        case 'error-value':
          return `${at(p)}the cell holds the error ${p.text}: fix the formula or type the value.`;
        case 'uncalculated':
          return `${at(p)}the formula ${p.text} has no stored result: open the file in Excel, recalculate and save.`;
        case 'not-a-date':
          return `${at(p)}"${p.text}" is not a date: type it as dd/mm/yyyy.`;
        case 'status':
          return `${at(p)}unknown status "${p.text}": choose Fixé, Prévisionnel, Sous réserve, À décider or Confirmé.`;
        case 'avenant-kind':
          return `${at(p)}unknown kind "${p.text}": choose Modification de montant (amount change) or Adhésion de partenaires (partner accession).`;
        default:
          return `${at(p)}a required value is missing.`;
      }
    },
    'cell.not-a-number': (p) => {
      switch (p.variant) {
        case 'text-amount':
          return `${at(p)}"${p.text}" is text, not a number: type ${p.suggestion} (the euro format applies by itself).`;
        case 'error-value':
          return `${at(p)}the cell holds the error ${p.text} instead of an amount.`;
        case 'uncalculated':
          return `${at(p)}the formula ${p.text} has no stored result: open the file in Excel, recalculate and save.`;
        case 'date':
          return `${at(p)}a date (${p.text}) stands where an amount is expected: enter the amount in a currency format (Home > Number Format).`;
        case 'boolean':
          return `${at(p)}a logical value (${p.text}) stands where an amount is expected.`;
        default:
          return `${at(p)}"${p.text}" is not an amount: type a number.`;
      }
    },
    'cell.negative': (p) => `${at(p)}negative amount (${eur(p.actual)}): a participation or a financing line cannot be below zero.`,
    'cell.sub-cent': (p) => `${at(p)}the amount ${Number(p.text).toLocaleString('en-GB', { maximumFractionDigits: 20 })} has more than two decimals: round it to the cent.`,
    'cell.unknown-funder': (p) =>
      `${at(p)}unknown funder "${p.text}"${p.suggestion ? `: did you mean "${p.suggestion}"?` : `: use ${p.funders.map((f) => f.en).join(', ')} or a co-funder declared as a column of the participation tables.`}`,
    'cell.bad-year': (p) => `${at(p)}"${p.text}" is not a year: type ${yearList(p.years, 'or')}.`,
    'period.outside': (p) => `${at(p)}the year ${p.year} is outside the convention’s period (${yearSpan(p.years, 'to')})${p.suggestion ? ` (did you mean ${p.suggestion}?)` : ''}.`,
    'axis.unknown': (p) =>
      `${at(p)}unknown axis "${p.text}"${p.numbered ? ` (${p.article ? articleEn(p.article) : 'the convention'} sets ${countEn(p.numbered)})` : ''}: choose ${orList(p.axes.map(labelHead), 'or')}; meanwhile the checks that depend on this line’s axis (totals per funder, split by axis) are not judged.`,
    'convention.total-mismatch': (p) =>
      `${p.funder} ${p.year}: the participations by axis add up to ${eur(p.actual)} against ${eur(p.expected)} entered in the Convention table (${p.other}), gap ${gap(p.gap)}.`,
    'convention.duplicate-row': (p) =>
      `${p.funder} ${p.year}: a second row of the Convention table for this funder and year (the first is at ${p.other}); only the first is checked: delete or correct this one.`,
    'convention.changed-without-avenant': (p) => {
      const words = p.label === 'fixe' ? 'amount fixed by the convention' : p.label === 'previsionnel' ? 'forecast amount of the convention' : 'amount the convention renews (subject to budget)';
      const head = `${p.funder} ${p.year}: the amount ${eur(p.actual)} differs from the ${words}, ${eur(p.expected)} (gap ${gap(p.gap)})`;
      switch (p.variant) {
        case 'wrong-kind':
          return `${head}; avenant no. ${p.text} adds partners, it does not change amounts: an amount change needs an avenant that provides for it (${articleEn(p.article)}).`;
        case 'no-object':
          return `${head}; avenant no. ${p.text} does not say what it changes: give its kind (Modification de montant), funder, year and new amount in the Avenants table.`;
        case 'not-covering':
          return `${head}; avenant no. ${p.text} does not change this amount${p.other ? ` (it covers ${p.other})` : ''}: an avenant must provide for it (${articleEn(p.article)}).`;
        case 'other-amount':
          return `${head}; avenant no. ${p.text} sets this amount at ${eur(p.avenantAmount)}, not ${eur(p.actual)} (${articleEn(p.article)}).`;
        // Issue 20: an avenant covers a change only once it exists at the as-of date.
        case 'future':
          return `${head}; avenant no. ${p.text} is not signed yet at the as-of date: it does not cover the change yet (${articleEn(p.article)}).`;
        case 'undated':
          return `${head}; avenant no. ${p.text} has no date: until it has one, it does not cover the change (${articleEn(p.article)}).`;
        case 'unapproved':
          return `${head}; no resolution approves avenant no. ${p.text}: an avenant is submitted to the parties’ approval before it is signed (${articleEn(p.article)}).`;
        default:
          return `${head} with no avenant: any change needs an avenant signed beforehand (${articleEn(p.article)}).`;
      }
    },
    'convention.unknown-avenant': (p) => `Avenant "${p.text}" is not in the Avenants table: add it or fix the number.`,
    'avenant.incomplete': (p) => {
      const covers = p.other ? `; once ${p.variant === 'no-deliberation' ? 'approved' : 'dated'}, it would cover: ${p.other}` : '';
      return p.variant === 'neither'
        ? `Avenant no. ${p.text}: neither signature date nor resolution: it covers nothing until it is dated and approved${covers} (${articleEn(p.article)}).`
        : p.variant === 'no-date'
          ? `Avenant no. ${p.text}: no signature date: it covers nothing until it is dated${covers} (${articleEn(p.article)}).`
          : `Avenant no. ${p.text}: no resolution approving it; an avenant is submitted to the parties’ approval before it is signed: it covers nothing until one is entered${covers} (${articleEn(p.article)}).`;
    },
    // Issue 20: avenants in time (rules/avenants.ts).
    'avenant.irregular': (p) =>
      p.variant === 'before-convention'
        ? `Avenant no. ${p.text}: signed on ${p.due}, before the convention it amends (signed on ${p.other}): check the date; it covers nothing (${articleEn(p.article)}).`
        : `Avenant no. ${p.text}: approved on ${p.other}, after its signature on ${p.due}; an avenant is submitted to approval "before it is signed": it covers nothing until the order is restored (${articleEn(p.article)}).`,
    'avenant.pending': (p) => `Avenant no. ${p.text}: not signed yet at the as-of date; it covers nothing yet${p.other ? ` (once signed, it will cover: ${p.other})` : ''} (${articleEn(p.article)}).`,
    'avenant.after-year': (p) =>
      `Avenant no. ${p.text}: signed on ${p.due}, after the end of ${p.year} whose amount it changes (${p.funder}); ${articleEn(p.avenantArticle)} sets no deadline: check the ${p.year} commitments already decided (a usage of this follow-up, not a requirement of the convention).`,
    'convention.unconfirmed': (p) => {
      const instrument = p.instrument.en;
      const reserve = p.variant === 'previsionnel' ? 'a forecast' : 'renewed subject to budget';
      if (p.decision === 'undated')
        return `${p.funder} ${p.year}: the decision "${p.text}" has no date; until it has one, the amount stays ${reserve} (${instrument}); dated by the as-of date, it would confirm it: enter its date in the Décision column (dd/mm/yyyy).`;
      if (p.decision === 'future') return `${p.funder} ${p.year}: the decision recorded (${instrument}) has not happened yet at the as-of date: the amount stays ${reserve}.`;
      if (p.typed === 'confirme' || p.typed === 'fixe')
        return `${p.funder} ${p.year}: status "${p.typed === 'fixe' ? 'Fixé' : 'Confirmé'}" typed with no decision recorded (${instrument}): the amount stays ${reserve}; enter the decision and its date in the Décision column.`;
      const typed = p.typed === 'previsionnel' || p.typed === 'sous-reserve' ? p.typed : p.variant;
      return `${p.funder} ${p.year}: the amount is still "${typed === 'previsionnel' ? 'Prévisionnel' : 'Sous réserve'}" although the year has begun, with no decision recorded (${instrument}): enter it, with its date, in the Décision column.`;
    },
    'convention.cdc-undecided': (p) => {
      const d = decisionEn(p.instrument.en);
      const art = articleEn(p.article);
      return p.variant === 'no-row'
        ? `${p.label.en} ${p.year}: no row in the Convention table; the participation depends on ${d.of} (${art}).`
        : p.variant === 'no-amount'
          ? `${p.label.en} ${p.year}: no amount although the year has begun; the participation depends on ${d.of} (${art}).`
          : p.variant === 'undated-decision'
            ? `${p.label.en} ${p.year}: the decision "${p.text}" has no date; until it has one, the amount is not decided; dated by the as-of date, it would fix it (${d.body}, ${art}).`
            : p.variant === 'future-decision'
              ? `${p.label.en} ${p.year}: the ${d.body} recorded has not decided yet at the as-of date: the amount is not decided yet (${art}).`
              : `${p.label.en} ${p.year}: no ${p.instrument.en} recorded for this amount (${art}).`;
    },
    'partner.without-avenant': (p) => {
      const hint = p.suggestion ? ` Did you mean "${p.suggestion}"?` : '';
      switch (p.variant) {
        case 'wrong-kind':
          return `"${p.text}" is not one of the ${p.originals} original signatory authorities and avenant no. ${p.other} changes amounts, it adds no partner (${articleEn(p.article)}).${hint}`;
        case 'not-listed':
          return `"${p.text}" is not one of the ${p.originals} original signatory authorities and avenant no. ${p.other} does not list it among the partners it adds (${articleEn(p.article)}).${hint}`;
        default:
          return `"${p.text}" is not one of the ${p.originals} original signatory authorities: name the avenant that added it (${articleEn(p.article)}).${hint}`;
      }
    },
    'action.duplicate': (p) => `Action code ${p.code} is already used in ${p.other}.`,
    'action.unknown': (p) => `Action code ${p.code} is not in the Actions table; meanwhile this line’s split by axis and annual report are not judged.`,
    'action.axis-mismatch': (p) => `Action ${p.code} is filed under "${p.axisName.en}" but its code denotes "${p.codeAxisName.en}".`,
    // Issue 23: the body that integrates actions and its article, from the workbook's profile (its French name, as the CES's COPIL).
    'action.added-without-copil': (p) =>
      p.variant === 'future'
        ? `Action ${p.code}, added in ${p.year}: the ${p.body} decision integrating it has not happened yet at the as-of date${p.article ? ` (${articleEn(p.article)})` : ''}.`
        : `Action ${p.code}, added in ${p.year}, names no ${p.body} decision that integrated it.`,
    'actions.too-many': (p) =>
      p.words
        ? `${p.count} actions: the contract ${KNOWN_WORDS[p.words] ?? `says "${p.words}"`} (beyond ${p.max}, check with the ${p.body}).`
        : `${p.count} actions: beyond ${p.max}, check with the ${p.body}.`,
    'allocation.over': (p) =>
      `${p.funder} ${p.year}, ${p.axisName.en}: the actions plan ${eur(p.actual)} against a participation of ${eur(p.expected)}, over by ${eur(p.gap)}.`,
    'allocation.under': (p) =>
      `${p.funder} ${p.year}, ${p.axisName.en}: ${eur(p.actual)} allocated to actions out of a participation of ${eur(p.expected)}, ${eur(-p.gap)} left to allocate.`,
    'execution.commitment-over-plan': (p) => `${action(p)}: committed ${eur(p.actual)} exceeds planned ${eur(p.expected)} (gap ${gap(p.gap)}).`,
    'execution.payment-over-commitment': (p) => `${action(p)}: paid ${eur(p.actual)} exceeds committed ${eur(p.expected)} (gap ${gap(p.gap)}).`,
    'governance.copil': (p) => `${p.year}: ${meetings(p.count)} of the COPIL; the convention provides for 1 to 2 a year.`,
    'governance.assembly': (p) => `${p.year}: no Assemblée des territoires; the convention provides for at least one a year.`,
    'governance.social-dialogue': (p) => `${p.year}: ${meetings(p.count)} of the Espace régional de dialogue social; the convention provides for at least 2 a year.`,
    'governance.technical-committee': (p) =>
      `${p.year}: ${meetings(p.count)} of the ${instanceLabel(p.body, 'en')}; the technical committees "may meet at least twice a year, as follow-up requires" (Article 2 §4.1): a possibility, not a duty.`,
    'governance.regional-meeting': (p) => `${p.year}: no Rencontre régionale; the convention provides for at least one a year (Article 2 §4.2).`,
    // Issue 23: the bodies of any convention, in its profile's words (label, frequency, text, article).
    'governance.meetings': (p) =>
      `${p.year}: ${meetings(p.count)} of the ${p.label.en}; the convention provides for ${frequencyEn(p.min, p.max)} a year ("${p.words}", ${articleEn(p.article)}).`,
    'governance.meetings-possibility': (p) =>
      `${p.year}: ${meetings(p.count)} of the ${p.label.en}; the convention allows ${frequencyEn(p.min, p.max)} a year ("${p.words}", ${articleEn(p.article)}): a possibility, not a duty.`,
    'governance.unknown-body': (p) =>
      `${at(p)}unrecognised body "${p.text}": the meeting counts for none of the convention’s bodies; choose ${seriesList(p.bodies, 'or')}.`,
    'reporting.missing-bilan': (p) =>
      `Action ${p.code}: no ${p.year} report received; ${articleEn(p.bilanArticle)} asks for annual reports${wordsEn(p.words)}, with no deadline; expected by ${p.due} (a usage of this follow-up).`,
    'reporting.final-bilan-scope': (p) =>
      `Action ${p.code}: the ${p.year} report does not say it covers the action’s whole period of implementation; the last year’s report ${!p.words ? 'must cover it' : (KNOWN_WORDS[p.words] ?? `"${p.words}"`)} (${articleEn(p.article)}): enter "${p.period}" in the Période couverte column.`,
    'evaluation.missing': (p) => {
      const due = p.usage ? `the convention places it "at the end of the contract", with no date; expected by ${p.due} (a usage of this follow-up)` : `the convention plans it "end ${p.due.slice(0, 4)}", due ${p.due}, past due`;
      return p.variant === 'no-row' ? `${p.label}: ${due}, and no milestone recorded.` : `${p.label}: ${due}, and no completion date.`;
    },
    'evaluation.no-evaluator': (p) =>
      p.variant === 'not-third-party'
        ? `${p.label}: "${p.text}" is a party to the contract; the evaluation is entrusted to a third party (${articleEn(p.evaluationArticle)}).`
        : `${p.label}: no evaluator named; the evaluation is entrusted to a third party (${articleEn(p.evaluationArticle)}): name it in the Évaluateur column.`,
    'reconciliation.amount-mismatch': (p) =>
      `${p.code}: ${p.variant === 'paid' ? 'paid' : 'committed'} amount ${eur(p.actual)} in the ledger${p.other ? ` (${p.other})` : ''} against ${eur(p.expected)} in the workbook, gap ${gap(p.gap)}.`,
    'reconciliation.missing-in-ledger': (p) =>
      `${p.code}: workbook line committed for ${eur(p.actual)}${p.funder ? ` (${p.funder}${p.year ? ` ${p.year}` : ''})` : ''} missing from the ledger.`,
    'reconciliation.missing-in-workbook': (p) =>
      `${p.code}: ${eur(p.actual)} ${p.variant === 'paid' ? 'paid' : 'committed'} in the ledger${p.label ? ` ("${p.label}")` : ''}${p.other ? ` [${p.other}]` : ''} with no matching line in the Financements table: add it or check the reference.`,
    'reconciliation.duplicate-reference': (p) =>
      p.variant === 'workbook'
        ? `Reference ${p.code} is already on cell ${p.other} of the Financements table: both lines are added up for the reconciliation; check it is not a duplicate.`
        : p.variant === 'conflict'
          ? `Reference ${p.code}: this ledger line does not name the same action, year or funder as the first line with that reference (${p.other}); check the reference.`
          : `Reference ${p.code}: line identical to another one in the ledger (${p.other}), perhaps exported twice; it is counted twice.`,
    'reconciliation.matched-by-key': (p) =>
      `The ledger’s references do not match the workbook’s: reconciled on action, year and funder (${p.inCommon ? `only ${p.inCommon} of its ${p.count} references` : `none of its ${p.count} references`} in the Financements table).`,
    // Closed years (issue 15): a cell that differs from the record of its closed year.
    'period.closed-year-changed': (p) =>
      p.variant === 'added'
        ? `year ${p.year} was closed on ${p.due}; line ${p.label} has been added since. Remove it, or reopen the year (ess-budget reopen) with a reason.`
        : p.variant === 'removed'
          ? `year ${p.year} was closed on ${p.due}; line ${p.label} (${p.other} when closed) has been removed since. Restore it, or reopen the year (ess-budget reopen) with a reason.`
          : `${at(p)}year ${p.year} was closed on ${p.due}; this cell of line ${p.label} held ${closedValue(p.expected, p.text)} when closed and now holds ${closedValue(p.actual, p.other)}. Restore the value, or reopen the year (ess-budget reopen) with a reason.`,
    'period.closed-later-changed': (p) =>
      p.variant === 'added'
        ? `year ${p.year} was closed on ${p.due}, after the situation date: at that date the closing does not count yet; line ${p.label} has however been added since. Check this addition, or reopen the year (ess-budget reopen) with a reason.`
        : p.variant === 'removed'
          ? `year ${p.year} was closed on ${p.due}, after the situation date: at that date the closing does not count yet; line ${p.label} (${p.other} when closed) has however been removed since. Check this removal, or reopen the year (ess-budget reopen) with a reason.`
          : `${at(p)}year ${p.year} was closed on ${p.due}, after the situation date: at that date the closing does not count yet; this cell of line ${p.label} however held ${closedValue(p.expected, p.text)} when closed and now holds ${closedValue(p.actual, p.other)}. Check the change, or reopen the year (ess-budget reopen) with a reason.`,
    // Issue 19.
    'period.closure-record-missing': (p) =>
      `the Log records that year ${p.year} was closed${p.due ? ` on ${p.due}` : ''}, but its record (sheet Clôtures) is gone: the year’s amounts are no longer checked against the closing. Restore the Clôtures sheet from an earlier copy of the workbook, or close the year again (ess-budget close) once its amounts are checked.`,
    'financing.duplicate-reference': (p) =>
      `Reference ${p.code} is already on cell ${p.other} of the Financements table: a commitment reference names one commitment. If both lines are the same commitment, merge them; otherwise correct one of the two references (a reconciliation would add them up).`,
  },
  /** Each rule's title, shown on screen and in exports; the id stays a secondary label. */
  ruleTitles: {
    'workbook.table-missing': 'Table not found',
    'workbook.column-missing': 'Column missing',
    'workbook.table-renamed': 'Table renamed',
    'workbook.header-hidden': 'Header row switched off',
    'workbook.column-duplicate': 'Column twice',
    'workbook.column-thousands': 'Column in thousands of euros',
    'workbook.column-optional-missing': 'Amount column missing',
    'workbook.column-ignored': 'Column ignored',
    'workbook.total-row': 'Total line inside the table',
    'workbook.rows-below': 'Rows under the table',
    'workbook.rows-below-unread': 'Rows under the table not read',
    'workbook.values-outside': 'Values outside the tables, not read',
    'workbook.notes-outside': 'Texts outside the tables, not read',
    'cell.required': 'Value expected',
    'cell.not-a-number': 'Unreadable amount',
    'cell.negative': 'Negative amount',
    'cell.sub-cent': 'Fraction of a cent',
    'cell.unknown-funder': 'Unknown funder',
    'cell.bad-year': 'Invalid year',
    'period.outside': (w) => `Outside the ${periodSpan(w)} period`,
    'axis.unknown': 'Unknown axis',
    'convention.total-mismatch': 'Participations differ from the convention',
    'convention.duplicate-row': 'Convention row twice',
    'convention.changed-without-avenant': 'Amount changed without an amendment providing for it',
    'convention.unknown-avenant': 'Unknown amendment',
    'avenant.incomplete': 'Amendment without date or resolution',
    'avenant.irregular': (w) => `Amendment signed out of ${articleEn(w.avenantArticle)}’s order`,
    'avenant.pending': 'Amendment not signed yet',
    'avenant.after-year': 'Amendment signed after the year it changes (usage)',
    'convention.unconfirmed': 'Renewed amount with no decision recorded',
    'convention.cdc-undecided': (w) => (w.undecided.length ? `${w.undecided.map((f) => f.en).join(' or ')} amount not decided` : 'Amount not decided'),
    'partner.without-avenant': 'Partner without an amendment adding it',
    'action.duplicate': 'Duplicate action',
    'action.unknown': 'Unknown action',
    'action.axis-mismatch': "Axis differs from the action’s",
    'action.added-without-copil': (w) => `Action added without a ${shortEn(w.addedBy.en)} decision`,
    'actions.too-many': (w) => `More than ${(w.actionsApprox && APPROX_EN[w.actionsApprox]) || w.maxActions} actions`,
    'allocation.over': 'Financing beyond the participations',
    'allocation.under': 'Participations not yet allocated',
    'execution.commitment-over-plan': 'Committed above planned',
    'execution.payment-over-commitment': 'Paid above committed',
    'governance.copil': (w) => {
      if (!w.copil) return 'Steering committee meetings outside the frequency set';
      const { label, min, max } = w.copil;
      const what = shortEn(label.en);
      if (max === null) return `Fewer than ${min} ${what} meeting${min > 1 ? 's' : ''} a year`;
      const title = what.charAt(0).toUpperCase() + what.slice(1);
      return max === min ? `${title} meetings other than ${min} a year` : `${title} meetings outside ${min} to ${max} a year`;
    },
    'governance.assembly': 'Assemblée des territoires missing',
    'governance.social-dialogue': 'Social dialogue missing',
    'governance.technical-committee': 'Technical committees met less than twice (a possibility of the convention)',
    'governance.regional-meeting': 'Regional meeting missing',
    'governance.unknown-body': 'Unrecognised body',
    'governance.meetings': 'Body meetings outside the frequency set',
    'governance.meetings-possibility': 'Body met less than the convention allows (a possibility)',
    'reporting.missing-bilan': 'Yearly report missing',
    'reporting.final-bilan-scope': 'Final report not covering the action’s period',
    'evaluation.missing': 'Evaluation missing',
    'evaluation.no-evaluator': 'Evaluation without a third-party evaluator',
    'reconciliation.amount-mismatch': 'Amount differs from the ledger',
    'reconciliation.missing-in-ledger': 'Line missing from the ledger',
    'reconciliation.missing-in-workbook': 'Line missing from the workbook',
    'reconciliation.duplicate-reference': 'Duplicate reference',
    'reconciliation.matched-by-key': 'Reconciled on action, year and funder',
    'period.closed-year-changed': 'Closed year changed',
    'period.closure-record-missing': 'Closing record gone',
    'period.closed-later-changed': 'Year closed after the situation date, changed since',
    'financing.duplicate-reference': 'Duplicate commitment reference',
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  severityPlural: { error: 'errors', warning: 'warnings', info: 'infos' },
  /** Versions (issue 15): diff of two workbooks, closed years, "Changes since …". */
  versions: {
    blank: '(blank)',
    kind: { changed: 'changed', added: 'added', removed: 'removed' },
    fields: { convention: 'Convention', participations: 'Participations', planned: 'Planned', committed: 'Committed', paid: 'Paid' },
    diff: {
      args: 'diff takes two workbooks: <before.xlsx> <after.xlsx>',
      table: (t, n) => `${t}: ${n} change${n > 1 ? 's' : ''}`,
      changed: (k, c, b, a, d) => `${k} — "${c}": ${b} → ${a}${d ? ` (${d})` : ''}`,
      added: (k) => `line added: ${k}`,
      removed: (k) => `line removed: ${k}`,
      inBefore: ' (before workbook)',
      totalsTitle: 'Differences per funder and year:',
      total: (f, y, field, b, a, d) => `  ${f} ${y} — ${field}: ${b} → ${a} (${d})`,
      none: "No change in the contract’s tables.",
      count: (c, a, r) => `${c + a + r} change${c + a + r > 1 ? 's' : ''}: ${c} changed, ${a} added, ${r} removed.`,
    },
    close: {
      args: 'close takes a workbook and a year: <workbook.xlsx> <year>',
      reopenArgs: 'reopen takes a workbook, a year and --reason "why"',
      badYear: (s, ...years) => `"${s}" is not a year of the contract (${yearList(years.length ? years : undefined, 'or')}).`,
      closed: (f, y, n, by) => `${f}: year ${y} closed by ${by} (${n} line${n > 1 ? 's' : ''} recorded).`,
      forced: (e) => `Closed despite ${e} error${e > 1 ? 's' : ''} on the year (written in the Journal).`,
      refused: (f, y, e) => `${f}: closing ${y} refused, ${e} error${e > 1 ? 's' : ''} on that year (see "ess-budget check"); fix them, or add --force to close all the same (the Journal will say so).`,
      alreadyClosed: (y, on, by) => `Year ${y} is already closed (on ${on}, by ${by}); reopen it first (ess-budget reopen).`,
      notClosed: (y) => `Year ${y} is not closed: nothing to reopen.`,
      reopened: (f, y) => `${f}: year ${y} reopened (reason written in the Clôtures sheet and the Journal).`,
      reasonRequired: 'reopen needs a reason: --reason "…"',
      noOwnSheet: (s) => `a sheet "${s}" exists but is not the add-in’s (no Clotures table); rename it and run again.`,
      notEnded: (y, end, reasonMissing, article) =>
        reasonMissing
          ? `Year ${y} has not ended (it runs until ${end}): an early closing needs a reason, --force --reason "…", written in the Journal.`
          : `Year ${y} has not ended (it runs until ${end}): ${yearCoveredEn(article)}; close it after ${end}, or add --force --reason "…" (the reason is written in the Journal).`,
      early: (y, asOf, r) => `Early closing of ${y} on ${asOf}, before the year’s end: ${r}`,
      journalClose: (y, forced) => `Year ${y} closed${forced ? ' (forced despite errors)' : ''}`,
      journalReopen: (y, r) => `Year ${y} reopened: ${r}`,
      sheet: 'Clôtures',
      title: 'Closed years',
      note: "Sheet kept by the add-in: do not edit it. A closed year is checked line by line against this record.",
      headers: { year: 'Année', operation: 'Opération', date: 'Date', by: 'Par', reason: 'Motif', table: 'Tableau', key: 'Clé', cell: 'Cellule', values: 'Valeurs', fingerprint: 'Empreinte' },
      operation: { close: 'Clôture', reopen: 'Réouverture', line: 'Ligne' },
      unknownUser: 'unknown',
    },
    evolutions: {
      title: (d, f) => `Changes since ${d} (${f})`,
      totalsTitle: 'Differences per funder and year',
      headers: { funder: 'Funder', year: 'Year', field: 'Amount', before: 'Before', after: 'Now', delta: 'Difference' },
      linesTitle: 'Changed lines, by action',
      lineHeaders: { action: 'Action', change: 'Change', cell: 'Cell', column: 'Column', before: 'Before', after: 'Now' },
      none: 'No change since the previous version.',
      otherTables: 'Other tables',
      sheet: 'Changes',
    },
    pane: {
      title: 'Compare with the previous version',
      pick: 'Choose the last COPIL workbook…',
      hint: 'Optional: the PDF, XLSX and CSV files then add a "Changes since …" section (differences per funder and year, changed lines by action).',
      comparing: (f, d) => `Comparing with ${f} (saved on ${d}).`,
      clear: 'Stop comparing',
      reading: 'Reading the previous workbook…',
      unreadable: (f, d) => `${f}: unreadable workbook (${d}).`,
      closeTitle: 'Close a year',
      closeIntro: 'A closed year is checked line by line against its record (Clôtures sheet): any change becomes an error, until the year is reopened with a reason.',
      year: 'Year',
      by: 'Closed by',
      force: 'Close despite the errors (the Journal will say so)',
      close: 'Close the year',
      reopen: 'Reopen the year',
      reason: 'Reason for reopening',
      notEnded: (y, end, article) => `Year ${y} has not ended (it runs until ${end}): ${yearCoveredEn(article)}; close it after ${end}.`,
      refused: (y, e) => `Closing ${y} refused: ${e} error${e > 1 ? 's' : ''} on that year. Fix ${e > 1 ? 'them' : 'it'}, or tick "Close despite the errors".`,
      status: (y, d, by) => `${y}: closed on ${d} by ${by}`,
      failed: (d) => `Could not write: ${d}`,
    },
  },
  // Issue 23: profiles (src/core/profileCheck.ts, src/cli/profile.ts).
  profile: {
    problem: (path, text) => `${path}: ${text}`,
    json: (line, column, what) => `line ${line}, column ${column}: not valid JSON, ${what}`,
    jsonEnd: 'unexpected end of the text',
    jsonChar: (c) => `unexpected character "${c}"`,
    schema: {
      pattern: {
        amount: 'expected an amount in euros, as a string with a decimal point (for example "2387500.00"), or null',
        date: 'expected a date written YYYY-MM-DD',
        dateOrEmpty: 'expected a date written YYYY-MM-DD, or "" when it is not known',
        due: 'expected a due date written YYYY-MM-DD, or "end" (at the end of the contract)',
        id: 'expected an identifier in lower case letters, digits and hyphens (for example "comite-technique-1")',
      },
      additional: (key) => `property "${key}" is not part of the profile format (see profiles/schema.json)`,
      allowed: (text, values) => `${text} (${values})`,
    },
    check: {
      unknownFunder: (id, known) => `unknown funder "${id}" (the profile’s funders: ${known})`,
      yearOutside: (year, first, last) => `year ${year} outside the period ${first}-${last}`,
      yearsOrder: 'the years of the period must be in increasing order',
      duplicate: (value, first) => `"${value}" appears twice, already at ${first}`,
      duplicateAlias: (alias, first) => `spelling "${alias}" already given at ${first}, the workbook could not tell which is meant`,
      missingAmount: (funder, year) => `missing amount for ${funder} in ${year} (one entry per funder and year of the period, amount null when the text fixes none)`,
      duplicateAmount: (funder, year, first) => `amount for ${funder} in ${year} given twice, already at ${first}`,
      statusNotListed: (status) => `status "${status}" missing from /statuses`,
      unknownAxis: (id, known) => `unknown axis "${id}" (the profile’s axes: ${known})`,
      unknownRule: (rule, known) => `unknown rule "${rule}" (governance rules: ${known}, or null for a body the tool does not count)`,
      unknownBody: (id, known) => `unknown body "${id}" (the profile’s bodies: ${known})`,
      unknownAvenant: (n, known) => `avenant no. ${n} missing from /avenants/list (avenants: ${known || 'none'})`,
      unknownPartner: (name) => `partner "${name}" missing from /partners`,
      badDate: (text) => `impossible date "${text}"`,
      maxBelowMin: (max, min) => `at most ${max} meeting${max === 1 ? '' : 's'} a year, fewer than the minimum (${min})`,
    },
    cli: {
      valid: (title, id, first, last, funders, axes) => `Valid profile: ${title} — ${id}, ${first}-${last}, ${funders} funder${funders === 1 ? '' : 's'}, ${axes} ax${axes === 1 ? 'is' : 'es'}`,
      subcommand: (s, suggestion) =>
        s === undefined
          ? 'profile takes a subcommand, validate or show. Type "ess-budget profile --help".'
          : `Unknown subcommand: "${s}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Subcommands: validate, show (ess-budget profile --help).`,
      validateArgs: 'profile validate takes one profile file (.json)',
      showArgs: 'profile show takes at most one workbook',
      unreadable: (file, code) => `${file}: profile file cannot be read (${code}).`,
      tooLarge: (file, limit) => `${file}: refused, a profile is not over ${limit}.`,
    },
    show: {
      builtIn: 'The convention built into the tool, that of every workbook that carries no other.',
      fromWorkbook: (file) => `The convention written in the workbook ${file}.`,
      noneInWorkbook: (file) => `The workbook ${file} carries no convention: it follows the built-in one.`,
      title: (title, shortTitle, id) => `${shortTitle} — ${title} (${id})`,
      approval: (text, date) => `Approval: ${text} (${date})`,
      signature: (date) => `Signature: ${date}`,
      period: (first, last, article) => `Period: ${first}-${last} (${article})`,
      fundersTitle: 'Funders and signed amounts:',
      funder: (label, article, instrument) => `  ${label} (${article}), decided by: ${instrument}`,
      amount: (year, amount, status, article, source) => `    ${year}: ${amount} — "${status}" (${article}, source ${source})`,
      notFixed: 'no amount fixed by the text',
      total: (year, amount, open) => `  Total ${year}: ${amount}${open ? `, without ${open} amount${open === 1 ? '' : 's'} not fixed` : ''}`,
      axesTitle: 'Axes:',
      axis: (label, id, prefix) => `  ${label} — ${id}${prefix ? `, codes ${prefix}_…` : ''}`,
      actions: (max, article, addedBy, planYear, planned) => `Actions: at most ${max} (${article}), added by ${addedBy}, ${planYear} plan of ${planned} action${planned === 1 ? '' : 's'}`,
      avenants: (article, amountChange, newPartner, before) =>
        `Avenants (${article}): ${[amountChange ? 'to change an amount' : '', newPartner ? 'to add a partner' : ''].filter(Boolean).join(' or ') || 'no case provided for'}${before ? ', approved before they are signed' : ''}`,
      avenant: (n, date, kind, object) => `  Avenant no. ${n}${date ? ` of ${date}` : ''} (${kind}): ${object}`,
      kinds: { montant: 'amount', partenaires: 'partners' },
      partners: (total, added) => `Partners: ${total}, of which ${added} added by avenant`,
      bodiesTitle: 'Bodies:',
      body: (label, min, max, duty, counted, article, words) => {
        const often = max === null ? (min === 0 ? 'no set frequency' : `at least ${min} times a year`) : min === max ? `${min} times a year` : `${min} to ${max} times a year`;
        return `  ${label} — ${often} — ${duty === 'obligation' ? 'obligation' : 'possibility'}${counted ? '' : ', not counted'} (${article}, "${words}")`;
      },
      bilans: (perYear, article, words) => `Bilans: ${perYear ? 'one a year' : 'one final bilan'} (${article}${words ? `, "${words}"` : ''})`,
      evaluationsTitle: 'Evaluations:',
      evaluation: (label, due, grace, thirdParty, article) =>
        `  ${label} — ${due ? `due ${due}` : `at the end of the contract, expected ${grace} months after (usage)`}${thirdParty ? ', by a third party' : ''} (${article})`,
      usagesTitle: 'Usages, where the convention is silent (the tool’s values, not articles):',
      usage: (name, value, why) => `  ${name}: ${value} ("usage") — ${why}`,
      usageNames: {
        bilanGraceMonths: 'Annual bilan grace period',
        finalEvaluationGraceMonths: 'Final evaluation grace period',
        firstYearFrom: 'First year counted',
        amountChangeDeadline: 'Deadline of an amount avenant',
      },
      usageValues: { signature: 'from the signature', 'year-start': 'the whole year', 'year-end': 'before the end of the year it changes', none: 'none' },
      months: (n) => `${n} month${n === 1 ? '' : 's'} after`,
    },
  },
  office: {
    journal: { sync: (asOf) => `Synchronization (checked as of ${asOf})`, init: 'Workbook initialized', restore: 'Tables restored' },
    validation: {
      listTitle: 'Unexpected value',
      list: (items) => `Choose one of: ${items}`,
      amountTitle: 'Invalid amount',
      amount: 'Enter an amount of zero or more, in euros (two decimals at most).',
    },
    errors: {
      cellEdit: 'Excel is editing a cell: confirm it (Enter) or cancel (Esc), then try again.',
      payload: 'The workbook exceeds what Excel on the web accepts in one exchange: try again; if it happens again, open the workbook in Excel desktop.',
      notFound: 'A sheet or table changed during the operation: synchronize again.',
      general: (code) => `Excel refused the operation (${code}): try again; if it happens again, save, close and reopen the workbook.`,
    },
  },
  reconcile: {
    line: (n) => `line ${n}`,
    lines: (list) => `lines ${list}`,
    status: { matched: 'Matched', different: 'Different', 'missing-in-ledger': 'Missing in ledger', 'missing-in-workbook': 'Missing in workbook', 'netted-out': 'Cancelled (nets to zero)' },
    matchedOn: { reference: 'Reference', key: 'Action, year, funder' },
    counts: (c) =>
      `Reconciliation: ${c.matched} matching line(s), ${c.different} different, ${c.missingInLedger} missing in the ledger, ${c.missingInWorkbook} missing in the workbook, ${c.nettedOut} cancelled in the ledger.`,
    scope: (f) => `Funders reconciled: ${f}.`,
    skipped: (n) => `${n} unusable ledger line(s) (see the findings).`,
    totalsTitle: 'Totals per funder and year',
    totalsHeaders: { funder: 'Funder', year: 'Year', wbCommitted: 'Committed (workbook)', ledCommitted: 'Committed (ledger)', gapCommitted: 'Committed gap', wbPaid: 'Paid (workbook)', ledPaid: 'Paid (ledger)', gapPaid: 'Paid gap' },
    sheet: 'Rapprochement',
    title: (w, l) => `Reconciliation of ${w} with ${l}`,
    headers: {
      status: 'Status',
      matchedOn: 'Matched on',
      reference: 'Reference',
      action: 'Action code',
      year: 'Year',
      funder: 'Funder',
      wbCommitted: 'Committed, workbook (€)',
      ledCommitted: 'Committed, ledger (€)',
      gapCommitted: 'Committed gap (€)',
      wbPaid: 'Paid, workbook (€)',
      ledPaid: 'Paid, ledger (€)',
      gapPaid: 'Paid gap (€)',
      workbookCell: 'Workbook cell',
      ledgerLines: 'Ledger lines',
      label: 'Label',
    },
    written: (f) => `Reconciliation written: ${f}.`,
    empty: (f) => `${f}: empty ledger, nothing to reconcile.`,
    noHeader: (f, h) =>
      `${f}: no header row recognised (a committed or paid amount is needed, and a reference or an action code); headers found: ${h || 'none'}. Name the columns with --map, e.g. --map committed="Montant AE" --map reference="N° pièce".`,
    noLines: (f, h) => `${f}: headers recognised (${h}) but no data line.`,
    unknownMapField: (field) => `--map: "${field}" is not a ledger field; fields: reference, action, year, funder, committed, paid, date, beneficiary, label.`,
    mapHeaderNotFound: (f, field, header, h) => `${f}: --map ${field}="${header}": no column "${header}"; headers found: ${h || 'none'}.`,
    badMap: (a) => `--map takes field="Ledger header" (e.g. committed="Montant AE"), not "${a}".`,
    tooLarge: (f, size, limit) => `${f}: ledger refused, ${size} over the ${limit} limit; export one period or one funder at a time.`,
    unsupported: (f) => `${f}: unsupported ledger format; save it as CSV (; or , separated) or as an .xlsx workbook.`,
    noFinancing: (f) => `${f}: the workbook has no Financements table; nothing to reconcile (run "ess-budget check" for details).`,
    args: 'reconcile takes a workbook and a ledger',
  },
  cli: {
    usage: `CES ESS Tracker: checks the budget of the ESS sector economic contract 2014-2016.
Usage:
  ess-budget init <out.xlsx> [--example | --profile convention.json] [--lang fr|en]
  ess-budget check <in.xlsx> [--format text|json] [--as-of YYYY-MM-DD] [--lang fr|en]
  ess-budget report <in.xlsx> --out <file.pdf|file.xlsx|file.csv> [--as-of YYYY-MM-DD] [--since <previous.xlsx>] [--lang fr|en] [--force]
  ess-budget reconcile <in.xlsx> <ledger.csv|ledger.xlsx> [--format text|json] [--out reconciliation.xlsx [--force]] [--map committed="Montant AE" …] [--funder CDC] [--scope all] [--match reference|key] [--lang fr|en]
  ess-budget diff <before.xlsx> <after.xlsx> [--format text|json] [--lang fr|en]
  ess-budget close <in.xlsx> <year> [--by NAME] [--force [--reason "why"]] [--as-of YYYY-MM-DD]
  ess-budget reopen <in.xlsx> <year> --reason "why" [--by NAME]
  ess-budget profile validate <profile.json> | profile show [<in.xlsx>] [--format text|json] [--lang fr|en]
  ess-budget <command> --help     a command’s help
  ess-budget --version`,
    summary: (e, w, i) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info${i === 1 ? '' : 's'}.`,
    readPrefix: 'Read: ',
    read: (r) => {
      const rows = (g: { first: number; last: number }) => (g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`);
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      const how = r.kind === 'renamed' ? `, table "${r.foundAs}"` : r.kind === 'range' ? ', a range with no Excel table' : '';
      const below = r.below ? `, of which ${n(r.below.count, 'row', 'rows')} typed under the table (${rows(r.below)})` : '';
      const reason = { 'total-row': ['total line typed', 'total lines typed'], 'totals-row': ['old totals row', 'old totals rows'], 'below-unclear': ['row under the table', 'rows under the table'] } as const;
      const out = [...r.leftOut.map((g) => `${n(g.count, reason[g.reason][0], reason[g.reason][1])}, ${rows(g)}`), ...(r.ignoredColumns ?? []).map((c) => `column "${c}"`), ...(r.outside ? [`${n(r.outside.count, 'cell typed outside the tables', 'cells typed outside the tables')} (${outsideAt(r.outside)})`] : [])];
      return `${r.table}: ${n(r.lines, 'line', 'lines')} (${qualifiedAddress(r.sheet, r.range)}${how}${r.headerHidden ? ', header row switched off' : ''}${below})${out.length ? `; not read: ${out.join(', ')}` : ''}`;
    },
    written: (file, example) => `Workbook written: ${file}${example ? ' (with the example)' : ''}.`,
    badArgs: (detail, c) => `Bad arguments: ${detail}. Type "ess-budget${c ? ` ${c}` : ''} --help".`,
    badDate: (s) => `Bad --as-of date: "${s}" (expected YYYY-MM-DD).`,
    unknownCommand: (s, sugg) => `Unknown command: "${s}".${sugg ? ` Did you mean "${sugg}"?` : ''} Commands: init, check, report, reconcile, diff, close, reopen, profile (ess-budget <command> --help).`,
    help: {
      init: `ess-budget init <out.xlsx> [options]
Creates a blank workbook holding the contract’s tables (convention, participations per axis and
year, actions, financing, amendments, partners, governance, follow-up), ready to fill in Excel.

Options:
  --example         adds the fictitious example (to replace with the real data)
  --profile FILE    the convention followed (JSON), written into the workbook (very hidden sheet
                    SuiviCES-convention): check, report, diff, close read it with no option
  --force           replaces <out.xlsx> if it exists
  --lang fr|en      language of the sheets and messages (fr by default)
  -h, --help        this help

Exit status: 0 workbook written, 2 bad arguments or cannot write.
Example:
  ess-budget init example.xlsx --example --lang en`,
      check: `ess-budget check <in.xlsx> [options]
Checks the workbook against the convention: totals per funder and year, amendments, period, axes,
governance and reports. Each finding names its sheet and cell.

Options:
  --format text|json      text (default) or JSON (amounts as strings, to the cent)
  --as-of YYYY-MM-DD      as-of date (today by default) for deadlines
  --lang fr|en            language of the messages
  -h, --help              this help

Exit status: 0 no error, 1 at least one error, 2 unusable workbook.
Example:
  ess-budget check example.xlsx --as-of 2016-12-31 --lang en`,
      report: `ess-budget report <in.xlsx> --out <file.pdf|file.xlsx|file.csv> [options]
Writes the summary the COPIL reads: PDF (A4 landscape, charts), XLSX (Synthèse COPIL sheet, live
formulas) or CSV, after --out’s extension. The summary is written even with errors.

Options:
  -o, --out <file>        file to write (.pdf, .xlsx or .csv); required
  --as-of YYYY-MM-DD      as-of date (today by default)
  --force                 replaces an existing .xlsx
  --since <previous.xlsx>  adds "Changes since …": the differences with an earlier version
  --lang fr|en            language of the summary
  -h, --help              this help

Exit status: 0 no error, 1 at least one error (summary written), 2 unusable input.
Example:
  ess-budget report example.xlsx --out summary.pdf --as-of 2016-12-31 --lang en`,
      reconcile: `ess-budget reconcile <in.xlsx> <ledger.csv|ledger.xlsx> [options]
Reconciles an accounting ledger (general ledger, a funder’s export) with the Financements table:
different amounts, lines missing from the ledger or the workbook, totals per funder and year.
Lines are paired on the commitment reference; when the ledger’s references do not match the
workbook’s (a funder’s own numbering), on action, year and funder.

Options:
  --format text|json      text (default) or JSON
  --out <file.xlsx>       also writes the Rapprochement sheet into a new workbook
  --force                 replaces the --out file if it exists
  --map field="Header"    the column of a field whose header is not recognised (repeatable);
                          fields: reference, action, year, funder, committed, paid, date,
                          beneficiary, label
  --funder <funder>       the funder of a ledger without a Funder column (e.g. CDC)
  --scope all             expects every workbook line (by default: those of the funders the
                          ledger names)
  --match reference|key   forces the pairing: on the reference, or on action, year and funder
  --lang fr|en            language of the messages
  -h, --help              this help

Exit status: 0 no error, 1 at least one error, 2 unusable input.
Example:
  ess-budget reconcile example.xlsx examples/grand-livre-cdc.csv --out reconciliation.xlsx --lang en`,
      diff: `ess-budget diff <before.xlsx> <after.xlsx> [options]
Compares the contract’s tables of two versions of the workbook, row by row by identity (financing
by reference, else by action, year, funder and order; convention by funder and year; actions by
code…): reordered rows are not a change.

Options:
  --format text|json      text (default) or JSON (amounts as strings, to the cent)
  --lang fr|en            language of the messages
  -h, --help              this help

Exit status: 0 same data, 1 differences, 2 unusable input.
Example:
  ess-budget diff copil-2015.xlsx copil-2016.xlsx --lang en`,
      close: `ess-budget close <in.xlsx> <year> [options]
Closes a year: records in the Clôtures sheet the date, the person and the fingerprint of every line
of that year; "ess-budget check" then reports any change to those lines. A year with errors closes
only with --force (the Journal says so); a year not yet ended at the as-of date, only with --force and
a reason (--reason).

Options:
  --by NAME               who closes (default: the system user)
  --force                 close despite the year’s errors, or before its end (with --reason)
  --reason "why"          reason for an early closing, written in the Clôtures sheet and the Journal
  --as-of YYYY-MM-DD      as-of date of the check made first (default: today)
  --lang fr|en            language of the messages
  -h, --help              this help

The workbook is written beside, read back and checked, then replaced at once; on failure it stays as it was.
Exit status: 0 year closed, 1 closing refused (errors), 2 unusable input or write failed.
Example:
  ess-budget close budget.xlsx 2014 --by "Finance department" --lang en`,
      reopen: `ess-budget reopen <in.xlsx> <year> --reason "why" [options]
Reopens a closed year; the reason is recorded in the Clôtures sheet and in the Journal.

Options:
  --reason "why"          why the year is reopened; required
  --by NAME               who reopens (default: the system user)
  --lang fr|en            language of the messages
  -h, --help              this help

Exit status: 0 year reopened, 2 unusable input or write failed (the workbook stays as it was).
Example:
  ess-budget reopen budget.xlsx 2014 --reason "Amount typed wrong" --lang en`,
      profile: `ess-budget profile validate <profile.json>
ess-budget profile show [<in.xlsx>] [options]
A convention described as data (README, "Décrire une autre convention").
  validate    checks a JSON profile against profiles/schema.json and its internal references
              (funders of the amounts, years of the period, unique identifiers, axes of the
              actions, bodies, avenants of the partners); one line per problem, with its JSON path
  show        shows the convention: the one the given workbook follows, else the built-in one
              (CES ESS 2014-2016): funders and amounts per year with their status, axes, bodies,
              evaluations, usages

Options of show:
  --format text|json      text (default) or the JSON profile itself (amounts as strings)
  --lang fr|en            language of the messages
  -h, --help              this help

Exit status: 0 valid or shown profile, 2 invalid profile or unusable input.
Examples:
  ess-budget profile validate my-convention.json
  ess-budget profile show budget.xlsx`,
    },
    version: (v) => `ess-budget ${v}`,
    unknownOption: (c, o, s) => `Unknown option for ${c}: ${o}.${s ? ` Did you mean ${s}?` : ''} Type "ess-budget ${c} --help".`,
    missingValue: (c, o) => `Option ${o} of ${c} takes a value. Type "ess-budget ${c} --help".`,
    takesNoValue: (c, o) => `Option ${o} of ${c} takes no value. Type "ess-budget ${c} --help".`,
    badValue: (c, o, v, a) => `Bad value for ${o}: "${v}" (one of: ${a}). Type "ess-budget ${c} --help".`,
    fileMissing: (f) => `${f}: no such file.`,
    notXlsx: (f) => `${f}: not an .xlsx workbook (unreadable zip).`,
    corrupt: (f, d) => `${f}: unreadable workbook (${d}).`,
    tooLarge: (f, d) => `${f}: refused, ${d}.`,
    cannotWrite: (f, d) => `${f}: cannot write (${d}).`,
    encrypted: (f) => `${f}: workbook protected by a password: save it without a password (File > Info > Protect Workbook), then run again.`,
    // Issue 19: other formats, and a write that did not happen.
    otherFormat: (f, format) =>
      `${f}: ${format === 'xls' ? 'Excel 97-2003 workbook (.xls)' : 'Excel binary workbook (.xlsb)'}, a format ess-budget does not read: open it in Excel, File > Save As > Excel Workbook (.xlsx), then run again on the .xlsx.`,
    notWritten: (f, why) => `${f}: nothing written, the workbook is as it was — ${why}.`,
    writeFailure: {
      unreadable: (part, d) => `the workbook’s ${part || 'main'} part is no XML the tool can edit (${d})`,
      readonly: 'the file is read-only',
      temp: (code) => `the temporary file could not be written beside the workbook (${code})`,
      lost: (part) => `the check does not find ${part} in the file written`,
      changed: (part) => `the check finds ${part} changed in the file written`,
      xml: (part, d) => `the check finds ${part} malformed in the file written (${d})`,
      table: (t) => `the check reads table ${t} back differently from before the write`,
      own: (t) => `the check does not read table ${t} back as it was to be written`,
      reread: (d) => `the check cannot read the file written back (${d})`,
      moved: 'the workbook was changed on disk meanwhile; run the command again',
      replace: (code) => `the workbook could not be replaced (${code}); if it is open in Excel or LibreOffice, close it and run again`,
    },
    odsReadOnly: (f) => `${f}: an OpenDocument workbook (.ods) is read, but a closing is recorded only in an .xlsx: save it in Excel format (File > Save As > Excel 2007-365 Workbook), then run again on the .xlsx.`,
  },
  ui: {
    appTitle: 'CES ESS Tracker',
    contractTitle: 'ESS sector economic contract 2014-2016',
    loading: 'Loading…',
    tabs: { checks: 'Checks', reconciliation: 'Reconciliation', export: 'COPIL export', settings: 'Settings' },
    init: {
      title: 'Set up the workbook',
      intro: 'This workbook does not hold the contract’s tables yet. The pane can create them: convention, participations by axis, actions, financing, amendments, partners, meetings and follow-up.',
      example: 'Add the fictitious example (to be replaced by real data)',
      button: 'Set up the workbook',
      busy: 'Creating the tables…',
    },
    dashboard: {
      asOf: (d) => `Position at ${d}`,
      sync: 'Synchronise',
      syncing: 'Synchronising…',
      notSynced: 'Click Synchronise to check the workbook.',
      conformity: 'Conformity by funder and year',
      funder: 'Funder',
      convention: 'Convention',
      participations: 'Participations',
      gap: 'Gap',
      status: 'Status',
      conform: 'Conforms',
      notConform: 'Does not conform',
      noAmount: 'No amount',
      notAvailable: 'n/a',
      counts: 'Check results',
      restore: 'Restore tables',
      restoreHint: 'Some of the contract’s tables are missing: the pane can put them back without touching the data typed in.',
      amounts: 'Amounts per funder and year',
      year: 'Year',
      cell: (p) => `${p.funder} ${p.year}: ${p.state}; convention ${p.convention}, participations ${p.participations}, gap ${p.gap}`,
    },
    findings: {
      title: 'Issues to fix',
      none: 'No issue: the workbook complies with the convention.',
      article: (a) => `Convention: ${a}`,
      at: (sheet, cell) => `${sheet}, cell ${cell}`,
      count: (n) => `${n} finding${n === 1 ? '' : 's'}`,
    },
    settings: {
      language: 'Language',
      languageNames: { fr: 'Français', en: 'English' },
      asOf: 'As-of date',
      asOfHint: 'Deadlines and years that have begun are judged at this date.',
    },
    preview: {
      banner: 'Preview outside Excel: the workbook stays in this browser, nothing is sent.',
      open: 'Open an .xlsx workbook',
      example: 'Load the example',
      source: (name) => `Workbook: ${name}`,
      exampleName: 'fictitious example',
      gridLabel: (sheet, cell) => `Sheet ${sheet} around cell ${cell}`,
      selected: (sheet, cell, value) => `Sheet ${sheet}, cell ${cell} selected${value ? `: ${value}` : ' (blank)'}.`,
      empty: 'Open an .xlsx workbook or load the example to begin.',
    },
    errors: {
      title: 'Could not do that',
      dismiss: 'Dismiss',
      sync: (d) => `Synchronising failed (${d}). Finish editing the current cell, then click Synchronise again.`,
      init: (d) => `The tables could not be created (${d}). Check that the workbook is not protected, then try again.`,
      open: (f, d) => `${f} could not be read (${d}). Pick an .xlsx workbook saved by Excel.`,
      tooLarge: (f, limit) => `${f} is larger than ${limit}: open it in Excel with the add-in, or make it smaller.`,
      select: (sheet, cell) => `Cell ${cell} of sheet "${sheet}" was not found: the sheet may have been renamed. Synchronise again.`,
      badDate: 'Invalid date: type a date as dd/mm/yyyy.',
      office: 'Excel did not answer. Close and reopen the pane, then try again.',
    },
    soon: {
      title: 'Coming soon',
      reconciliation: 'Reconciliation with the CDC ledger comes in a later version. Meanwhile: ess-budget reconcile.',
      export: 'The COPIL summary (sheet, PDF, XLSX, CSV) comes in a later version. Meanwhile: ess-budget report.',
    },
    copil: {
      title: 'Summary for the steering committee',
      intro: 'What each funder owes and gave, per axis and per year, the execution and the gaps, at the as-of date.',
      writeSheet: 'Write the COPIL summary sheet',
      writeHint: 'The sheet is replaced each time: tables and two charts, A4 landscape page setup.',
      writing: 'Writing the COPIL summary sheet…',
      written: (sheet) => `Sheet "${sheet}" written.`,
      filesTitle: 'Files to hand out',
      filesHint: 'For members without the add-in: the files are made in this browser.',
      download: { pdf: 'Download PDF', xlsx: 'Download XLSX', csv: 'Download CSV' },
      preparing: 'Preparing the file…',
      downloaded: (f) => `File ${f} downloaded.`,
      failed: (d) => `The summary could not be made (${d}). Synchronise, then try again.`,
      noWorkbook: 'Open a workbook or load the example: the summary is made from its tables.',
    },
    ledger: {
      title: 'Reconciliation with a ledger',
      intro: 'Pick the ledger export (CSV or XLSX) from the CDC or the Région: each commitment is compared with the workbook’s financing lines.',
      pick: 'Pick a ledger (CSV or XLSX)',
      useSelection: 'Use the selected range',
      selectionHint: 'Or paste the ledger into a sheet of the workbook, select it with its header row, then use the selected range.',
      emptySelection: 'The selection is empty: select the ledger pasted into the workbook, header row included.',
      noHeader: (f, h) => `${f}: no header row recognised (an amount committed or paid is needed, and a reference or an action code); headers found: ${h}. Choose the columns below.`,
      file: (name) => `Ledger: ${name}`,
      range: (address) => `Ledger: range ${address}`,
      reading: 'Reading the ledger…',
      mapping: 'Ledger columns',
      mappingHint: 'Say which ledger column holds each item; an amount is needed, and a reference or an action code.',
      changeMapping: 'Change the columns',
      apply: 'Reconcile with these columns',
      unmapped: '(none)',
      fields: {
        reference: 'Commitment reference',
        action: 'Action code',
        year: 'Year',
        funder: 'Funder',
        committed: 'Amount committed',
        paid: 'Amount paid',
        date: 'Date',
        beneficiary: 'Beneficiary',
        label: 'Label',
      },
      counts: 'Reconciliation result',
      count: {
        matched: 'Matching',
        different: 'Different',
        'missing-in-ledger': 'Missing in the ledger',
        'missing-in-workbook': 'Missing in the workbook',
        'netted-out': 'Cancelled in the ledger',
      },
      skipped: (n) => `${n} ledger line${n > 1 ? 's' : ''} could not be used (see the findings).`,
      write: 'Write the Reconciliation sheet',
      writing: 'Writing the Reconciliation sheet…',
      written: (sheet) => `Sheet "${sheet}" written.`,
      failed: (d) => `The reconciliation could not be done (${d}). Synchronise, then try again.`,
      unreadable: (f, d) => `${f} could not be read (${d}). Pick a CSV or XLSX ledger export.`,
      noWorkbook: 'Open a workbook or load the example: the ledger is compared with its financing lines.',
    },
    /** Issue 21: the status line after Synchroniser, closing a year, errors in words. */
    acts: {
      syncStatus: {
        checkedAt: (t) => `Checked at ${t}`,
        upToDate: (s) => `${s} sheet up to date`,
      },
      close: {
        nameRequired: 'Enter your name: it is recorded in the Clôtures sheet and in the Log.',
        checking: 'Checking the year…',
        confirmTitle: (y) => `Close the year ${y}?`,
        confirmBody: (y, n) => `The ${n} line${n > 1 ? 's' : ''} of ${y} will be frozen: any later change will be reported as an error until the year is reopened with a reason.`,
        tables: (l) => `Tables concerned: ${l}.`,
        recordedAs: (by) => `The closing will be recorded in the Clôtures sheet and in the Log, under the name ${by}.`,
        confirm: (y) => `Close ${y}`,
        cancel: 'Cancel',
        forcedTitle: (y, e) => `Close ${y} despite ${e} error${e > 1 ? 's' : ''}?`,
        forcedBody: (y, e) => `${e} error${e > 1 ? 's' : ''} on ${y} will be frozen with the year. The Log and the Clôtures sheet will say the closing was forced; the amounts at fault will have to be corrected after reopening.`,
        forcedConfirm: 'Close despite the errors',
        closed: (y, n, j) => `Year ${y} closed: ${n} line${n > 1 ? 's' : ''} recorded in the Clôtures sheet, logged (sheet ${j}).`,
        closedForced: (y, n, e, j) => `Year ${y} closed despite ${e} error${e > 1 ? 's' : ''}: ${n} line${n > 1 ? 's' : ''} frozen with the errors, forced closing logged (sheet ${j}). Correct the errors after reopening the year with a reason.`,
        reopened: (y, j) => `Year ${y} reopened; the reason is recorded in the Clôtures sheet and in the Log (sheet ${j}).`,
      },
      errors: {
        unexpected: 'an unexpected error in the add-in',
        file: {
          'not-xlsx': 'it is not an .xlsx workbook',
          corrupt: 'the file is damaged or incomplete',
          encrypted: 'the workbook is password-protected',
          'too-large': 'the file is too large',
          missing: 'the file cannot be found',
          unknown: 'the workbook has a shape the pane cannot read',
        },
      },
    },
  },
  summary: {
    sheetName: 'COPIL summary',
    title: 'COPIL summary',
    asOf: (d) => `Position at ${d}`,
    source: 'Prepared by Suivi CES ESS from the monitoring workbook; amounts in euros.',
    page: (n, t) => `Page ${n} / ${t}`,
    total: 'Total',
    noAmount: 'not set',
    uncoded: '(no action code)',
    unknownAction: '(not in the Actions table)',
    counts: (e, w, i) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}, ${i} info${i === 1 ? '' : 's'}`,
    noErrors: 'No error.',
    exampleTag: 'FICTITIOUS EXAMPLE',
    exampleBanner: 'FICTITIOUS EXAMPLE: illustrative data supplied with Suivi CES ESS, to be replaced by real data; it does not describe the contract.',
    legalStatus: {
      fixe: 'fixed',
      previsionnel: 'forecast',
      reconduit: 'renewed, subject to budget',
      decide: 'decided',
      'non-fixe': 'not fixed',
      avenant: 'changed by amendment',
      'avenant-sans-effet': 'changed, amendment not in effect at this date',
      'sans-avenant': 'changed without an amendment providing for it',
      illisible: 'unreadable amount',
      'hors-convention': 'outside the convention',
    },
    unknown: { 'no-amount': 'not fixed', 'unreadable-amount': 'unreadable amount', 'unreadable-participation': 'unreadable participation' },
    notAvailable: (why) => `n/a (${why})`,
    noColumn: 'missing column',
    readNote: (...t) => `What was read, per table. ${t.join('. ')}.`,
    references: (r) =>
      `Convention approved by resolution ${r.deliberation} of the Commission permanente on ${r.approvedOn}, signed on ${r.signedOn}${
        r.avenants.length ? `; ${r.avenants.map((a) => `Amendment no. ${a.number}${a.kind ? ` (${a.kind.toLowerCase()})` : ''}${a.date ? ` signed on ${a.date}` : ', undated, of no effect until dated'}`).join('; ')}` : ''
      }.`,
    method: (c) =>
      `Method. An act (amendment, resolution, decision, meeting, report, evaluation, closing) counts only once dated, by the as-of date; a status typed without the act behind it changes nothing. Usages of this follow-up where the convention is silent (the text sets no deadline): ${c.firstYear} counts from the signature on ${c.signedOn}, with no minimum number of meetings; an annual report is expected within ${c.bilanGraceMonths} months of its year’s end; the final evaluation, "at the end of the contract", is expected within ${c.finalEvaluationGraceMonths} months of the contract’s end${c.amountChangeDeadline ? `; an amount amendment signed after the year it changes is pointed out (${articleEn(c.avenantArticle)} sets no deadline)` : ''}.`,
    conclusion: (e, w, i) =>
      e > 0
        ? `${e} error${e > 1 ? 's' : ''} to correct${w > 0 ? ` and ${w} warning${w > 1 ? 's' : ''} to review` : ''}: the workbook cannot be presented as complying with the convention.`
        : w > 0
          ? `No error, but ${w} warning${w > 1 ? 's' : ''} to review (below): compliance with the convention is not established until ${w > 1 ? 'they are' : 'it is'} cleared.`
          : `No error and no warning at the as-of date${i > 0 ? ` (${i} information item${i > 1 ? 's' : ''})` : ''}.`,
    moreErrors: (n) => `… and ${n} more error${n === 1 ? '' : 's'}: see the Checks sheet or "ess-budget check".`,
    sections: {
      convention: 'Convention: amounts, participations and gaps per funder and year',
      execution: 'Execution per funder and year',
      byFunder: (span) => `Execution per funder (${span})`,
      allYears: (span) => `Participations per axis and funder (${span})`,
      year: (y) => `Participations ${y} per axis`,
      actions: (span) => `Execution per action (${span})`,
      findings: 'Checks by severity',
      topErrors: 'Main errors',
      groups: 'Findings by rule: count and first cells',
      references: 'References',
    },
    columns: {
      section: 'Section',
      funder: 'Funder',
      year: 'Year',
      status: 'Status',
      convention: 'Amount (€)',
      participations: 'Participations (€)',
      gap: 'Gap (€)',
      planned: 'Planned (€)',
      committed: 'Committed (€)',
      paid: 'Paid (€)',
      commitmentRate: 'Commitment rate (committed / planned)',
      paymentRate: 'Payment rate (paid / committed)',
      axis: 'Axis',
      total: 'Total (€)',
      code: 'Code',
      title: 'Title',
      severity: 'Severity',
      rule: 'Rule',
      count: 'Count',
      article: 'Article',
      message: 'Message',
      sheet: 'Sheet',
      cell: 'Cell',
      firstCells: 'First cells',
      ruleId: 'Id',
      example: 'Example message',
    },
    csvSections: { convention: 'Convention', participations: 'Participations', action: 'Action', finding: 'Check', group: 'Findings by rule', info: 'Note' },
    charts: {
      participations: { title: (span) => `Participations per axis and funder (${span})`, category: 'Axis', value: 'Amount (€)' },
      execution: { title: (span) => `Execution per funder (${span})`, category: 'Funder', value: 'Amount (€)' },
      notKnown: { label: 'n/a', legend: 'n/a: not known' },
    },
    cli: {
      written: (f, d) => `Summary written: ${f}${d ? ` (${d})` : ''}.`,
      pages: (n) => `${n} page${n === 1 ? '' : 's'}`,
      badOut: (f) => `--out ${f}: choose a .pdf, .xlsx or .csv file`,
      missingOut: 'report takes a workbook and --out <file.pdf|file.xlsx|file.csv>',
      sameAsInput: (f) => `${f} is the workbook being read: choose another output file.`,
      exists: (f) => `${f} already exists: pick another name, or add --force to replace it.`,
    },
  },
  hostLimits: {
    noDropDowns: 'This version of Excel offers no drop-down lists in the add-in’s tables (Office 2019 without its updates): the tables are created without them. Values are still checked at every sync.',
    invalidSelection: 'The selection is not a range of cells (a chart, a shape or several areas): select the pasted ledger, in one block.',
    rangeTooLarge: 'The selection holds more cells than Excel reads at once: select only the ledger’s columns and rows.',
  },
  pane: {
    whatToDo: {
      'workbook.table-missing': 'Click “Restore the tables”, or create the table again under its exact name.',
      'workbook.column-missing': 'Add the column to the table, with the expected header.',
      'cell.required': 'Type the value into the cell shown.',
      'cell.not-a-number': 'Type a number, without text or unit (for example 12500.50).',
      'cell.negative': 'Type a positive amount; a reduction goes through an amendment.',
      'cell.sub-cent': 'Round the amount to the cent.',
      'cell.unknown-funder': (w) => `Choose ${w.funders.join(', ')} or a partner listed in Partenaires.`,
      'cell.bad-year': (w) => `Type a year from ${yearSpan(w.years, 'to')}, in four digits.`,
      'period.outside': (w) => `Correct the date or the year: the contract covers ${yearSpan(w.years, 'to')}.`,
      'axis.unknown': (w) => `Choose one of the convention’s axes: ${listEn(w.axes)}.`,
      'convention.total-mismatch': 'Correct the participations by axis, or the convention amount if an amendment changed it.',
      'convention.duplicate-row': 'Keep one line per funder and year.',
      'convention.changed-without-avenant': 'Record the amendment that sets this amount, or put back the convention’s amount.',
      'convention.unknown-avenant': 'Add the amendment to the Avenants table, or correct its number.',
      'avenant.incomplete': 'Fill in the amendment’s signature date and deliberation.',
      'convention.unconfirmed': 'Give the decision that confirms the renewed amount.',
      'convention.cdc-undecided': (w) =>
        `Type the amount once ${w.undecided.length ? listEn(w.undecided.map((f) => `the ${f.en}`)) : 'the funder'} has decided it; until then, nothing to correct.`,
      'partner.without-avenant': 'Record the amendment that adds this partner.',
      'action.duplicate': 'Keep one line per action code.',
      'action.unknown': 'Add the action to the Actions table, or correct the code.',
      'action.axis-mismatch': 'Use the axis the Actions table gives the action.',
      'action.added-without-copil': (w) => `Give the date of the ${nameEn(w.addedBy.en)} that added the action.`,
      'actions.too-many': 'Check that each action is distinct; merge those that overlap.',
      'allocation.over': 'Reduce the actions’ financing, or check the axis participation.',
      'allocation.under': 'Allocate the rest to actions as they are decided.',
      'execution.commitment-over-plan': 'Check the committed amount, or raise the action’s planned amount.',
      'execution.payment-over-commitment': 'Check the paid amount: it cannot exceed the committed one.',
      'governance.copil': (w) =>
        w.copil
          ? `Record the year’s ${nameEn(w.copil.label.en)} meetings (${meetingsWords(w.copil.min, w.copil.max, 'en')}) in Instances.`
          : 'Record the year’s steering committee meetings in Instances.',
      'governance.assembly': 'Record the year’s Assemblée des territoires in Instances.',
      'governance.social-dialogue': 'Record the year’s social dialogue meeting in Instances.',
      'governance.technical-committee': 'Record the year’s technical committees in Instances.',
      'governance.regional-meeting': 'Record the regional meeting in Instances.',
      'governance.meetings': 'Record each meeting of the body, with its date, in Instances.',
      'governance.unknown-body': 'Choose from the list a body the convention provides for.',
      'reporting.missing-bilan': 'Record the year’s report in Suivi, with its date.',
      'reporting.final-bilan-scope': (w) => `Make the final report cover the whole ${periodSpan(w)} period.`,
      'evaluation.missing': 'Record the evaluation in Suivi, with its date.',
      'evaluation.no-evaluator': 'Name the evaluation’s independent evaluator.',
      'reconciliation.amount-mismatch': 'Compare the workbook’s line with the ledger’s, then correct the wrong one.',
      'reconciliation.missing-in-ledger': 'Check with the funder that the commitment is recorded.',
      'reconciliation.missing-in-workbook': 'Add the commitment to the Financements table, or check the ledger.',
      'reconciliation.duplicate-reference': 'Give each commitment a reference of its own.',
      'reconciliation.matched-by-key': 'Nothing to correct; commitment references would make the match surer.',
      'period.closed-year-changed': 'Put back the closed value, or reopen the year with a reason (COPIL export).',
      'period.closed-later-changed': 'Check the change made since the closing; put back the closed value, or reopen the year with a reason (COPIL export).',
    },
    whatToDoLabel: 'What to do:',
    ruleDetails: (rule, article) => `Rule ${rule}${article ? ` · convention, ${article}` : ''}`,
    samePlace: (n) => `${n} findings at the same place:`,
    settings: 'Settings',
    synthese: {
      title: 'Summary',
      intro: 'What each funder owes under the convention, what it has given, and how far the money is planned, committed and paid.',
      planned: 'Planned',
      committed: 'Committed',
      paid: 'Paid',
      convention: 'Convention',
      participations: 'Participations',
      total: 'Total',
      notAvailable: 'n/a (not available): the amount is not known, because the convention does not set it yet or its cell cannot be read; it is never counted as zero.',
      euros: (label) => `${label} (€)`,
    },
    exact: (text) => `Exact amount: ${text}`,
    asOfInvalid: 'Invalid date: enter a complete date.',
    asOfRange: (min, max) => `Year out of range: enter a date between ${min} and ${max}.`,
    busy: { opening: 'Opening the workbook…', checking: 'Checking the workbook…', example: 'Loading the example…' },
    sheetTitle: 'Sheet in the workbook',
    showSheet: 'Show the sheet',
    firstRun: {
      title: 'Getting started',
      intro: 'Open the contract’s tracking workbook: the pane checks it and sends nothing anywhere.',
      open: 'Open an .xlsx workbook',
      example: 'Load the example',
      blank: 'Create a blank workbook',
      blankHint: 'No workbook yet? Try the fictitious example, or create the blank tables to fill in.',
    },
    blankTemplate: (e, w) =>
      `Blank template: the tables are ready to fill in. The ${e} error${e > 1 ? 's' : ''} and ${w} warning${w > 1 ? 's' : ''} say what is still to be entered; they go away as you fill in the tables.`,
    templateName: 'blank template',
    ledgerAmounts: { lines: 'Lines', committed: 'Committed', gap: 'Gap' },
    read: {
      summary: (t, l, n) => `Read: ${t} table${t > 1 ? 's' : ''}, ${l} line${l > 1 ? 's' : ''}${n ? `; to note, ${n} table${n > 1 ? 's' : ''}:` : '; no line or column left out.'}`,
      details: 'Per table',
    },
  },
  // Issue 23: the convention a workbook carries (core/profileStore.ts), the pane's Settings.
  profileStore: {
    why: {
      mark: (cell) => `unexpected cell ${cell}`,
      id: (cell) => `no id in ${cell}`,
      hash: (cell) => `hash missing or malformed in ${cell}`,
      count: (cell) => `unreadable number of pieces in ${cell}`,
      piece: (piece, of, cell) => `piece ${piece} of ${of} missing in ${cell}`,
      changed: 'hash differs',
      json: (line, column) => `unreadable JSON at line ${line}, column ${column}`,
      jsonToken: (token) => `unreadable JSON, unexpected "${token}"`,
      jsonEnd: 'unreadable JSON (unexpected end of text)',
      document: (detail) => `document refused, ${detail}`,
      idMismatch: (cell, inCell, inText) => `id ${inCell} in ${cell}, ${inText} in the text`,
    },
    unreadable: (file, sheet, why) =>
      `${file}: the workbook carries an unreadable convention (sheet ${sheet}, ${why}): nothing is checked against an uncertain convention. Restore an earlier version of the workbook, or copy its tables into a workbook made by ess-budget init --profile.`,
    unreadableHere: (sheet, why) => `This workbook carries an unreadable convention (sheet ${sheet}, ${why}): nothing is checked against an uncertain convention. Restore an earlier version of the workbook.`,
    badFile: (file, why) => `${file}: unreadable convention (${why}). Fix the file, then run again.`,
    exampleWithProfile: '--example does not go with --profile: the example is the CES ESS 2014-2016’s. Create the workbook without --example.',
    diffDiffers: (before, beforeId, after, afterId) =>
      `${before} follows the convention ${beforeId}, ${after} the convention ${afterId}: two different conventions are not compared line by line (a usage of this tool).`,
    written: (file, title) => `${file} written, with the convention "${title}" (very hidden sheet SuiviCES-convention).`,
    settings: {
      heading: 'Convention followed',
      title: 'Title',
      period: 'Period',
      funders: 'Funders',
      asOf: 'Situation date',
      stored: (sheet, id) => `Carried by the workbook (sheet ${sheet}, id ${id})`,
      builtIn: 'Convention built into the add-in (the workbook carries no other)',
    },
  },
};

/** "1 meeting", "3 meetings", "no meeting". */
/** A body's yearly frequency as the text sets it: "at least 2", "1 to 2", "1", "at most 3". */
function frequencyEn(min: number, max: number | null): string {
  return max === null ? `at least ${min}` : min === max ? `${min}` : min === 0 ? `at most ${max}` : `${min} to ${max}`;
}

function meetings(n: number): string {
  return n === 0 ? 'no meeting' : `${n} meeting${n > 1 ? 's' : ''}`;
}
