/**
 * A workbook file, .xlsx or .ods, from an archive however its bytes are held (zipNode.ts for the
 * CLI, zipBytes.ts for the browser): which format it is (the OpenDocument `mimetype` part, else the
 * package's own parts), then its snapshot, its sheets as a ledger reads them, and when it was last
 * saved (its document properties). The same for Node and the browser.
 */
import type { WorkbookSnapshot } from '../../core/snapshot';
import { InputError } from './guard';
import { odsSheetGrids, odsSnapshot } from './ods';
import { xlsxConvention } from './profileSheet';
import { eachSheetGridOfZip, fileFault, snapshotOfZip, type SheetGrid } from './reader';
import { scanXml } from './xml';
import type { ZipPackage } from './zip';

export type BookFormat = 'xlsx' | 'ods';

/** What the archive holds: an OpenDocument spreadsheet, or (anything else) a package the .xlsx reader judges. */
export async function formatOf(zip: ZipPackage): Promise<BookFormat> {
  if (zip.has('mimetype')) {
    const type = (await zip.read('mimetype', 1024)).toString('latin1').trim();
    if (/^application\/vnd\.oasis\.opendocument\.spreadsheet/.test(type)) return 'ods';
    if (type.startsWith('application/vnd.oasis.opendocument.')) throw new InputError('not-xlsx', `document OpenDocument qui n'est pas un classeur (${type.slice(35, 80)})`);
  }
  return !zip.has('[Content_Types].xml') && zip.has('content.xml') ? 'ods' : 'xlsx';
}

/** The contract's tables of an .xlsx or an .ods. */
export function bookSnapshot(open: () => Promise<ZipPackage>): Promise<WorkbookSnapshot> {
  return fileFault(async () => {
    const zip = await open();
    return (await formatOf(zip)) === 'ods' ? odsSnapshot(zip) : snapshotOfZip(async () => zip, xlsxConvention);
  });
}

/** Every sheet of an .xlsx or an .ods as a ledger reads it, one at a time (`use` returns true to stop). */
export function bookSheetGrids(open: () => Promise<ZipPackage>, use: (sheet: SheetGrid) => boolean): Promise<void> {
  return fileFault(async () => {
    const zip = await open();
    return (await formatOf(zip)) === 'ods' ? odsSheetGrids(zip, use) : eachSheetGridOfZip(async () => zip, use);
  });
}

/** When the file was last saved, by its own document properties (ISO date), or null when it does not say. */
export async function savedDate(zip: ZipPackage): Promise<string | null> {
  const part = ['docProps/core.xml', 'meta.xml'].find((p) => zip.has(p));
  if (!part) return null;
  let found: string | null = null;
  let inDate = false;
  try {
    scanXml(
      await zip.read(part, 1024 * 1024),
      {
        open: (s) => {
          // dcterms:modified in an .xlsx, dc:date in an .ods's meta.xml.
          inDate = !found && !s.selfClosing && (s.is('modified') || s.is('date'));
          s.wantText = inDate;
        },
        close: (s) => {
          inDate = false;
          s.wantText = false;
        },
        text: (s) => {
          const m = inDate ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(s.text()) : null;
          if (m) found = m[1];
        },
      },
      part,
    );
  } catch {
    // Properties that cannot be read say nothing: the caller falls back on the file's own date.
    return null;
  }
  return found;
}
