/**
 * The add-in's own sheets written into the workbook, the same for every host that can
 * (capabilities.writeSheets): the Synthèse COPIL (from the workbook the host reads in the same
 * round trip) and the Rapprochement (from a reconciliation run). Each is a plan (core/sheets/).
 */
import type { Lang } from '../core/contract';
import { messages } from '../core/i18n';
import { copilSheet } from '../core/sheets/copil';
import { RECON_TABLES, rapprochementSheet, reconTableNames, type ReconciliationContent } from '../core/sheets/rapprochement';
import { summarise } from '../core/summary';
import type { WorkbookHost, WrittenSheet } from '../hosts/host';

/** Writes (or rewrites in place) the "Synthèse COPIL" sheet: native tables and charts, 2 round trips in Excel. */
export function writeCopilSheet(host: WorkbookHost, o: { asOf: Date; lang: Lang }): Promise<WrittenSheet> {
  return host.writeSheet({
    id: 'synthese',
    name: messages[o.lang].summary.sheetName,
    needsSnapshot: true,
    tableNames: [],
    build: ({ snapshot }) => copilSheet(summarise(snapshot!, o).summary),
  });
}

/**
 * Writes (or rewrites in place) the Rapprochement sheet: the lines, then the totals; 2 round trips in
 * Excel. `writtenOn`: the date under the title (a workbook of its own, `reconcile --out`).
 */
export function writeRapprochementSheet(host: WorkbookHost, content: ReconciliationContent, options: { writtenOn?: Date } = {}): Promise<WrittenSheet> {
  return host.writeSheet({
    id: 'rapprochement',
    name: messages[content.lang].reconcile.sheet,
    needsSnapshot: false,
    tableNames: [RECON_TABLES.lines, RECON_TABLES.totals],
    build: ({ takenElsewhere }) => rapprochementSheet(content, { names: reconTableNames(takenElsewhere), writtenOn: options.writtenOn }),
  });
}
