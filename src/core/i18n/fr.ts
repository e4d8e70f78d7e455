/** Every word the French reader sees: rule messages, CLI output, workbook labels. */
import { qualifiedAddress } from '../cells';
import { formatEuros as eur, formatGap as gap } from '../money';
import type { Messages } from './types';
import { instanceLabel } from '../contract';
import { articleFr, decisionFr, periodSpan, yearCoveredFr, yearList, yearSpan } from './articles';
import { contractFr, countFr, meetingsWords, ofFr, orList, seriesList, theFr } from './grammar';
import type { StatusId } from '../profile';

/** « du tableau « Financements » », « des tableaux « Bilans » et « Jalons » ». */
const outsideFr = (tables: string[]) => (tables.length === 1 ? `du tableau « ${tables[0]} »` : `des tableaux ${orList(tables.map((t) => `« ${t} »`), 'et')}`);
/** The ranges shown, then how many cells are not: « I4:I19, J10 et 3 autres cellules ». */
const outsideAt = (p: { ranges: string[]; more: number }) =>
  p.more > 0 ? `${p.ranges.join(', ')} et ${p.more === 1 ? 'une autre cellule' : `${p.more} autres cellules`}` : orList(p.ranges, 'et');
const at = (p: { column?: string }) => (p.column ? `« ${p.column} » : ` : '');
/** A value a closing recorded, or holds now (closed years): in euros when the column holds amounts. */
const closedValue = (cents: number | undefined, text: string | undefined) => (cents !== undefined ? eur(cents) : text || '(vide)');
/** A financing line names its action; one whose code is blank (cell.required says so) is still checked. */
const action = (p: { code?: string }) => (p.code ? `Action ${p.code}` : 'Ligne sans code d’action');
const year = (p: { suggestion?: string }) => (p.suggestion ? ` (vouliez-vous dire ${p.suggestion} ?)` : '');

export const fr: Messages = {
  rules: {
    'workbook.table-missing': (p) =>
      p.variant === 'range'
        ? `Les données de la feuille « ${p.sheet} » ne sont pas un tableau Excel nommé « ${p.table} » : sélectionnez la plage, Insertion > Tableau, puis nommez-le « ${p.table} » (Création de tableau > Nom du tableau).`
        : `Le tableau « ${p.table} » (feuille « ${p.sheet} ») est introuvable : restaurez-le depuis le volet (Restaurer les tableaux) ou copiez-le d’un classeur créé par « ess-budget init ».`,
    'workbook.column-missing': (p) => `Colonne « ${p.column} » absente du tableau « ${p.table} » : ajoutez-la (l’en-tête peut être sans accents ni « (€) »).`,
    'workbook.table-renamed': (p) =>
      `Le tableau de la feuille « ${p.sheet} » s’appelle « ${p.text} » et non « ${p.table} » : il est lu par ses en-têtes. Renommez-le « ${p.table} » (Excel : Création de tableau > Nom du tableau ; LibreOffice : Données > Définir la plage).`,
    'workbook.header-hidden': (p) =>
      `La ligne d’en-tête du tableau « ${p.table} » (feuille « ${p.sheet} ») est masquée : ses colonnes sont lues par leurs noms, la première ligne reste une donnée. Réaffichez-la (Création de tableau > Ligne d’en-tête).`,
    'workbook.column-duplicate': (p) =>
      `Deux colonnes du tableau « ${p.table} » peuvent être « ${p.column} » : ${p.headers.map((h, i) => `« ${h} » (${p.cells[i]})`).join(' et ')}. Seule la première est lue : renommez ou supprimez l’autre.`,
    'workbook.column-thousands': (p) =>
      `La colonne « ${p.text} » du tableau « ${p.table} » est en milliers d’euros : elle n’est pas lue comme « ${p.column} » et ses montants sont n.d. Saisissez les montants en euros sous l’en-tête « ${p.column} ».`,
    'workbook.column-optional-missing': (p) =>
      `Colonne « ${p.column} » absente du tableau « ${p.table} » : ses montants sont n.d. (non disponibles, jamais 0). Ajoutez-la pour qu’ils soient comptés.`,
    'workbook.column-ignored': (p) =>
      `Colonne « ${p.text} » ignorée dans le tableau « ${p.table} » : ce n’est ni un financeur de la convention ni une collectivité partenaire (tableau Partenaires). Pour un cofinanceur, inscrivez-le d’abord dans Partenaires ; sinon, déplacez la colonne hors du tableau.`,
    'workbook.total-row': (p) =>
      `Ligne ${p.row} : « ${p.text} » est une ligne de total saisie dans le tableau « ${p.table} » ; elle n’est pas comptée (elle doublerait les montants). Supprimez-la : le tableau a sa propre ligne de total (Création de tableau > Ligne Total).`,
    'workbook.rows-below': (p) =>
      `${p.count === 1 ? `La ligne ${p.first}, saisie` : `Les lignes ${p.first} à ${p.last}, saisies`} juste sous le tableau « ${p.table} », ${p.count === 1 ? 'est lue' : 'sont lues'} avec lui. Étendez le tableau pour ${p.count === 1 ? 'l’y inclure' : 'les y inclure'} (Excel : Création de tableau > Redimensionner le tableau ; LibreOffice : Données > Définir la plage).`,
    'workbook.rows-below-unread': (p) =>
      p.count === 1
        ? `La ligne ${p.first}, juste sous le tableau « ${p.table} », n’est pas lue : elle ne ressemble pas à une ligne du tableau (aucune valeur obligatoire, ou un total). Complétez-la et étendez le tableau, ou séparez-la d’une ligne vide.`
        : `Les lignes ${p.first} à ${p.last}, juste sous le tableau « ${p.table} », ne sont pas lues : elles ne ressemblent pas à des lignes du tableau (aucune valeur obligatoire, ou un total). Complétez-les et étendez le tableau, ou séparez-les d’une ligne vide.`,
    'workbook.values-outside': (p) =>
      p.count === 1
        ? `Une valeur (nombre, date ou formule) saisie hors ${outsideFr(p.tables)}, en ${outsideAt(p)}, n’est pas lue : elle n’est ni comptée ni vérifiée. Si elle fait partie des données, mettez-la dans le tableau (Excel : Création de tableau > Redimensionner le tableau ; LibreOffice : Données > Définir la plage) ; sinon, déplacez-la sur une autre feuille.`
        : `${p.count} valeurs (nombres, dates ou formules) saisies hors ${outsideFr(p.tables)}, en ${outsideAt(p)}, ne sont pas lues : elles ne sont ni comptées ni vérifiées. Si elles font partie des données, mettez-les dans le tableau (Excel : Création de tableau > Redimensionner le tableau ; LibreOffice : Données > Définir la plage) ; sinon, déplacez-les sur une autre feuille.`,
    'workbook.notes-outside': (p) =>
      p.count === 1
        ? `Un texte saisi hors ${outsideFr(p.tables)}, en ${outsideAt(p)}, n’est pas lu : le suivi le tient pour une note. S’il fait partie des données, mettez-le dans le tableau.`
        : `${p.count} textes saisis hors ${outsideFr(p.tables)}, en ${outsideAt(p)}, ne sont pas lus : le suivi les tient pour des notes. S’ils font partie des données, mettez-les dans le tableau.`,
    'cell.required': (p) => {
      switch (p.variant) {
        case 'merged':
          return `${at(p)}cellule fusionnée, donc vide pour le contrôle : défusionnez-la et saisissez la valeur sur chaque ligne.`;
        case 'error-value':
          return `${at(p)}la cellule contient l’erreur ${p.text} : corrigez la formule ou saisissez la valeur.`;
        case 'uncalculated':
          return `${at(p)}la formule ${p.text} n’a pas de résultat enregistré : ouvrez le fichier dans Excel, recalculez et enregistrez.`;
        case 'not-a-date':
          return `${at(p)}« ${p.text} » n’est pas une date : saisissez-la au format jj/mm/aaaa.`;
        case 'status':
          return `${at(p)}statut « ${p.text} » inconnu : choisissez Fixé, Prévisionnel, Sous réserve, À décider ou Confirmé.`;
        case 'avenant-kind':
          return `${at(p)}nature « ${p.text} » inconnue : choisissez Modification de montant ou Adhésion de partenaires.`;
        default:
          return `${at(p)}valeur obligatoire manquante.`;
      }
    },
    'cell.not-a-number': (p) => {
      switch (p.variant) {
        case 'text-amount':
          return `${at(p)}« ${p.text} » est du texte, pas un nombre : saisissez ${p.suggestion.replace('.', ',')} (le format en euros s’applique tout seul).`;
        case 'error-value':
          return `${at(p)}la cellule contient l’erreur ${p.text} au lieu d’un montant.`;
        case 'uncalculated':
          return `${at(p)}la formule ${p.text} n’a pas de résultat enregistré : ouvrez le fichier dans Excel, recalculez et enregistrez.`;
        case 'date':
          return `${at(p)}une date (${p.text}) se trouve là où un montant est attendu : saisissez le montant au format monétaire (Accueil > Format de nombre).`;
        case 'boolean':
          return `${at(p)}une valeur logique (${p.text}) se trouve là où un montant est attendu.`;
        default:
          return `${at(p)}« ${p.text} » n’est pas un montant : saisissez un nombre.`;
      }
    },
    'cell.negative': (p) => `${at(p)}montant négatif (${eur(p.actual)}) : une participation ou un financement ne peut être inférieur à zéro.`,
    'cell.sub-cent': (p) => `${at(p)}le montant ${frNumber(p.text)} a plus de deux décimales : arrondissez au centime.`,
    'cell.unknown-funder': (p) =>
      `${at(p)}financeur « ${p.text} » inconnu${p.suggestion ? ` : vouliez-vous dire « ${p.suggestion} » ?` : ` : utilisez ${p.funders.map((f) => f.fr).join(', ')} ou un cofinanceur déclaré en colonne des tableaux de participations.`}`,
    'cell.bad-year': (p) => `${at(p)}« ${p.text} » n’est pas une année : saisissez ${yearList(p.years, 'ou')}.`,
    'period.outside': (p) => `${at(p)}l’année ${p.year} est hors de la période de la convention (${yearSpan(p.years, 'à')})${year(p)}.`,
    'axis.unknown': (p) =>
      `${at(p)}axe « ${p.text} » inconnu${p.numbered ? ` (${p.article ? `l’${articleFr(p.article)}` : 'la convention'} en fixe ${countFr(p.numbered)})` : ''} : choisissez ${orList(p.axes, 'ou')} ; d’ici là, les contrôles qui dépendent de l’axe de cette ligne (totaux par financeur et répartition par axe) ne sont pas jugés.`,
    'convention.total-mismatch': (p) =>
      `${p.funder} ${p.year} : les participations par axe totalisent ${eur(p.actual)} pour un montant de ${eur(p.expected)} inscrit au tableau Convention (${p.other}), écart ${gap(p.gap)}.`,
    'convention.duplicate-row': (p) =>
      `${p.funder} ${p.year} : deuxième ligne du tableau Convention pour ce financeur et cette année (la première est en ${p.other}) ; seule la première est contrôlée : supprimez ou corrigez celle-ci.`,
    'convention.changed-without-avenant': (p) => {
      const head = `${p.funder} ${p.year} : le montant ${eur(p.actual)} diffère du ${signedWords(p.label)} ${eur(p.expected)} (écart ${gap(p.gap)})`;
      switch (p.variant) {
        case 'wrong-kind':
          return `${head} ; l’avenant n°${p.text} porte sur l’adhésion de partenaires, pas sur les montants : une modification de montant exige un avenant qui la prévoit (${articleFr(p.article)}).`;
        case 'no-object':
          return `${head} ; l’avenant n°${p.text} ne dit pas ce qu’il modifie : indiquez au tableau Avenants sa nature (Modification de montant), le financeur, l’année et le nouveau montant.`;
        case 'not-covering':
          return `${head} ; l’avenant n°${p.text} ne modifie pas ce montant${p.other ? ` (il porte sur ${p.other})` : ''} : il faut un avenant qui le prévoie (${articleFr(p.article)}).`;
        case 'other-amount':
          return `${head} ; l’avenant n°${p.text} fixe ce montant à ${eur(p.avenantAmount)}, pas à ${eur(p.actual)} (${articleFr(p.article)}).`;
        // Issue 20: an avenant covers a change only once it exists at the situation date (no future date repeated).
        case 'future':
          return `${head} ; l’avenant n°${p.text} n’est pas encore signé à la date de situation : il ne couvre pas encore la modification (${articleFr(p.article)}).`;
        case 'undated':
          return `${head} ; l’avenant n°${p.text} n’est pas daté : tant qu’il ne l’est pas, il ne couvre pas la modification (${articleFr(p.article)}).`;
        case 'unapproved':
          return `${head} ; aucune délibération n’approuve l’avenant n°${p.text} : l’avenant est soumis à l’approbation des parties préalablement à sa signature (${articleFr(p.article)}).`;
        default:
          return `${head} sans avenant : toute modification exige un avenant signé au préalable (${articleFr(p.article)}).`;
      }
    },
    'convention.unknown-avenant': (p) => `L’avenant « ${p.text} » ne figure pas dans le tableau Avenants : ajoutez-le ou corrigez le numéro.`,
    'avenant.incomplete': (p) => {
      const covers = p.other ? ` ; ${p.variant === 'no-deliberation' ? 'approuvé' : 'daté'}, il couvrirait : ${p.other}` : '';
      return p.variant === 'neither'
        ? `Avenant n°${p.text} : ni date de signature ni délibération : il ne couvre rien tant qu’il n’est ni daté ni approuvé${covers} (${articleFr(p.article)}).`
        : p.variant === 'no-date'
          ? `Avenant n°${p.text} : aucune date de signature : il ne couvre rien tant qu’il n’est pas daté${covers} (${articleFr(p.article)}).`
          : `Avenant n°${p.text} : aucune délibération qui l’approuve ; l’avenant est soumis à l’approbation des parties préalablement à sa signature : il ne couvre rien tant qu’elle n’est pas indiquée${covers} (${articleFr(p.article)}).`;
    },
    // Issue 20: avenants in time (rules/avenants.ts).
    'avenant.irregular': (p) =>
      p.variant === 'before-convention'
        ? `Avenant n°${p.text} : signé le ${frDate(p.due)}, avant la convention qu’il modifie (signée le ${frDate(p.other)}) : vérifiez la date ; il ne couvre rien (${articleFr(p.article)}).`
        : `Avenant n°${p.text} : approuvé le ${frDate(p.other)}, après sa signature du ${frDate(p.due)} ; l’avenant est « soumis, préalablement à sa signature » à l’approbation des parties : il ne couvre rien tant que l’ordre n’est pas rétabli (${articleFr(p.article)}).`,
    'avenant.pending': (p) => `Avenant n°${p.text} : pas encore signé à la date de situation ; il ne couvre encore rien${p.other ? ` (signé, il couvrira : ${p.other})` : ''} (${articleFr(p.article)}).`,
    'avenant.after-year': (p) =>
      `Avenant n°${p.text} : signé le ${frDate(p.due)}, après la fin de l’année ${p.year} dont il modifie le montant (${p.funder}) ; l’${articleFr(p.avenantArticle)} ne fixe aucun délai : vérifiez les engagements ${p.year} déjà décidés (usage retenu par le suivi, non une exigence de la convention).`,
    'convention.unconfirmed': (p) => {
      const instrument = p.instrument.fr;
      const reserve = p.variant === 'previsionnel' ? 'prévisionnel' : 'reconduit sous réserve';
      if (p.decision === 'undated')
        return `${p.funder} ${p.year} : la décision « ${p.text} » n’est pas datée ; tant qu’elle ne l’est pas, le montant reste ${reserve} (${instrument}) ; datée au plus tard à la date de situation, elle le confirmerait : indiquez sa date en colonne Décision (jj/mm/aaaa).`;
      if (p.decision === 'future') return `${p.funder} ${p.year} : la décision enregistrée (${instrument}) n’est pas encore intervenue à la date de situation : le montant reste ${reserve}.`;
      if (p.typed === 'confirme' || p.typed === 'fixe')
        return `${p.funder} ${p.year} : statut « ${p.typed === 'fixe' ? 'Fixé' : 'Confirmé'} » saisi sans décision enregistrée (${instrument}) : le montant reste ${reserve} ; indiquez la décision et sa date en colonne Décision.`;
      const typed = p.typed === 'previsionnel' || p.typed === 'sous-reserve' ? p.typed : p.variant;
      return `${p.funder} ${p.year} : le montant est encore « ${typed === 'previsionnel' ? 'Prévisionnel' : 'Sous réserve'} » alors que l’année a commencé, sans décision enregistrée (${instrument}) : indiquez-la, avec sa date, en colonne Décision.`;
    },
    'convention.cdc-undecided': (p) => {
      const d = decisionFr(p.instrument.fr);
      const art = articleFr(p.article);
      return p.variant === 'no-row'
        ? `${p.label.fr} ${p.year} : aucune ligne dans le tableau Convention ; la participation dépend ${d.of} (${art}).`
        : p.variant === 'no-amount'
          ? `${p.label.fr} ${p.year} : aucun montant alors que l’année a commencé ; la participation dépend ${d.of} (${art}).`
          : p.variant === 'undated-decision'
            ? `${p.label.fr} ${p.year} : la décision « ${p.text} » n’est pas datée ; tant qu’elle ne l’est pas, le montant n’est pas décidé ; datée au plus tard à la date de situation, elle le fixerait (${d.body}, ${art}).`
            : p.variant === 'future-decision'
              ? `${p.label.fr} ${p.year} : le ${d.body} enregistré n’a pas encore statué à la date de situation : le montant n’est pas encore décidé (${art}).`
              : `${p.label.fr} ${p.year} : aucune ${p.instrument.fr} enregistrée pour ce montant (${art}).`;
    },
    'partner.without-avenant': (p) => {
      const hint = p.suggestion ? ` Voulez-vous dire « ${p.suggestion} » ?` : '';
      switch (p.variant) {
        case 'wrong-kind':
          return `« ${p.text} » ne fait pas partie des ${p.originals} collectivités signataires d’origine et l’avenant n°${p.other} porte sur des montants, pas sur l’adhésion de partenaires (${articleFr(p.article)}).${hint}`;
        case 'not-listed':
          return `« ${p.text} » ne fait pas partie des ${p.originals} collectivités signataires d’origine et l’avenant n°${p.other} ne la cite pas parmi les collectivités qu’il ajoute (${articleFr(p.article)}).${hint}`;
        default:
          return `« ${p.text} » ne fait pas partie des ${p.originals} collectivités signataires d’origine : indiquez l’avenant qui l’a ajoutée (${articleFr(p.article)}).${hint}`;
      }
    },
    'action.duplicate': (p) => `Le code d’action ${p.code} est déjà utilisé en ${p.other}.`,
    'action.unknown': (p) => `Le code d’action ${p.code} ne figure pas dans le tableau Actions ; d’ici là, la répartition par axe et le bilan annuel de cette ligne ne sont pas jugés.`,
    'action.axis-mismatch': (p) => `L’action ${p.code} est rattachée à « ${p.axisName.fr} » alors que son code désigne « ${p.codeAxisName.fr} ».`,
    // Issue 23: the body that integrates actions, its article and the text's words, from the workbook's profile.
    'action.added-without-copil': (p) => {
      const cited = [p.words ? `${theFr(p.body)} « ${p.words} »` : '', p.article ? articleFr(p.article) : ''].filter(Boolean).join(', ');
      return p.variant === 'future'
        ? `L’action ${p.code}, entrée en ${p.year} : la décision ${ofFr(p.body)} qui l’intègre n’est pas encore intervenue à la date de situation${cited ? ` (${cited})` : ''}.`
        : `L’action ${p.code}, entrée en ${p.year}, ne mentionne aucune décision ${ofFr(p.body)} qui l’a intégrée.`;
    },
    'actions.too-many': (p) =>
      p.words
        ? `${p.count} actions : le contrat ${contractFr(p.words)} (au-delà de ${p.max}, vérifiez avec ${theFr(p.body)}).`
        : `${p.count} actions : au-delà de ${p.max}, vérifiez avec ${theFr(p.body)}.`,
    'allocation.over': (p) =>
      `${p.funder} ${p.year}, ${p.axisName.fr} : les actions prévoient ${eur(p.actual)} pour une participation de ${eur(p.expected)}, dépassement de ${eur(p.gap)}.`,
    'allocation.under': (p) =>
      `${p.funder} ${p.year}, ${p.axisName.fr} : ${eur(p.actual)} répartis sur les actions pour une participation de ${eur(p.expected)}, reste à répartir ${eur(-p.gap)}.`,
    'execution.commitment-over-plan': (p) => `${action(p)} : engagé ${eur(p.actual)} supérieur au prévu ${eur(p.expected)} (écart ${gap(p.gap)}).`,
    'execution.payment-over-commitment': (p) => `${action(p)} : versé ${eur(p.actual)} supérieur à l’engagé ${eur(p.expected)} (écart ${gap(p.gap)}).`,
    'governance.copil': (p) => `${p.year} : ${meetings(p.count)} du COPIL ; la convention en prévoit 1 à 2 par an.`,
    'governance.assembly': (p) => `${p.year} : aucune Assemblée des territoires ; la convention en prévoit au moins une par an.`,
    'governance.social-dialogue': (p) => `${p.year} : ${meetings(p.count)} de l’Espace régional de dialogue social ; la convention en prévoit au moins 2 par an.`,
    // « Les comités techniques pourront se réunir au moins deux fois par an, selon les besoins de suivi » (L1002-L1003): a possibility.
    'governance.technical-committee': (p) =>
      `${p.year} : ${meetings(p.count)} du ${instanceLabel(p.body, 'fr')} ; les comités techniques « pourront se réunir au moins deux fois par an, selon les besoins de suivi » (article 2, §4.1) : une faculté, non une obligation.`,
    'governance.regional-meeting': (p) => `${p.year} : aucune Rencontre régionale ; la convention en prévoit au moins une par an (article 2, §4.2).`,
    // Issue 23: the bodies of any convention, in its profile's words (label, frequency, text, article).
    'governance.meetings': (p) =>
      `${p.year} : ${meetings(p.count)} de l’instance « ${p.label.fr} » ; la convention en prévoit ${frequencyFr(p.min, p.max)} par an (« ${p.words} », ${articleFr(p.article)}).`,
    'governance.meetings-possibility': (p) =>
      `${p.year} : ${meetings(p.count)} de l’instance « ${p.label.fr} » ; la convention en prévoit ${frequencyFr(p.min, p.max)} par an comme une faculté (« ${p.words} », ${articleFr(p.article)}), non une obligation.`,
    'governance.unknown-body': (p) =>
      `${at(p)}instance « ${p.text} » non reconnue : la réunion n’est comptée pour aucune instance de la convention ; choisissez ${seriesList(p.bodies, 'ou')}.`,
    // Issue 20: a due date the convention does not set is a usage of the suivi, and says so.
    'reporting.missing-bilan': (p) =>
      `Action ${p.code} : aucun bilan ${p.year} reçu ; l’${articleFr(p.bilanArticle)} demande des bilans annuels${p.words ? ` (« ${p.words} »)` : ''}, sans échéance ; attendu au ${frDate(p.due)} (usage retenu par le suivi).`,
    // Issue 23: the text's sentence is quoted only where the profile carries it.
    'reporting.final-bilan-scope': (p) =>
      `Action ${p.code} : le bilan ${p.year} ne dit pas couvrir toute la période de mise en œuvre de l’action ; le bilan de la dernière année ${p.words ? `« ${p.words} »` : 'doit la couvrir'} (${articleFr(p.article)}) : indiquez « ${p.period} » en colonne Période couverte.`,
    'evaluation.missing': (p) => {
      const due = p.usage
        ? `la convention la place « à l’issue du contrat », sans date ; attendue au ${frDate(p.due)} (usage retenu par le suivi)`
        : `la convention la prévoit « fin ${p.due.slice(0, 4)} », échéance du ${frDate(p.due)} dépassée`;
      return p.variant === 'no-row' ? `${p.label} : ${due}, et aucun jalon enregistré.` : `${p.label} : ${due}, et aucune date de réalisation.`;
    },
    'evaluation.no-evaluator': (p) =>
      p.variant === 'not-third-party'
        ? `${p.label} : « ${p.text} » est partie au contrat ; l’évaluation est confiée à un tiers (${articleFr(p.evaluationArticle)}).`
        : `${p.label} : aucun évaluateur indiqué ; l’évaluation est confiée à un tiers (${articleFr(p.evaluationArticle)}) : nommez-le en colonne Évaluateur.`,
    'reconciliation.amount-mismatch': (p) =>
      `${p.code} : montant ${p.variant === 'paid' ? 'versé' : 'engagé'} de ${eur(p.actual)} au relevé${p.other ? ` (${p.other})` : ''} contre ${eur(p.expected)} au classeur, écart ${gap(p.gap)}.`,
    'reconciliation.missing-in-ledger': (p) =>
      `${p.code} : ligne du classeur engagée pour ${eur(p.actual)}${p.funder ? ` (${p.funder}${p.year ? ` ${p.year}` : ''})` : ''} absente du relevé.`,
    'reconciliation.missing-in-workbook': (p) =>
      `${p.code} : ${eur(p.actual)} ${p.variant === 'paid' ? 'versés' : 'engagés'} au relevé${p.label ? ` (« ${p.label} »)` : ''}${p.other ? ` [${p.other}]` : ''} sans ligne correspondante au tableau Financements : ajoutez-la ou vérifiez la référence.`,
    'reconciliation.duplicate-reference': (p) =>
      p.variant === 'workbook'
        ? `Référence ${p.code} déjà portée par la cellule ${p.other} du tableau Financements : les deux lignes sont additionnées pour le rapprochement ; vérifiez qu’il ne s’agit pas d’un doublon.`
        : p.variant === 'conflict'
          ? `Référence ${p.code} : cette ligne du relevé ne désigne pas la même action, année ou le même financeur que la première ligne de cette référence (${p.other}) ; vérifiez la référence.`
          : `Référence ${p.code} : ligne identique à une autre du relevé (${p.other}), peut-être exportée deux fois ; elle est comptée deux fois.`,
    'reconciliation.matched-by-key': (p) =>
      `Les références du relevé ne correspondent pas au classeur : rapprochement par action, année et financeur (${p.inCommon ? `${p.inCommon} de ses ${p.count} références seulement` : `aucune de ses ${p.count} références`} au tableau Financements).`,
    // Closed years (issue 15): a cell that differs from the record of its closed year.
    'period.closed-year-changed': (p) =>
      p.variant === 'added'
        ? `l’année ${p.year} est clôturée depuis le ${frDate(p.due)} ; la ligne ${p.label} a été ajoutée depuis. Supprimez-la, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`
        : p.variant === 'removed'
          ? `l’année ${p.year} est clôturée depuis le ${frDate(p.due)} ; la ligne ${p.label} (${p.other} à la clôture) a été supprimée depuis. Rétablissez-la, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`
          : `${at(p)}l’année ${p.year} est clôturée depuis le ${frDate(p.due)} ; cette cellule de la ligne ${p.label} valait ${closedValue(p.expected, p.text)} à la clôture et vaut maintenant ${closedValue(p.actual, p.other)}. Rétablissez la valeur, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`,
    // A closing dated after the situation date: it does not count yet, the change since it is still said.
    'period.closed-later-changed': (p) =>
      p.variant === 'added'
        ? `l’année ${p.year} a été clôturée le ${frDate(p.due)}, après la date de situation : à cette date, la clôture ne compte pas encore ; la ligne ${p.label} a toutefois été ajoutée depuis. Vérifiez cet ajout, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`
        : p.variant === 'removed'
          ? `l’année ${p.year} a été clôturée le ${frDate(p.due)}, après la date de situation : à cette date, la clôture ne compte pas encore ; la ligne ${p.label} (${p.other} à la clôture) a toutefois été supprimée depuis. Vérifiez cette suppression, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`
          : `${at(p)}l’année ${p.year} a été clôturée le ${frDate(p.due)}, après la date de situation : à cette date, la clôture ne compte pas encore ; cette cellule de la ligne ${p.label} valait toutefois ${closedValue(p.expected, p.text)} à la clôture et vaut maintenant ${closedValue(p.actual, p.other)}. Vérifiez la modification, ou rouvrez l’année (ess-budget reopen) en indiquant le motif.`,
    // Issue 19.
    'period.closure-record-missing': (p) =>
      `le Journal enregistre la clôture de l’année ${p.year}${p.due ? ` le ${frDate(p.due)}` : ''}, mais son enregistrement (feuille Clôtures) a disparu : les montants de cette année ne sont plus contrôlés contre la clôture. Rétablissez la feuille Clôtures depuis une version antérieure du classeur, ou clôturez de nouveau l’année (ess-budget close) après avoir vérifié ses montants.`,
    'financing.duplicate-reference': (p) =>
      `Référence ${p.code} déjà portée par la cellule ${p.other} du tableau Financements : une référence d’engagement désigne un seul engagement. Si les deux lignes sont le même engagement, réunissez-les ; sinon corrigez l’une des deux références (un rapprochement les additionnerait).`,
  },
  /** Each rule's title, shown on screen and in exports; the id stays a secondary label. */
  ruleTitles: {
    'workbook.table-missing': 'Tableau introuvable',
    'workbook.column-missing': 'Colonne absente',
    'workbook.table-renamed': 'Tableau renommé',
    'workbook.header-hidden': 'Ligne d’en-tête masquée',
    'workbook.column-duplicate': 'Colonne en double',
    'workbook.column-thousands': 'Colonne en milliers d’euros',
    'workbook.column-optional-missing': 'Colonne de montants absente',
    'workbook.column-ignored': 'Colonne ignorée',
    'workbook.total-row': 'Ligne de total dans le tableau',
    'workbook.rows-below': 'Lignes sous le tableau',
    'workbook.rows-below-unread': 'Lignes sous le tableau non lues',
    'workbook.values-outside': 'Valeurs hors des tableaux, non lues',
    'workbook.notes-outside': 'Textes hors des tableaux, non lus',
    'cell.required': 'Valeur attendue',
    'cell.not-a-number': 'Montant illisible',
    'cell.negative': 'Montant négatif',
    'cell.sub-cent': 'Fraction de centime',
    'cell.unknown-funder': 'Financeur inconnu',
    'cell.bad-year': 'Année invalide',
    'period.outside': (w) => `Hors de la période ${periodSpan(w)}`,
    'axis.unknown': 'Axe inconnu',
    'convention.total-mismatch': 'Participations différentes de la convention',
    'convention.duplicate-row': 'Ligne Convention en double',
    'convention.changed-without-avenant': 'Montant modifié sans avenant qui le prévoit',
    'convention.unknown-avenant': 'Avenant inconnu',
    'avenant.incomplete': 'Avenant sans date ou sans délibération',
    'avenant.irregular': (w) => `Avenant signé hors de l’ordre de l’${articleFr(w.avenantArticle)}`,
    'avenant.pending': 'Avenant pas encore signé',
    'avenant.after-year': 'Avenant signé après l’année qu’il modifie (usage)',
    'convention.unconfirmed': 'Montant reconduit sans décision enregistrée',
    'convention.cdc-undecided': (w) => (w.undecided.length ? `Montant ${orList(w.undecided.map((f) => f.fr), 'ou')} non décidé` : 'Montant non décidé'),
    'partner.without-avenant': 'Partenaire sans avenant qui l’ajoute',
    'action.duplicate': 'Action en double',
    'action.unknown': 'Action inconnue',
    'action.axis-mismatch': 'Axe différent de celui de l’action',
    'action.added-without-copil': (w) => `Action ajoutée sans décision ${ofFr(w.addedBy.fr)}`,
    'actions.too-many': (w) => (w.actionsApprox ? `Plus d’une ${w.actionsApprox} d’actions` : `Plus de ${w.maxActions} actions`),
    'allocation.over': 'Financements des actions au-delà de la participation par axe',
    'allocation.under': 'Participations non encore affectées',
    'execution.commitment-over-plan': 'Engagé supérieur au prévu',
    'execution.payment-over-commitment': 'Versé supérieur à l’engagé',
    'governance.copil': (w) => {
      if (!w.copil) return 'Réunions du comité de pilotage hors de la fréquence prévue';
      const { label, min, max } = w.copil;
      // « Nombre de COPIL »: an acronym names the meeting; another body's are « réunions du … ».
      const what = /^[A-Z0-9]{2,}$/.test(label.fr) ? label.fr : `réunions ${ofFr(label.fr)}`;
      if (max === null) return `Nombre de ${what} inférieur à ${min} par an`;
      return max === min ? `Nombre de ${what} différent de ${min} par an` : `Nombre de ${what} hors de ${min} à ${max} par an`;
    },
    'governance.assembly': 'Assemblée des territoires manquante',
    'governance.social-dialogue': 'Dialogue social manquant',
    'governance.technical-committee': 'Comités techniques réunis moins de deux fois (faculté de la convention)',
    'governance.regional-meeting': 'Rencontre régionale manquante',
    'governance.unknown-body': 'Instance non reconnue',
    'governance.meetings': 'Réunions d’une instance hors de la fréquence prévue',
    'governance.meetings-possibility': 'Instance réunie moins que la convention ne le permet (faculté)',
    'reporting.missing-bilan': 'Bilan annuel manquant',
    'reporting.final-bilan-scope': 'Bilan final ne couvrant pas la période de l’action',
    'evaluation.missing': 'Évaluation manquante',
    'evaluation.no-evaluator': 'Évaluation sans évaluateur tiers',
    'reconciliation.amount-mismatch': 'Montant différent du relevé',
    'reconciliation.missing-in-ledger': 'Ligne absente du relevé',
    'reconciliation.missing-in-workbook': 'Ligne absente du classeur',
    'reconciliation.duplicate-reference': 'Référence en double',
    'reconciliation.matched-by-key': 'Rapprochement par action, année et financeur',
    'period.closed-year-changed': 'Année clôturée modifiée',
    'period.closure-record-missing': 'Enregistrement de clôture disparu',
    'period.closed-later-changed': 'Année clôturée après la date de situation, modifiée depuis',
    'financing.duplicate-reference': 'Référence d’engagement en double',
  },
  severity: { error: 'erreur', warning: 'avertissement', info: 'information' },
  severityPlural: { error: 'erreurs', warning: 'avertissements', info: 'informations' },
  /** Versions (issue 15): diff of two workbooks, closed years, "Évolutions depuis le …". */
  versions: {
    blank: '(vide)',
    kind: { changed: 'modifié', added: 'ajouté', removed: 'supprimé' },
    fields: { convention: 'Convention', participations: 'Participations', planned: 'Prévu', committed: 'Engagé', paid: 'Versé' },
    diff: {
      args: 'diff attend deux classeurs : <avant.xlsx> <après.xlsx>',
      table: (t, n) => `${t} : ${n} changement${n > 1 ? 's' : ''}`,
      changed: (k, c, b, a, d) => `${k} — « ${c} » : ${b} → ${a}${d ? ` (${d})` : ''}`,
      added: (k) => `ligne ajoutée : ${k}`,
      removed: (k) => `ligne supprimée : ${k}`,
      inBefore: ' (classeur avant)',
      totalsTitle: 'Écarts par financeur et par année :',
      total: (f, y, field, b, a, d) => `  ${f} ${y} — ${field} : ${b} → ${a} (${d})`,
      none: 'Aucun changement dans les tableaux du contrat.',
      count: (c, a, r) => `${c + a + r} changement${c + a + r > 1 ? 's' : ''} : ${c} modifié${c > 1 ? 's' : ''}, ${a} ajouté${a > 1 ? 's' : ''}, ${r} supprimé${r > 1 ? 's' : ''}.`,
    },
    close: {
      args: 'close attend un classeur et une année : <classeur.xlsx> <année>',
      reopenArgs: 'reopen attend un classeur, une année et --reason "motif"',
      badYear: (s, ...years) => `« ${s} » n’est pas une année du contrat (${yearList(years.length ? years : undefined, 'ou')}).`,
      closed: (f, y, n, by) => `${f} : année ${y} clôturée par ${by} (${n} ligne${n > 1 ? 's' : ''} enregistrée${n > 1 ? 's' : ''}).`,
      forced: (e) => `Clôture forcée malgré ${e} erreur${e > 1 ? 's' : ''} sur l’année (inscrit au Journal).`,
      refused: (f, y, e) => `${f} : clôture de ${y} refusée, ${e} erreur${e > 1 ? 's' : ''} sur cette année (voir « ess-budget check ») ; corrigez-les, ou ajoutez --force pour clôturer quand même (le Journal le dira).`,
      alreadyClosed: (y, on, by) => `L’année ${y} est déjà clôturée (le ${frDate(on)}, par ${by}) ; rouvrez-la d’abord (ess-budget reopen).`,
      notClosed: (y) => `L’année ${y} n’est pas clôturée : rien à rouvrir.`,
      reopened: (f, y) => `${f} : année ${y} rouverte (motif inscrit dans la feuille Clôtures et au Journal).`,
      reasonRequired: 'reopen exige un motif : --reason "…"',
      noOwnSheet: (s) => `une feuille « ${s} » existe mais n’est pas celle du complément (aucun tableau Clotures) ; renommez-la puis relancez.`,
      // Issue 20: a year is closed once it has ended (or forced, with a reason the Journal keeps).
      notEnded: (y, end, reasonMissing, article) =>
        reasonMissing
          ? `L’année ${y} n’est pas terminée (elle court jusqu’au ${frDate(end)}) : une clôture anticipée exige un motif, --force --reason "…", inscrit au Journal.`
          : `L’année ${y} n’est pas terminée (elle court jusqu’au ${frDate(end)}) : ${yearCoveredFr(article)} ; clôturez-la après le ${frDate(end)}, ou ajoutez --force --reason "…" (le motif est inscrit au Journal).`,
      early: (y, asOf, r) => `Clôture anticipée de ${y} au ${frDate(asOf)}, avant la fin de l’année : ${r}`,
      journalClose: (y, forced) => `Clôture de l’année ${y}${forced ? ' (forcée malgré des erreurs)' : ''}`,
      journalReopen: (y, r) => `Réouverture de l’année ${y} : ${r}`,
      sheet: 'Clôtures',
      title: 'Clôtures des années',
      note: 'Feuille tenue par le complément : ne la modifiez pas. Une année clôturée est contrôlée ligne par ligne contre cet enregistrement.',
      headers: { year: 'Année', operation: 'Opération', date: 'Date', by: 'Par', reason: 'Motif', table: 'Tableau', key: 'Clé', cell: 'Cellule', values: 'Valeurs', fingerprint: 'Empreinte' },
      operation: { close: 'Clôture', reopen: 'Réouverture', line: 'Ligne' },
      unknownUser: 'inconnu',
    },
    evolutions: {
      title: (d, f) => `Évolutions depuis le ${frDate(d)} (${f})`,
      totalsTitle: 'Écarts par financeur et par année',
      headers: { funder: 'Financeur', year: 'Année', field: 'Montant', before: 'Avant', after: 'Maintenant', delta: 'Écart' },
      linesTitle: 'Lignes modifiées, par action',
      lineHeaders: { action: 'Action', change: 'Changement', cell: 'Cellule', column: 'Colonne', before: 'Avant', after: 'Maintenant' },
      none: 'Aucun changement depuis la version précédente.',
      otherTables: 'Autres tableaux',
      sheet: 'Évolutions',
    },
    pane: {
      title: 'Comparer avec la version précédente',
      pick: 'Choisir le classeur du dernier COPIL…',
      hint: 'Facultatif : les fichiers PDF, XLSX et CSV ajoutent alors une section « Évolutions depuis le … » (écarts par financeur et par année, lignes modifiées par action).',
      comparing: (f, d) => `Comparaison avec ${f} (enregistré le ${frDate(d)}).`,
      clear: 'Ne plus comparer',
      reading: 'Lecture du classeur précédent…',
      unreadable: (f, d) => `${f} : classeur illisible (${d}).`,
      closeTitle: 'Clôturer une année',
      closeIntro: 'Une année clôturée est contrôlée ligne par ligne contre son enregistrement (feuille Clôtures) : toute modification devient une erreur, jusqu’à une réouverture motivée.',
      year: 'Année',
      by: 'Clôturée par',
      force: 'Clôturer malgré les erreurs (le Journal le dira)',
      close: 'Clôturer l’année',
      reopen: 'Rouvrir l’année',
      reason: 'Motif de la réouverture',
      notEnded: (y, end, article) => `L’année ${y} n’est pas terminée (elle court jusqu’au ${frDate(end)}) : ${yearCoveredFr(article)} ; clôturez-la après le ${frDate(end)}.`,
      refused: (y, e) => `Clôture de ${y} refusée : ${e} erreur${e > 1 ? 's' : ''} sur cette année. Corrigez-${e > 1 ? 'les' : 'la'}, ou cochez « Clôturer malgré les erreurs ».`,
      status: (y, d, by) => `${y} : clôturée le ${frDate(d)} par ${by}`,
      failed: (d) => `Écriture impossible : ${d}`,
    },
  },
  // Issue 23: profiles (src/core/profileCheck.ts, src/cli/profile.ts).
  profile: {
    problem: (path, text) => `${path} : ${text}`,
    json: (line, column, what) => `ligne ${line}, colonne ${column} : JSON illisible, ${what}`,
    jsonEnd: 'fin du texte inattendue',
    jsonChar: (c) => `caractère « ${c} » inattendu`,
    schema: {
      pattern: {
        amount: 'montant attendu en euros, en chaîne avec le point décimal (par exemple « 2387500.00 »), ou null',
        date: 'date attendue sous la forme AAAA-MM-JJ',
        dateOrEmpty: 'date attendue sous la forme AAAA-MM-JJ, ou "" si elle n’est pas connue',
        due: 'échéance attendue sous la forme AAAA-MM-JJ, ou « end » (à l’issue du contrat)',
        id: 'identifiant attendu en minuscules, chiffres et tirets (par exemple « comite-technique-1 »)',
      },
      additional: (key) => `propriété « ${key} » inconnue du format des profils (voir profiles/schema.json)`,
      allowed: (text, values) => `${text} (${values})`,
    },
    check: {
      unknownFunder: (id, known) => `financeur « ${id} » inconnu (financeurs du profil : ${known})`,
      yearOutside: (year, first, last) => `année ${year} hors de la période ${first}-${last}`,
      yearsOrder: 'les années de la période doivent être croissantes',
      duplicate: (value, first) => `« ${value} » en double, déjà en ${first}`,
      duplicateAlias: (alias, first) => `écriture « ${alias} » déjà donnée en ${first}, le classeur ne saurait laquelle lire`,
      missingAmount: (funder, year) => `montant manquant pour ${funder} en ${year} (une entrée par financeur et par année de la période, amount null si le texte n’en fixe pas)`,
      duplicateAmount: (funder, year, first) => `montant en double pour ${funder} en ${year}, déjà en ${first}`,
      statusNotListed: (status) => `statut « ${status} » absent de /statuses`,
      unknownAxis: (id, known) => `axe « ${id} » inconnu (axes du profil : ${known})`,
      unknownRule: (rule, known) => `règle « ${rule} » inconnue (règles de gouvernance : ${known}, ou null pour une instance que le suivi ne compte pas)`,
      unknownBody: (id, known) => `instance « ${id} » inconnue (instances du profil : ${known})`,
      unknownAvenant: (n, known) => `avenant n°${n} absent de /avenants/list (avenants : ${known || 'aucun'})`,
      unknownPartner: (name) => `partenaire « ${name} » absent de /partners`,
      badDate: (text) => `date « ${text} » impossible`,
      maxBelowMin: (max, min) => `au plus ${max} réunion${max > 1 ? 's' : ''} par an, moins que le minimum (${min})`,
    },
    cli: {
      valid: (title, id, first, last, funders, axes) => `Profil valide : ${title} — ${id}, ${first}-${last}, ${funders} financeur${funders > 1 ? 's' : ''}, ${axes} axe${axes > 1 ? 's' : ''}`,
      subcommand: (s, suggestion) =>
        s === undefined
          ? 'profile attend une sous-commande, validate ou show. Tapez « ess-budget profile --help ».'
          : `Sous-commande inconnue : « ${s} ».${suggestion ? ` Vouliez-vous dire « ${suggestion} » ?` : ''} Sous-commandes : validate, show (ess-budget profile --help).`,
      validateArgs: 'profile validate attend un fichier de profil (.json)',
      showArgs: 'profile show attend au plus un classeur',
      unreadable: (file, code) => `${file} : fichier de profil illisible (${code}).`,
      tooLarge: (file, limit) => `${file} : refusé, un profil ne dépasse pas ${limit}.`,
    },
    show: {
      builtIn: 'Convention intégrée au suivi, celle de tout classeur qui n’en porte pas d’autre.',
      fromWorkbook: (file) => `Convention écrite dans le classeur ${file}.`,
      noneInWorkbook: (file) => `Le classeur ${file} ne porte pas de convention : il suit la convention intégrée.`,
      title: (title, shortTitle, id) => `${shortTitle} — ${title} (${id})`,
      approval: (text, date) => `Approbation : ${text} (${date})`,
      signature: (date) => `Signature : ${date}`,
      period: (first, last, article) => `Période : ${first}-${last} (${article})`,
      fundersTitle: 'Financeurs et montants signés :',
      funder: (label, article, instrument) => `  ${label} (${article}), décision : ${instrument}`,
      amount: (year, amount, status, article, source) => `    ${year} : ${amount} — « ${status} » (${article}, source ${source})`,
      notFixed: 'montant non fixé par le texte',
      total: (year, amount, open) => `  Total ${year} : ${amount}${open ? `, hors ${open} montant${open > 1 ? 's' : ''} non fixé${open > 1 ? 's' : ''}` : ''}`,
      axesTitle: 'Axes :',
      axis: (label, id, prefix) => `  ${label} — ${id}${prefix ? `, codes ${prefix}_…` : ''}`,
      actions: (max, article, addedBy, planYear, planned) => `Actions : ${max} au plus (${article}), ajoutées par ${addedBy}, plan ${planYear} de ${planned} action${planned > 1 ? 's' : ''}`,
      avenants: (article, amountChange, newPartner, before) =>
        `Avenants (${article}) : ${[amountChange ? 'pour changer un montant' : '', newPartner ? 'pour ajouter un partenaire' : ''].filter(Boolean).join(' ou ') || 'aucun cas prévu'}${before ? ', approuvés avant leur signature' : ''}`,
      avenant: (n, date, kind, object) => `  Avenant n°${n}${date ? ` du ${date}` : ''} (${kind}) : ${object}`,
      kinds: { montant: 'montant', partenaires: 'partenaires' },
      partners: (total, added) => `Partenaires : ${total}, dont ${added} ajouté${added > 1 ? 's' : ''} par avenant`,
      bodiesTitle: 'Instances :',
      body: (label, min, max, duty, counted, article, words) => {
        const often = max === null ? (min === 0 ? 'sans fréquence' : `au moins ${min} fois par an`) : min === max ? `${min} fois par an` : `${min} à ${max} fois par an`;
        return `  ${label} — ${often} — ${duty === 'obligation' ? 'obligation' : 'possibilité'}${counted ? '' : ', non comptée'} (${article}, « ${words} »)`;
      },
      bilans: (perYear, article, words) => `Bilans : ${perYear ? 'un par année' : 'un bilan final'} (${article}${words ? `, « ${words} »` : ''})`,
      evaluationsTitle: 'Évaluations :',
      evaluation: (label, due, grace, thirdParty, article) =>
        `  ${label} — ${due ? `au ${due}` : `à l’issue du contrat, attendue ${grace} mois après (usage)`}${thirdParty ? ', par un tiers' : ''} (${article})`,
      usagesTitle: 'Usages, là où la convention ne dit rien (valeurs du suivi, non des articles) :',
      usage: (name, value, why) => `  ${name} : ${value} (« usage ») — ${why}`,
      usageNames: {
        bilanGraceMonths: 'Délai du bilan annuel',
        finalEvaluationGraceMonths: 'Délai de l’évaluation finale',
        firstYearFrom: 'Première année comptée',
        amountChangeDeadline: 'Échéance d’un avenant de montant',
      },
      usageValues: { signature: 'à partir de la signature', 'year-start': 'toute l’année', 'year-end': 'avant la fin de l’année qu’il change', none: 'aucune' },
      months: (n) => `${n} mois après`,
    },
  },
  office: {
    journal: { sync: (asOf) => `Synchronisation (contrôle au ${asOf})`, init: 'Initialisation du classeur', restore: 'Restauration des tableaux' },
    validation: {
      listTitle: 'Valeur inattendue',
      list: (items) => `Choisissez parmi : ${items}`,
      amountTitle: 'Montant invalide',
      amount: 'Saisissez un montant positif ou nul, en euros (deux décimales au plus).',
    },
    errors: {
      cellEdit: 'Excel est en train de modifier une cellule : validez-la (Entrée) ou annulez (Échap), puis relancez.',
      payload: 'Le classeur dépasse ce qu’Excel sur le web accepte en un seul échange : relancez ; si cela se reproduit, ouvrez le classeur dans Excel pour ordinateur.',
      notFound: 'Une feuille ou un tableau a changé pendant l’opération : relancez la synchronisation.',
      general: (code) => `Excel a refusé l’opération (${code}) : relancez ; si cela se reproduit, enregistrez, fermez et rouvrez le classeur.`,
    },
  },
  reconcile: {
    line: (n) => `ligne ${n}`,
    lines: (list) => `lignes ${list}`,
    status: { matched: 'Rapprochée', different: 'Différente', 'missing-in-ledger': 'Absente du relevé', 'missing-in-workbook': 'Absente du classeur', 'netted-out': 'Annulée (solde nul)' },
    matchedOn: { reference: 'Référence', key: 'Action, année, financeur' },
    counts: (c) =>
      `Rapprochement : ${c.matched} ligne(s) concordante(s), ${c.different} différente(s), ${c.missingInLedger} absente(s) du relevé, ${c.missingInWorkbook} absente(s) du classeur, ${c.nettedOut} annulée(s) au relevé.`,
    scope: (f) => `Financeurs rapprochés : ${f}.`,
    skipped: (n) => `${n} ligne(s) du relevé inutilisable(s) (voir les constats).`,
    totalsTitle: 'Totaux par financeur et par année',
    totalsHeaders: { funder: 'Financeur', year: 'Année', wbCommitted: 'Engagé classeur', ledCommitted: 'Engagé relevé', gapCommitted: 'Écart engagé', wbPaid: 'Versé classeur', ledPaid: 'Versé relevé', gapPaid: 'Écart versé' },
    sheet: 'Rapprochement',
    title: (w, l) => `Rapprochement de ${w} avec ${l}`,
    headers: {
      status: 'Statut',
      matchedOn: 'Rapprochée sur',
      reference: 'Référence',
      action: 'Code action',
      year: 'Année',
      funder: 'Financeur',
      wbCommitted: 'Engagé classeur (€)',
      ledCommitted: 'Engagé relevé (€)',
      gapCommitted: 'Écart engagé (€)',
      wbPaid: 'Versé classeur (€)',
      ledPaid: 'Versé relevé (€)',
      gapPaid: 'Écart versé (€)',
      workbookCell: 'Cellule du classeur',
      ledgerLines: 'Lignes du relevé',
      label: 'Libellé',
    },
    written: (f) => `Rapprochement écrit : ${f}.`,
    empty: (f) => `${f} : relevé vide, rien à rapprocher.`,
    noHeader: (f, h) =>
      `${f} : aucune ligne d’en-têtes reconnue (il faut un montant engagé ou versé, et une référence ou un code action) ; en-têtes trouvés : ${h || 'aucun'}. Indiquez les colonnes avec --map, par exemple --map engage="Montant AE" --map reference="N° pièce".`,
    noLines: (f, h) => `${f} : en-têtes reconnus (${h}) mais aucune ligne de données.`,
    unknownMapField: (field) =>
      `--map : « ${field} » n’est pas un champ du relevé ; champs possibles : reference, action, annee, financeur, engage, verse, date, beneficiaire, libelle.`,
    mapHeaderNotFound: (f, field, header, h) => `${f} : --map ${field}="${header}" : aucune colonne « ${header} » ; en-têtes trouvés : ${h || 'aucun'}.`,
    badMap: (a) => `--map attend champ="En-tête du relevé" (par exemple engage="Montant AE"), pas « ${a} ».`,
    tooLarge: (f, size, limit) => `${f} : relevé refusé, ${size} au-delà de la limite de ${limit} ; exportez une période ou un financeur à la fois.`,
    unsupported: (f) => `${f} : format de relevé non pris en charge ; enregistrez-le en CSV (séparateur ; ou ,) ou en classeur .xlsx.`,
    noFinancing: (f) => `${f} : le classeur n’a pas de tableau Financements ; rien à rapprocher (lancez « ess-budget check » pour le détail).`,
    args: 'reconcile attend un classeur et un relevé',
  },
  cli: {
    usage: `Suivi CES ESS : contrôle du budget du Contrat économique sectoriel ESS 2014-2016.
Utilisation :
  ess-budget init <sortie.xlsx> [--example | --profile convention.json] [--lang fr|en]
  ess-budget check <classeur.xlsx> [--format text|json] [--as-of AAAA-MM-JJ] [--lang fr|en]
  ess-budget report <classeur.xlsx> --out <fichier.pdf|fichier.xlsx|fichier.csv> [--as-of AAAA-MM-JJ] [--since <précédent.xlsx>] [--lang fr|en] [--force]
  ess-budget reconcile <classeur.xlsx> <relevé.csv|relevé.xlsx> [--format text|json] [--out rapprochement.xlsx [--force]] [--map engage="Montant AE" …] [--funder CDC] [--scope all] [--match reference|key] [--lang fr|en]
  ess-budget diff <avant.xlsx> <après.xlsx> [--format text|json] [--lang fr|en]
  ess-budget close <classeur.xlsx> <année> [--by NOM] [--force [--reason "motif"]] [--as-of AAAA-MM-JJ]
  ess-budget reopen <classeur.xlsx> <année> --reason "motif" [--by NOM]
  ess-budget profile validate <profil.json> | profile show [<classeur.xlsx>] [--format text|json] [--lang fr|en]
  ess-budget <commande> --help     l’aide d’une commande
  ess-budget --version`,
    summary: (e, w, i) => `${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}, ${i} information${i > 1 ? 's' : ''}.`,
    readPrefix: 'Lu : ',
    read: (r) => {
      const rows = (g: { first: number; last: number }) => (g.first === g.last ? `${g.first}` : `${g.first}-${g.last}`);
      const n = (k: number, one: string, many: string) => `${k} ${k > 1 ? many : one}`;
      const how = r.kind === 'renamed' ? `, tableau « ${r.foundAs} »` : r.kind === 'range' ? ', plage sans tableau Excel' : '';
      const below = r.below ? `, dont ${n(r.below.count, 'ligne saisie', 'lignes saisies')} sous le tableau (${rows(r.below)})` : '';
      const reason = { 'total-row': ['ligne de total saisie', 'lignes de total saisies'], 'totals-row': ['ancienne ligne de total', 'anciennes lignes de total'], 'below-unclear': ['ligne sous le tableau', 'lignes sous le tableau'] } as const;
      const out = [...r.leftOut.map((g) => `${n(g.count, reason[g.reason][0], reason[g.reason][1])}, ${rows(g)}`), ...(r.ignoredColumns ?? []).map((c) => `colonne « ${c} »`), ...(r.outside ? [`${n(r.outside.count, 'cellule saisie hors des tableaux', 'cellules saisies hors des tableaux')} (${outsideAt(r.outside)})`] : [])];
      return `${r.table} : ${n(r.lines, 'ligne', 'lignes')} (${qualifiedAddress(r.sheet, r.range)}${how}${r.headerHidden ? ', ligne d’en-tête masquée' : ''}${below})${out.length ? ` ; non lu : ${out.join(', ')}` : ''}`;
    },
    written: (file, example) => `Classeur écrit : ${file}${example ? ' (avec l’exemple)' : ''}.`,
    badArgs: (detail, c) => `Arguments invalides : ${detail}. Tapez « ess-budget${c ? ` ${c}` : ''} --help ».`,
    badDate: (s) => `Date --as-of invalide : « ${s} » (attendu AAAA-MM-JJ).`,
    unknownCommand: (s, sugg) => `Commande inconnue : « ${s} ».${sugg ? ` Vouliez-vous dire « ${sugg} » ?` : ''} Commandes : init, check, report, reconcile, diff, close, reopen, profile (ess-budget <commande> --help).`,
    help: {
      init: `ess-budget init <sortie.xlsx> [options]
Crée un classeur vierge aux tableaux du contrat (convention, participations par axe et par année,
actions, financements, avenants, partenaires, instances, suivi), prêt à remplir dans Excel.

Options :
  --example         ajoute l’exemple fictif (à remplacer par les données réelles)
  --profile FICHIER la convention suivie (JSON), écrite dans le classeur (feuille très masquée
                    SuiviCES-convention) : check, report, diff, close la liront sans option
  --force           remplace <sortie.xlsx> s’il existe
  --lang fr|en      langue des feuilles et des messages (fr par défaut)
  -h, --help        cette aide

Statut de sortie : 0 classeur écrit, 2 arguments ou écriture impossibles.
Exemple :
  ess-budget init exemple.xlsx --example`,
      check: `ess-budget check <classeur.xlsx> [options]
Contrôle le classeur contre la convention : totaux par financeur et par année, avenants, période,
axes, gouvernance et bilans. Chaque constat nomme la feuille et la cellule.

Options :
  --format text|json      texte (par défaut) ou JSON (montants en chaînes, au centime)
  --as-of AAAA-MM-JJ      date de situation (aujourd’hui par défaut) pour les échéances
  --lang fr|en            langue des messages
  -h, --help              cette aide

Statut de sortie : 0 aucune erreur, 1 au moins une erreur, 2 classeur inutilisable.
Exemple :
  ess-budget check exemple.xlsx --as-of 2016-12-31`,
      report: `ess-budget report <classeur.xlsx> --out <fichier.pdf|fichier.xlsx|fichier.csv> [options]
Écrit la synthèse que lit le COPIL : PDF (A4 paysage, graphiques), XLSX (feuille Synthèse COPIL,
formules vivantes) ou CSV, selon l’extension de --out. La synthèse est écrite même avec des erreurs.

Options :
  -o, --out <fichier>     fichier à écrire (.pdf, .xlsx ou .csv) ; obligatoire
  --as-of AAAA-MM-JJ      date de situation (aujourd’hui par défaut)
  --force                 remplace un .xlsx existant
  --since <précédent.xlsx>  ajoute « Évolutions depuis le … » : écarts avec une version antérieure
  --lang fr|en            langue de la synthèse
  -h, --help              cette aide

Statut de sortie : 0 aucune erreur, 1 au moins une erreur (synthèse écrite), 2 entrée inutilisable.
Exemple :
  ess-budget report exemple.xlsx --out synthese.pdf --as-of 2016-12-31`,
      reconcile: `ess-budget reconcile <classeur.xlsx> <relevé.csv|relevé.xlsx> [options]
Rapproche un relevé comptable (grand livre, export d’un financeur) du tableau Financements :
montants différents, lignes absentes du relevé ou du classeur, totaux par financeur et par année.
Les lignes sont appariées par référence d’engagement ; si les références du relevé ne
correspondent pas au classeur (numérotation propre au financeur), par action, année et financeur.

Options :
  --format text|json      texte (par défaut) ou JSON
  --out <fichier.xlsx>    écrit aussi la feuille Rapprochement dans un nouveau classeur
  --force                 remplace le fichier --out s’il existe
  --map champ="En-tête"   la colonne d’un champ dont l’en-tête n’est pas reconnu (répétable) ;
                          champs : reference, action, annee, financeur, engage, verse, date,
                          beneficiaire, libelle
  --funder <financeur>    le financeur d’un relevé sans colonne Financeur (ex. CDC)
  --scope all             attend toutes les lignes du classeur (par défaut : celles des
                          financeurs que nomme le relevé)
  --match reference|key   force l’appariement : par référence, ou par action, année et financeur
  --lang fr|en            langue des messages
  -h, --help              cette aide

Statut de sortie : 0 aucune erreur, 1 au moins une erreur, 2 entrée inutilisable.
Exemple :
  ess-budget reconcile exemple.xlsx examples/grand-livre-cdc.csv --out rapprochement.xlsx`,
      diff: `ess-budget diff <avant.xlsx> <après.xlsx> [options]
Compare les tableaux du contrat de deux versions du classeur, ligne à ligne selon leur identité
(financements par référence, sinon par action, année, financeur et rang ; convention par financeur
et année ; actions par code…) : des lignes réordonnées ne sont pas un changement.

Options :
  --format text|json      texte (par défaut) ou JSON (montants en chaînes, au centime)
  --lang fr|en            langue des messages
  -h, --help              cette aide

Statut de sortie : 0 mêmes données, 1 différences, 2 entrée inutilisable.
Exemple :
  ess-budget diff copil-2015.xlsx copil-2016.xlsx`,
      close: `ess-budget close <classeur.xlsx> <année> [options]
Clôture une année : enregistre dans la feuille Clôtures la date, la personne et l’empreinte de
chaque ligne de l’année ; « ess-budget check » signale ensuite toute modification de ces lignes.
Une année qui porte des erreurs n’est clôturée qu’avec --force (le Journal le dit) ; une année
pas encore terminée à la date de situation, seulement avec --force et un motif (--reason).

Options :
  --by NOM                qui clôture (par défaut : l’utilisateur du système)
  --force                 clôture malgré les erreurs de l’année, ou avant sa fin (avec --reason)
  --reason "motif"        motif d’une clôture anticipée, inscrit dans la feuille Clôtures et au Journal
  --as-of AAAA-MM-JJ      date de situation du contrôle préalable (aujourd’hui par défaut)
  --lang fr|en            langue des messages
  -h, --help              cette aide

Le classeur est écrit à côté, relu et vérifié, puis remplacé d’un coup ; en cas d’échec il reste tel quel.
Statut de sortie : 0 année clôturée, 1 clôture refusée (erreurs), 2 entrée inutilisable ou écriture impossible.
Exemple :
  ess-budget close budget.xlsx 2014 --by "Service financier"`,
      reopen: `ess-budget reopen <classeur.xlsx> <année> --reason "motif" [options]
Rouvre une année clôturée ; le motif est inscrit dans la feuille Clôtures et au Journal.

Options :
  --reason "motif"        pourquoi l’année est rouverte ; obligatoire
  --by NOM                qui rouvre (par défaut : l’utilisateur du système)
  --lang fr|en            langue des messages
  -h, --help              cette aide

Statut de sortie : 0 année rouverte, 2 entrée inutilisable ou écriture impossible (le classeur reste tel quel).
Exemple :
  ess-budget reopen budget.xlsx 2014 --reason "Erreur de saisie du montant"`,
      profile: `ess-budget profile validate <profil.json>
ess-budget profile show [<classeur.xlsx>] [options]
Une convention décrite comme donnée (README, « Décrire une autre convention »).
  validate    vérifie un profil JSON contre profiles/schema.json et ses renvois internes
              (financeurs des montants, années de la période, identifiants uniques, axes des
              actions, instances, avenants des partenaires) ; une ligne par problème, avec son
              chemin JSON
  show        montre la convention, celle que suit le classeur donné, sinon la convention
              intégrée (CES ESS 2014-2016) : financeurs et montants par année avec leur statut,
              axes, instances, évaluations, usages

Options de show :
  --format text|json      texte (par défaut) ou le profil JSON lui-même (montants en chaînes)
  --lang fr|en            langue des messages
  -h, --help              cette aide

Statut de sortie : 0 profil valide ou montré, 2 profil invalide ou entrée inutilisable.
Exemples :
  ess-budget profile validate ma-convention.json
  ess-budget profile show budget.xlsx`,
    },
    version: (v) => `ess-budget ${v}`,
    unknownOption: (c, o, s) => `Option inconnue pour ${c} : ${o}.${s ? ` Vouliez-vous dire ${s} ?` : ''} Tapez « ess-budget ${c} --help ».`,
    missingValue: (c, o) => `L’option ${o} de ${c} attend une valeur. Tapez « ess-budget ${c} --help ».`,
    takesNoValue: (c, o) => `L’option ${o} de ${c} ne prend pas de valeur. Tapez « ess-budget ${c} --help ».`,
    badValue: (c, o, v, a) => `Valeur invalide pour ${o} : « ${v} » (possibles : ${a}). Tapez « ess-budget ${c} --help ».`,
    fileMissing: (f) => `${f} : fichier introuvable.`,
    notXlsx: (f) => `${f} : ce n’est pas un classeur .xlsx (zip illisible).`,
    corrupt: (f, d) => `${f} : classeur illisible (${d}).`,
    tooLarge: (f, d) => `${f} : refusé, ${d}.`,
    cannotWrite: (f, d) => `${f} : écriture impossible (${d}).`,
    encrypted: (f) => `${f} : classeur protégé par mot de passe : enregistrez-le sans mot de passe (Fichier > Informations > Protéger le classeur), puis relancez.`,
    // Issue 19: other formats, and a write that did not happen.
    otherFormat: (f, format) =>
      `${f} : ${format === 'xls' ? 'classeur Excel 97-2003 (.xls)' : 'classeur binaire Excel (.xlsb)'}, un format que ess-budget ne lit pas : ouvrez-le dans Excel, Fichier > Enregistrer sous > Classeur Excel (.xlsx), puis relancez sur le .xlsx.`,
    notWritten: (f, why) => `${f} : rien n’a été écrit, le classeur est resté tel quel — ${why}.`,
    writeFailure: {
      unreadable: (part, d) => `la partie ${part || 'principale'} du classeur n’est pas un XML que l’outil sait modifier (${d})`,
      readonly: 'le fichier est en lecture seule',
      temp: (code) => `le fichier temporaire n’a pas pu être écrit à côté du classeur (${code})`,
      lost: (part) => `la vérification ne retrouve pas ${part} dans le fichier écrit`,
      changed: (part) => `la vérification trouve ${part} modifié dans le fichier écrit`,
      xml: (part, d) => `la vérification trouve ${part} mal formé dans le fichier écrit (${d})`,
      table: (t) => `la vérification relit le tableau ${t} autrement qu’avant l’écriture`,
      own: (t) => `la vérification ne relit pas le tableau ${t} tel qu’il devait être écrit`,
      reread: (d) => `la vérification ne parvient pas à relire le fichier écrit (${d})`,
      moved: 'le classeur a été modifié sur le disque pendant l’opération ; relancez la commande',
      replace: (code) => `le classeur n’a pas pu être remplacé (${code}) ; s’il est ouvert dans Excel ou LibreOffice, fermez-le puis relancez`,
    },
    odsReadOnly: (f) => `${f} : un classeur OpenDocument (.ods) se lit, mais une clôture ne s’enregistre que dans un .xlsx : enregistrez-le au format Excel (Fichier > Enregistrer sous > Classeur Excel 2007-365), puis relancez sur le .xlsx.`,
  },
  ui: {
    appTitle: 'Suivi CES ESS',
    contractTitle: 'Contrat économique sectoriel ESS 2014-2016',
    loading: 'Chargement…',
    tabs: { checks: 'Contrôles', reconciliation: 'Rapprochement', export: 'Export COPIL', settings: 'Paramètres' },
    init: {
      title: 'Initialiser le classeur',
      intro: 'Ce classeur ne contient pas encore les tableaux du contrat. Le volet peut les créer : convention, participations par axe, actions, financements, avenants, partenaires, instances et suivi.',
      example: 'Ajouter l’exemple fictif (à remplacer par les données réelles)',
      button: 'Initialiser le classeur',
      busy: 'Création des tableaux…',
    },
    dashboard: {
      asOf: (d) => `Situation au ${d}`,
      sync: 'Synchroniser',
      syncing: 'Synchronisation en cours…',
      notSynced: 'Cliquez sur Synchroniser pour contrôler le classeur.',
      conformity: 'Conformité par financeur et par année',
      funder: 'Financeur',
      convention: 'Convention',
      participations: 'Participations',
      gap: 'Écart',
      status: 'État',
      conform: 'Conforme',
      notConform: 'Non conforme',
      noAmount: 'Pas de montant',
      notAvailable: 'n.d.',
      counts: 'Résultats du contrôle',
      restore: 'Restaurer les tableaux',
      restoreHint: 'Des tableaux du contrat manquent : le volet peut les remettre en place sans toucher aux données saisies.',
      amounts: 'Montants par financeur et par année',
      year: 'Année',
      cell: (p) => `${p.funder} ${p.year} : ${p.state} ; convention ${p.convention}, participations ${p.participations}, écart ${p.gap}`,
    },
    findings: {
      title: 'Écarts à corriger',
      none: 'Aucun écart : le classeur respecte la convention.',
      article: (a) => `Convention : ${a}`,
      at: (sheet, cell) => `${sheet}, cellule ${cell}`,
      count: (n) => `${n} constat${n > 1 ? 's' : ''}`,
    },
    settings: {
      language: 'Langue',
      languageNames: { fr: 'Français', en: 'English' },
      asOf: 'Date de situation',
      asOfHint: 'Les échéances et les années commencées sont jugées à cette date.',
    },
    preview: {
      banner: 'Aperçu hors d’Excel : le classeur reste dans ce navigateur, rien n’est envoyé.',
      open: 'Ouvrir un classeur .xlsx',
      example: 'Charger l’exemple',
      source: (name) => `Classeur : ${name}`,
      exampleName: 'exemple fictif',
      gridLabel: (sheet, cell) => `Feuille ${sheet} autour de la cellule ${cell}`,
      selected: (sheet, cell, value) => `Feuille ${sheet}, cellule ${cell} sélectionnée${value ? ` : ${value}` : ' (vide)'}.`,
      empty: 'Ouvrez un classeur .xlsx ou chargez l’exemple pour commencer.',
    },
    errors: {
      title: 'Action impossible',
      dismiss: 'Fermer',
      sync: (d) => `La synchronisation a échoué (${d}). Terminez la saisie en cours dans la cellule, puis cliquez de nouveau sur Synchroniser.`,
      init: (d) => `Les tableaux n’ont pas pu être créés (${d}). Vérifiez que le classeur n’est pas protégé, puis réessayez.`,
      open: (f, d) => `${f} n’a pas pu être lu (${d}). Choisissez un classeur .xlsx enregistré par Excel.`,
      tooLarge: (f, limit) => `${f} dépasse ${limit} : ouvrez-le dans Excel avec le complément, ou allégez-le.`,
      select: (sheet, cell) => `La cellule ${cell} de la feuille « ${sheet} » est introuvable : la feuille a peut-être été renommée. Synchronisez de nouveau.`,
      badDate: 'Date invalide : saisissez une date au format jj/mm/aaaa.',
      office: 'Excel n’a pas répondu. Fermez et rouvrez le volet, puis réessayez.',
    },
    soon: {
      title: 'Bientôt disponible',
      reconciliation: 'Le rapprochement avec le relevé de la CDC arrive dans une prochaine version. En attendant : ess-budget reconcile.',
      export: 'La synthèse COPIL (feuille, PDF, XLSX, CSV) arrive dans une prochaine version. En attendant : ess-budget report.',
    },
    copil: {
      title: 'Synthèse pour le comité de pilotage',
      intro: 'Ce que chaque financeur doit et a apporté, par axe et par année, l’exécution et les écarts, à la date de situation.',
      writeSheet: 'Écrire la feuille Synthèse COPIL',
      writeHint: 'La feuille est remplacée à chaque fois : tableaux et deux graphiques, mise en page A4 paysage.',
      writing: 'Écriture de la feuille Synthèse COPIL…',
      written: (sheet) => `Feuille « ${sheet} » écrite.`,
      filesTitle: 'Fichiers à diffuser',
      filesHint: 'Pour les membres qui n’ont pas le complément : les fichiers sont produits dans ce navigateur.',
      download: { pdf: 'Télécharger PDF', xlsx: 'Télécharger XLSX', csv: 'Télécharger CSV' },
      preparing: 'Préparation du fichier…',
      downloaded: (f) => `Fichier ${f} téléchargé.`,
      failed: (d) => `La synthèse n’a pas pu être produite (${d}). Synchronisez, puis réessayez.`,
      noWorkbook: 'Ouvrez un classeur ou chargez l’exemple : la synthèse se fait sur ses tableaux.',
    },
    ledger: {
      title: 'Rapprochement avec un relevé',
      intro: 'Choisissez l’export du grand livre (CSV ou XLSX) de la CDC ou de la Région : chaque engagement est comparé aux financements du classeur.',
      pick: 'Choisir un relevé (CSV ou XLSX)',
      useSelection: 'Utiliser la plage sélectionnée',
      selectionHint: 'Ou collez le relevé dans une feuille du classeur, sélectionnez-le avec sa ligne d’en-têtes, puis utilisez la plage sélectionnée.',
      emptySelection: 'La sélection est vide : sélectionnez le relevé collé dans le classeur, ligne d’en-têtes comprise.',
      noHeader: (f, h) =>
        `${f} : aucune ligne d’en-têtes reconnue (il faut un montant engagé ou versé, et une référence ou un code action) ; en-têtes trouvés : ${h}. Indiquez les colonnes ci-dessous.`,
      file: (name) => `Relevé : ${name}`,
      range: (address) => `Relevé : plage ${address}`,
      reading: 'Lecture du relevé…',
      mapping: 'Colonnes du relevé',
      mappingHint: 'Indiquez la colonne du relevé qui porte chaque information ; il faut un montant, et une référence ou un code action.',
      changeMapping: 'Modifier les colonnes',
      apply: 'Rapprocher avec ces colonnes',
      unmapped: '(aucune)',
      fields: {
        reference: 'Référence d’engagement',
        action: 'Code action',
        year: 'Année',
        funder: 'Financeur',
        committed: 'Montant engagé',
        paid: 'Montant versé',
        date: 'Date',
        beneficiary: 'Bénéficiaire',
        label: 'Libellé',
      },
      counts: 'Résultat du rapprochement',
      count: {
        matched: 'Concordantes',
        different: 'Différentes',
        'missing-in-ledger': 'Absentes du relevé',
        'missing-in-workbook': 'Absentes du classeur',
        'netted-out': 'Annulées au relevé',
      },
      skipped: (n) => `${n} ligne${n > 1 ? 's' : ''} du relevé inutilisable${n > 1 ? 's' : ''} (voir les constats).`,
      write: 'Écrire la feuille Rapprochement',
      writing: 'Écriture de la feuille Rapprochement…',
      written: (sheet) => `Feuille « ${sheet} » écrite.`,
      failed: (d) => `Le rapprochement n’a pas pu être fait (${d}). Synchronisez, puis réessayez.`,
      unreadable: (f, d) => `${f} n’a pas pu être lu (${d}). Choisissez un fichier CSV ou XLSX exporté du grand livre.`,
      noWorkbook: 'Ouvrez un classeur ou chargez l’exemple : le relevé est comparé à ses financements.',
    },
    /** Issue 21: the status line after Synchroniser, closing a year, errors in words. */
    acts: {
      syncStatus: {
        checkedAt: (t) => `Contrôlé à ${t}`,
        upToDate: (s) => `feuille ${s} à jour`,
      },
      close: {
        nameRequired: 'Indiquez votre nom : il est inscrit dans la feuille Clôtures et au Journal.',
        checking: 'Vérification de l’année…',
        confirmTitle: (y) => `Clôturer l’année ${y} ?`,
        confirmBody: (y, n) => `Les ${n} ligne${n > 1 ? 's' : ''} de ${y} seront figées : toute modification ultérieure sera signalée comme une erreur, jusqu’à une réouverture motivée.`,
        tables: (l) => `Tableaux concernés : ${l}.`,
        recordedAs: (by) => `La clôture sera inscrite dans la feuille Clôtures et au Journal, au nom de ${by}.`,
        confirm: (y) => `Clôturer ${y}`,
        cancel: 'Annuler',
        forcedTitle: (y, e) => `Clôturer ${y} malgré ${e} erreur${e > 1 ? 's' : ''} ?`,
        forcedBody: (y, e) => `${e} erreur${e > 1 ? 's' : ''} sur ${y} ser${e > 1 ? 'ont' : 'a'} figée${e > 1 ? 's' : ''} avec l’année. Le Journal et la feuille Clôtures diront que la clôture a été forcée ; les montants en faute devront être corrigés après une réouverture.`,
        forcedConfirm: 'Clôturer malgré les erreurs',
        closed: (y, n, j) => `Année ${y} clôturée : ${n} ligne${n > 1 ? 's' : ''} enregistrée${n > 1 ? 's' : ''} dans la feuille Clôtures, inscrite au Journal (feuille ${j}).`,
        closedForced: (y, n, e, j) => `Année ${y} clôturée malgré ${e} erreur${e > 1 ? 's' : ''} : ${n} ligne${n > 1 ? 's' : ''} figée${n > 1 ? 's' : ''} avec les erreurs, clôture forcée inscrite au Journal (feuille ${j}). Corrigez les erreurs après une réouverture motivée.`,
        reopened: (y, j) => `Année ${y} rouverte ; le motif est inscrit dans la feuille Clôtures et au Journal (feuille ${j}).`,
      },
      errors: {
        unexpected: 'erreur inattendue du complément',
        file: {
          'not-xlsx': 'ce n’est pas un classeur .xlsx',
          corrupt: 'le fichier est endommagé ou incomplet',
          encrypted: 'le classeur est protégé par un mot de passe',
          'too-large': 'le fichier est trop volumineux',
          missing: 'le fichier est introuvable',
          unknown: 'le classeur n’a pas une forme que le volet sait lire',
        },
      },
    },
  },
  summary: {
    sheetName: 'Synthèse COPIL',
    title: 'Synthèse COPIL',
    asOf: (d) => `Situation au ${d}`,
    source: 'Établie par Suivi CES ESS à partir du classeur de suivi ; montants en euros.',
    page: (n, t) => `Page ${n} / ${t}`,
    total: 'Total',
    noAmount: 'non fixé',
    uncoded: '(sans code action)',
    unknownAction: '(absente du tableau Actions)',
    counts: (e, w, i) => `${e} erreur${e > 1 ? 's' : ''}, ${w} avertissement${w > 1 ? 's' : ''}, ${i} information${i > 1 ? 's' : ''}`,
    noErrors: 'Aucune erreur.',
    exampleTag: 'EXEMPLE FICTIF',
    exampleBanner: 'EXEMPLE FICTIF : données illustratives fournies avec Suivi CES ESS, à remplacer par les données réelles ; ne décrit pas la situation du contrat.',
    legalStatus: {
      fixe: 'fixé',
      previsionnel: 'prévisionnel',
      reconduit: 'reconduit sous réserve',
      decide: 'décidé',
      'non-fixe': 'non fixé',
      avenant: 'modifié par avenant',
      'avenant-sans-effet': 'modifié, avenant sans effet à cette date',
      'sans-avenant': 'modifié sans avenant qui le prévoit',
      illisible: 'montant illisible',
      'hors-convention': 'hors convention',
    },
    unknown: { 'no-amount': 'non fixé', 'unreadable-amount': 'montant illisible', 'unreadable-participation': 'participation illisible' },
    notAvailable: (why) => `n.d. (${why})`,
    noColumn: 'colonne absente',
    readNote: (...t) => `Ce qui a été lu, par tableau. ${t.join('. ')}.`,
    references: (r) =>
      `Convention approuvée par la délibération ${r.deliberation} de la Commission permanente du ${frDate(r.approvedOn)}, signée le ${frDate(r.signedOn)}${
        r.avenants.length
          ? ` ; ${r.avenants.map((a) => `Avenant n°${a.number}${a.kind ? ` (${a.kind.toLowerCase()})` : ''}${a.date ? ` signé le ${frDate(a.date)}` : ', non daté, sans effet tant qu’il ne l’est pas'}`).join(' ; ')}`
          : ''
      }.`,
    method: (c) =>
      `Méthode. Un acte (avenant, délibération, décision, réunion, bilan, évaluation, clôture) ne compte qu’une fois daté, au plus tard à la date de situation ; un statut saisi sans l’acte qui le fonde ne change rien. Usages retenus par le suivi là où la convention ne dit rien (ni délai ni échéance dans le texte) : l’année ${c.firstYear} est comptée à partir de la signature du ${frDate(c.signedOn)}, sans nombre minimal de réunions ; un bilan annuel est attendu dans les ${c.bilanGraceMonths} mois qui suivent l’année ; l’évaluation finale, « à l’issue du contrat », est attendue dans les ${c.finalEvaluationGraceMonths} mois qui suivent la fin du contrat${c.amountChangeDeadline ? ` ; un avenant de montant signé après l’année qu’il modifie est signalé (l’${articleFr(c.avenantArticle)} ne fixe aucun délai)` : ''}.`,
    conclusion: (e, w, i) =>
      e > 0
        ? `${e} erreur${e > 1 ? 's' : ''} à corriger${w > 0 ? ` et ${w} avertissement${w > 1 ? 's' : ''} à examiner` : ''} : le classeur ne peut pas être présenté comme conforme à la convention.`
        : w > 0
          ? `Aucune erreur, mais ${w} avertissement${w > 1 ? 's' : ''} à examiner (ci-dessous) : la conformité à la convention n’est pas acquise tant qu’${w > 1 ? 'ils ne sont pas levés' : 'il n’est pas levé'}.`
          : `Aucune erreur ni avertissement à la date de situation${i > 0 ? ` (${i} information${i > 1 ? 's' : ''})` : ''}.`,
    moreErrors: (n) => `… et ${n} autre${n > 1 ? 's' : ''} erreur${n > 1 ? 's' : ''} : voir la feuille Contrôles ou « ess-budget check ».`,
    sections: {
      convention: 'Convention : montants, participations et écarts par financeur et par année',
      execution: 'Exécution par financeur et par année',
      byFunder: (span) => `Exécution par financeur (${span})`,
      allYears: (span) => `Participations par axe et par financeur (${span})`,
      year: (y) => `Participations ${y} par axe`,
      actions: (span) => `Exécution par action (${span})`,
      findings: 'Contrôles par gravité',
      topErrors: 'Principales erreurs',
      groups: 'Constats par règle : nombre et premières cellules',
      references: 'Références',
    },
    columns: {
      section: 'Section',
      funder: 'Financeur',
      year: 'Année',
      status: 'Statut',
      convention: 'Montant (€)',
      participations: 'Participations (€)',
      gap: 'Écart (€)',
      planned: 'Prévu (€)',
      committed: 'Engagé (€)',
      paid: 'Versé (€)',
      commitmentRate: 'Taux d’engagement (engagé / prévu)',
      paymentRate: 'Taux de versement (versé / engagé)',
      axis: 'Axe',
      total: 'Total (€)',
      code: 'Code',
      title: 'Intitulé',
      severity: 'Gravité',
      rule: 'Règle',
      count: 'Nombre',
      article: 'Article',
      message: 'Message',
      sheet: 'Feuille',
      cell: 'Cellule',
      firstCells: 'Premières cellules',
      ruleId: 'Identifiant',
      example: 'Exemple de message',
    },
    csvSections: { convention: 'Convention', participations: 'Participations', action: 'Action', finding: 'Contrôle', group: 'Constats par règle', info: 'Note' },
    charts: {
      participations: { title: (span) => `Participations par axe et par financeur (${span})`, category: 'Axe', value: 'Montant (€)' },
      execution: { title: (span) => `Exécution par financeur (${span})`, category: 'Financeur', value: 'Montant (€)' },
      notKnown: { label: 'n.d.', legend: 'n.d. : non connu' },
    },
    cli: {
      written: (f, d) => `Synthèse écrite : ${f}${d ? ` (${d})` : ''}.`,
      pages: (n) => `${n} page${n > 1 ? 's' : ''}`,
      badOut: (f) => `--out ${f} : choisissez un fichier .pdf, .xlsx ou .csv`,
      missingOut: 'report attend un classeur et --out <fichier.pdf|fichier.xlsx|fichier.csv>',
      sameAsInput: (f) => `${f} est le classeur lu : choisissez un autre fichier de sortie.`,
      exists: (f) => `${f} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
    },
  },
  hostLimits: {
    noDropDowns: 'Cette version d’Excel ne propose pas de listes déroulantes dans les tableaux du complément (Office 2019 sans ses mises à jour) : les tableaux sont créés sans. Les valeurs saisies sont vérifiées à chaque synchronisation.',
    invalidSelection: 'La sélection n’est pas une plage de cellules (un graphique, une forme ou plusieurs zones) : sélectionnez le relevé collé, d’un seul tenant.',
    rangeTooLarge: 'La sélection compte plus de cellules qu’Excel n’en lit en une fois : sélectionnez seulement les colonnes et les lignes du relevé.',
  },
  pane: {
    whatToDo: {
      'workbook.table-missing': 'Cliquez sur « Restaurer les tableaux », ou recréez le tableau sous son nom exact.',
      'workbook.column-missing': 'Ajoutez la colonne au tableau, avec l’intitulé attendu.',
      'cell.required': 'Saisissez la valeur dans la cellule indiquée.',
      'cell.not-a-number': 'Saisissez un nombre, sans texte ni unité (par exemple 12500,50).',
      'cell.negative': 'Saisissez un montant positif ; une réduction passe par un avenant.',
      'cell.sub-cent': 'Arrondissez le montant au centime.',
      'cell.unknown-funder': (w) => `Choisissez ${w.funders.join(', ')} ou un partenaire inscrit dans Partenaires.`,
      'cell.bad-year': (w) => `Saisissez une année de ${yearSpan(w.years, 'à')}, en quatre chiffres.`,
      'period.outside': (w) => `Corrigez la date ou l’année : le contrat couvre ${yearSpan(w.years, 'à')}.`,
      'axis.unknown': (w) => `Choisissez l’un des axes de la convention : ${orList(w.axes, 'ou')}.`,
      'convention.total-mismatch': 'Corrigez les participations par axe, ou le montant de la convention s’il a changé par avenant.',
      'convention.duplicate-row': 'Gardez une seule ligne par financeur et par année.',
      'convention.changed-without-avenant': 'Enregistrez l’avenant qui fixe ce montant, ou remettez le montant de la convention.',
      'convention.unknown-avenant': 'Ajoutez l’avenant au tableau Avenants, ou corrigez son numéro.',
      'avenant.incomplete': 'Renseignez la date de signature et la délibération de l’avenant.',
      'convention.unconfirmed': 'Indiquez la décision qui confirme le montant reconduit.',
      'convention.cdc-undecided': (w) =>
        `Saisissez le montant quand ${w.undecided.length ? orList(w.undecided.map((f) => theFr(f.fr, 'f')), 'ou') : 'le financeur'} l’aura décidé ; d’ici là, rien à corriger.`,
      'partner.without-avenant': 'Enregistrez l’avenant qui ajoute ce partenaire.',
      'action.duplicate': 'Gardez une seule ligne par code action.',
      'action.unknown': 'Ajoutez l’action au tableau Actions, ou corrigez le code.',
      'action.axis-mismatch': 'Alignez l’axe sur celui de l’action dans le tableau Actions.',
      'action.added-without-copil': (w) => `Indiquez la date ${ofFr(w.addedBy.fr)} qui a décidé l’ajout de l’action.`,
      'actions.too-many': 'Vérifiez que chaque action est distincte ; regroupez celles qui se recoupent.',
      'allocation.over': 'Réduisez les financements des actions, ou vérifiez la participation de l’axe.',
      'allocation.under': 'Affectez le reste aux actions à mesure qu’elles sont décidées.',
      'execution.commitment-over-plan': 'Vérifiez le montant engagé, ou relevez le prévu de l’action.',
      'execution.payment-over-commitment': 'Vérifiez le montant versé : il ne peut pas dépasser l’engagé.',
      'governance.copil': (w) =>
        w.copil
          ? `Inscrivez dans Instances les réunions ${ofFr(w.copil.label.fr)} de l’année (${meetingsWords(w.copil.min, w.copil.max, 'fr')}).`
          : 'Inscrivez dans Instances les réunions du comité de pilotage de l’année.',
      'governance.assembly': 'Inscrivez dans Instances l’Assemblée des territoires de l’année.',
      'governance.social-dialogue': 'Inscrivez dans Instances la rencontre de dialogue social de l’année.',
      'governance.technical-committee': 'Inscrivez dans Instances les comités techniques de l’année.',
      'governance.regional-meeting': 'Inscrivez dans Instances la rencontre régionale.',
      'governance.meetings': 'Inscrivez dans Instances chaque réunion de l’instance, avec sa date.',
      'governance.unknown-body': 'Choisissez dans la liste une instance que prévoit la convention.',
      'reporting.missing-bilan': 'Inscrivez dans Suivi le bilan de l’année, avec sa date.',
      'reporting.final-bilan-scope': (w) => `Faites porter le bilan final sur toute la période ${periodSpan(w)}.`,
      'evaluation.missing': 'Inscrivez l’évaluation dans Suivi, avec sa date.',
      'evaluation.no-evaluator': 'Indiquez l’évaluateur tiers de l’évaluation.',
      'reconciliation.amount-mismatch': 'Comparez la ligne du classeur à celle du relevé, puis corrigez celle qui est fausse.',
      'reconciliation.missing-in-ledger': 'Vérifiez auprès du financeur que l’engagement est bien enregistré.',
      'reconciliation.missing-in-workbook': 'Ajoutez l’engagement au tableau Financements, ou vérifiez le relevé.',
      'reconciliation.duplicate-reference': 'Donnez une référence unique à chaque engagement.',
      'reconciliation.matched-by-key': 'Rien à corriger ; des références d’engagement rendraient le rapprochement plus sûr.',
      'period.closed-year-changed': 'Remettez la valeur clôturée, ou rouvrez l’année avec un motif (Export COPIL).',
      'period.closed-later-changed': 'Vérifiez la modification faite depuis la clôture ; remettez la valeur clôturée, ou rouvrez l’année avec un motif (Export COPIL).',
    },
    whatToDoLabel: 'Que faire :',
    ruleDetails: (rule, article) => `Règle ${rule}${article ? ` · convention, ${article}` : ''}`,
    samePlace: (n) => `${n} constats au même endroit :`,
    settings: 'Paramètres',
    synthese: {
      title: 'Synthèse',
      intro: 'Ce que chaque financeur doit selon la convention, ce qu’il a apporté, et où en est l’exécution (prévu, engagé, versé).',
      planned: 'Prévu',
      committed: 'Engagé',
      paid: 'Versé',
      convention: 'Convention',
      participations: 'Participations',
      total: 'Total',
      notAvailable: 'n.d. (non disponible) : le montant n’est pas connu, parce que la convention ne le fixe pas encore ou que la cellule est illisible ; il n’est jamais compté comme zéro.',
      euros: (label) => `${label} (€)`,
    },
    exact: (text) => `Montant exact : ${text}`,
    asOfInvalid: 'Date invalide : saisissez une date complète (jj/mm/aaaa).',
    asOfRange: (min, max) => `Année hors de la plage : saisissez une date entre ${min} et ${max}.`,
    busy: { opening: 'Ouverture du classeur…', checking: 'Contrôle du classeur…', example: 'Chargement de l’exemple…' },
    sheetTitle: 'Feuille dans le classeur',
    showSheet: 'Afficher la feuille',
    firstRun: {
      title: 'Pour commencer',
      intro: 'Ouvrez le classeur de suivi du contrat : le volet le contrôle sans rien envoyer.',
      open: 'Ouvrir un classeur .xlsx',
      example: 'Charger l’exemple',
      blank: 'Créer un classeur vide',
      blankHint: 'Pas encore de classeur ? Essayez l’exemple fictif, ou créez les tableaux vides à remplir.',
    },
    blankTemplate: (e, w) =>
      `Modèle vide : les tableaux sont prêts à remplir. Les ${e} erreur${e > 1 ? 's' : ''} et ${w} avertissement${w > 1 ? 's' : ''} disent ce qu’il reste à saisir ; ils disparaissent à mesure que vous remplissez les tableaux.`,
    templateName: 'modèle vide',
    ledgerAmounts: { lines: 'Lignes', committed: 'Engagé', gap: 'Écart' },
    read: {
      summary: (t, l, n) =>
        `Lu : ${t} tableau${t > 1 ? 'x' : ''}, ${l} ligne${l > 1 ? 's' : ''}${n ? ` ; à noter, ${n} tableau${n > 1 ? 'x' : ''} :` : ' ; aucune ligne ni colonne laissée de côté.'}`,
      details: 'Détail par tableau',
    },
  },
  // Issue 23: the convention a workbook carries (core/profileStore.ts), the pane's Paramètres.
  profileStore: {
    why: {
      mark: (cell) => `cellule ${cell} inattendue`,
      id: (cell) => `identifiant absent en ${cell}`,
      hash: (cell) => `empreinte absente ou mal formée en ${cell}`,
      count: (cell) => `nombre de morceaux illisible en ${cell}`,
      piece: (piece, of, cell) => `morceau ${piece} sur ${of} absent en ${cell}`,
      changed: 'empreinte différente',
      json: (line, column) => `JSON illisible ligne ${line}, colonne ${column}`,
      jsonToken: (token) => `JSON illisible, « ${token} » inattendu`,
      jsonEnd: 'JSON illisible (fin du texte inattendue)',
      document: (detail) => `document refusé, ${detail}`,
      idMismatch: (cell, inCell, inText) => `identifiant ${inCell} en ${cell}, ${inText} dans le texte`,
    },
    unreadable: (file, sheet, why) =>
      `${file} : le classeur porte une convention illisible (feuille ${sheet}, ${why}) : rien n’est contrôlé contre une convention incertaine. Restaurez une version précédente du classeur, ou recopiez ses tableaux dans un classeur créé par ess-budget init --profile.`,
    unreadableHere: (sheet, why) =>
      `Ce classeur porte une convention illisible (feuille ${sheet}, ${why}) : rien n’est contrôlé contre une convention incertaine. Restaurez une version précédente du classeur.`,
    badFile: (file, why) => `${file} : convention illisible (${why}). Corrigez le fichier, puis relancez.`,
    exampleWithProfile: '--example ne va pas avec --profile : l’exemple est celui du CES ESS 2014-2016. Créez le classeur sans --example.',
    diffDiffers: (before, beforeId, after, afterId) =>
      `${before} suit la convention ${beforeId}, ${after} la convention ${afterId} : deux conventions différentes ne se comparent pas ligne à ligne (usage retenu par le suivi).`,
    written: (file, title) => `${file} écrit, avec la convention « ${title} » (feuille très masquée SuiviCES-convention).`,
    settings: {
      heading: 'Convention suivie',
      title: 'Intitulé',
      period: 'Période',
      funders: 'Financeurs',
      asOf: 'Date de situation',
      stored: (sheet, id) => `Portée par le classeur (feuille ${sheet}, identifiant ${id})`,
      builtIn: 'Convention intégrée au complément (le classeur n’en porte pas d’autre)',
    },
  },
};

/** « 1 réunion », « 3 réunions », « aucune réunion ». */
/** A body's yearly frequency as the text sets it: « au moins 2 », « 1 à 2 », « 1 », « au plus 3 ». */
function frequencyFr(min: number, max: number | null): string {
  return max === null ? `au moins ${min}` : min === max ? `${min}` : min === 0 ? `au plus ${max}` : `${min} à ${max}`;
}

function meetings(n: number): string {
  return n === 0 ? 'aucune réunion' : `${n} réunion${n > 1 ? 's' : ''}`;
}

/** The words for the amount the convention gives, by its status there (Art. 3, 4, 5). */
function signedWords(status: StatusId): string {
  return status === 'fixe' ? 'montant fixé par la convention' : status === 'previsionnel' ? 'montant prévisionnel de la convention' : 'montant reconduit par la convention (sous réserve)';
}

/** "200000.005" → "200 000,005": a number as the French reader writes it. */
function frNumber(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;
  return `${m[1]}${m[2].replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0')}${m[3] ? `,${m[3]}` : ''}`;
}

function frDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
