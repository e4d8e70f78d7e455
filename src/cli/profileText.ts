/** `profile show` in text: the convention a reader checks against the signed text, fact by fact with its article. */
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { formatEuros } from '../core/money';
import { centsOfDecimal, type ProfileDocument } from '../core/profile';
import { formatDate, parseDateText } from '../core/text';

export function profileText(doc: ProfileDocument, origin: string, lang: Lang): string {
  const s = messages[lang].profile.show;
  const date = (iso: string) => {
    const d = parseDateText(iso);
    return d ? formatDate(d, lang) : iso;
  };
  const years = doc.period.years;
  const [first, last] = [years[0], years[years.length - 1]];
  const status = (id: string) => doc.statuses.find((x) => x.id === id)?.label[lang] ?? id;
  const body = (id: string) => doc.bodies.find((b) => b.id === id)?.label[lang] ?? id;

  const lines = [
    s.title(doc.title, doc.shortTitle, doc.id),
    origin,
    s.approval(doc.approval.text, date(doc.approval.date)),
    s.signature(date(doc.signature.date)),
    s.period(first, last, doc.period.article),
    s.fundersTitle,
  ];
  for (const f of doc.funders) {
    lines.push(s.funder(f.label[lang], f.article, f.instrument[lang]));
    for (const a of doc.amounts.filter((x) => x.funder === f.id)) {
      lines.push(s.amount(a.year, a.amount === null ? s.notFixed : formatEuros(centsOfDecimal(a.amount), lang), status(a.status), a.article, a.source));
    }
  }
  for (const y of years) {
    const ofYear = doc.amounts.filter((a) => a.year === y);
    const total = ofYear.reduce((sum, a) => sum + (a.amount === null ? 0 : centsOfDecimal(a.amount)), 0);
    lines.push(s.total(y, formatEuros(total, lang), ofYear.filter((a) => a.amount === null).length));
  }

  lines.push(s.axesTitle, ...doc.axes.map((a) => s.axis(a.label[lang], a.id, a.codePrefix)));
  lines.push(s.actions(doc.actions.max, doc.actions.article, body(doc.actions.addedBy), doc.actions.plan.year, doc.actions.plan.actions.length));
  const av = doc.avenants;
  lines.push(s.avenants(av.article, av.amountChange, av.newPartner, av.approvalBeforeSignature));
  lines.push(...av.list.map((a) => s.avenant(a.number, a.date ? date(a.date) : '', s.kinds[a.kind], a.object)));
  lines.push(s.partners(doc.partners.length, doc.partners.filter((p) => p.avenant !== '').length));

  lines.push(s.bodiesTitle, ...doc.bodies.map((b) => s.body(b.label[lang], b.min, b.max, b.duty, b.rule !== null, b.article, b.words)));
  lines.push(s.bilans(doc.bilans.perYear, doc.bilans.article, doc.bilans.words ?? ''));
  const grace = doc.usages.finalEvaluationGraceMonths.value;
  lines.push(s.evaluationsTitle, ...doc.evaluations.map((e) => s.evaluation(e.label[lang], e.due === 'end' ? null : date(e.due), grace, e.thirdParty, e.article)));

  const u = doc.usages;
  lines.push(
    s.usagesTitle,
    s.usage(s.usageNames.bilanGraceMonths, s.months(u.bilanGraceMonths.value), u.bilanGraceMonths.why),
    s.usage(s.usageNames.finalEvaluationGraceMonths, s.months(u.finalEvaluationGraceMonths.value), u.finalEvaluationGraceMonths.why),
    s.usage(s.usageNames.firstYearFrom, s.usageValues[u.firstYearFrom.value], u.firstYearFrom.why),
    s.usage(s.usageNames.amountChangeDeadline, s.usageValues[u.amountChangeDeadline.value], u.amountChangeDeadline.why),
  );
  return lines.join('\n');
}
