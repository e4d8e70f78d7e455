/**
 * Looks at an .xlsx before ExcelJS parses it, so that a hostile file is refused quickly with a clear
 * reason instead of exhausting memory: size of the file, number of zip entries, each entry's
 * uncompressed size and compression ratio (declared, then verified while inflating), rows per sheet,
 * and any DTD (an .xlsx never has one; entity expansion is how XML bombs work).
 */
import yauzl from 'yauzl';

export const LIMITS = {
  fileBytes: 100 * 1024 * 1024,
  entries: 5_000,
  entryBytes: 256 * 1024 * 1024,
  totalBytes: 768 * 1024 * 1024,
  /** Spreadsheet XML compresses well (often 10-30×); bombs reach 1000×. */
  ratio: 250,
  /** Below this uncompressed size the ratio is not judged (tiny XML parts compress oddly). */
  ratioFloorBytes: 4 * 1024 * 1024,
  rowsPerSheet: 300_000,
};

export type InputErrorKind = 'missing' | 'not-xlsx' | 'corrupt' | 'too-large';

/** An input that cannot be used: the CLI prints its one-line message and exits with status 2. */
export class InputError extends Error {
  constructor(
    readonly kind: InputErrorKind,
    readonly detail: string,
  ) {
    super(detail);
  }
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} Mo`;

function openZip(buf: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => (err || !zip ? reject(err) : resolve(zip))),
  );
}

/** What the guard learnt while it inflated every part: the small structural parts, the merges per sheet. */
export interface GuardReport {
  /** Text of workbook.xml, the .rels files and the table parts (small), by path in the zip. */
  parts: Map<string, string>;
  /** Merged ranges ("C5:C6") per worksheet part ("xl/worksheets/sheet1.xml"). */
  merges: Map<string, string[]>;
  /** Uncompressed size of all worksheet parts: how big the workbook really is. */
  sheetBytes: number;
}

const KEPT_PART = /^(xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/worksheets\/_rels\/[^/]+\.rels|xl\/tables\/[^/]+\.xml)$/i;
const MERGE = /<mergeCell\s+ref="([A-Z]+\d+:[A-Z]+\d+)"/g;

function scanEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, report: GuardReport): Promise<{ rows: number; dtd: boolean }> {
  const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName);
  const keep = KEPT_PART.test(entry.fileName) && entry.uncompressedSize < 4 * 1024 * 1024;
  const kept: Buffer[] = [];
  const merges: string[] = [];
  let mergeTail = '';
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('flux illisible'));
      let rows = 0;
      let head = '';
      let tail = '';
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > LIMITS.entryBytes) {
          stream.destroy(new InputError('too-large', `la partie ${entry.fileName} dépasse ${MB(LIMITS.entryBytes)} une fois décompressée`));
          return;
        }
        if (head.length < 2048) head += chunk.toString('latin1', 0, Math.min(chunk.length, 2048));
        if (keep) kept.push(chunk);
        if (isSheet) {
          const s = tail + chunk.toString('latin1');
          // Merges: keep only what follows the last match, so that none is counted twice.
          const ms = mergeTail + s.slice(tail.length);
          let end = 0;
          MERGE.lastIndex = 0;
          for (let m = MERGE.exec(ms); m; m = MERGE.exec(ms)) {
            merges.push(m[1]);
            end = MERGE.lastIndex;
          }
          mergeTail = ms.slice(Math.max(end, ms.length - 64));
          let i = s.indexOf('<row');
          while (i >= 0) {
            rows++;
            i = s.indexOf('<row', i + 4);
          }
          // Three characters cannot hold a whole "<row": keeping them finds one cut between chunks, never twice.
          tail = s.slice(-3);
          if (rows > LIMITS.rowsPerSheet) {
            stream.destroy(new InputError('too-large', `plus de ${LIMITS.rowsPerSheet.toLocaleString('fr-FR')} lignes dans ${entry.fileName}`));
          }
        }
      });
      stream.on('error', reject);
      stream.on('end', () => {
        if (keep) report.parts.set(entry.fileName, Buffer.concat(kept).toString('utf8'));
        if (merges.length) report.merges.set(entry.fileName, merges);
        resolve({ rows, dtd: /<!DOCTYPE|<!ENTITY/i.test(head) });
      });
    });
  });
}

/** Throws InputError when the buffer is not an .xlsx that is safe to hand to ExcelJS. */
export async function guardXlsx(buf: Buffer): Promise<GuardReport> {
  const report: GuardReport = { parts: new Map(), merges: new Map(), sheetBytes: 0 };
  if (buf.length > LIMITS.fileBytes) throw new InputError('too-large', `fichier de ${MB(buf.length)}, au-delà de la limite de ${MB(LIMITS.fileBytes)}`);
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw new InputError('not-xlsx', 'pas une archive zip');
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buf);
  } catch (e) {
    throw new InputError('corrupt', `archive zip tronquée ou endommagée (${(e as Error).message})`);
  }
  const names = new Set<string>();
  let total = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        count++;
        names.add(entry.fileName);
        if (count > LIMITS.entries) return reject(new InputError('too-large', `plus de ${LIMITS.entries} parties dans l'archive`));
        const size = entry.uncompressedSize;
        total += size;
        if (/^xl\/worksheets\/[^/]+\.xml$/i.test(entry.fileName)) report.sheetBytes += size;
        if (size > LIMITS.entryBytes) return reject(new InputError('too-large', `la partie ${entry.fileName} ferait ${MB(size)} une fois décompressée (limite ${MB(LIMITS.entryBytes)})`));
        if (total > LIMITS.totalBytes) return reject(new InputError('too-large', `l'archive ferait plus de ${MB(LIMITS.totalBytes)} une fois décompressée`));
        if (size > LIMITS.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > LIMITS.ratio) {
          return reject(new InputError('too-large', `taux de compression suspect (${Math.round(size / Math.max(1, entry.compressedSize))}:1) pour ${entry.fileName} : bombe zip probable`));
        }
        if (!/\.(xml|rels|vml)$/i.test(entry.fileName) || entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        scanEntry(zip, entry, report).then(
          ({ dtd }) => {
            if (dtd) reject(new InputError('corrupt', `la partie ${entry.fileName} déclare une DTD ou des entités XML, ce qu'un classeur Excel ne fait jamais`));
            else zip.readEntry();
          },
          (e) => reject(e instanceof InputError ? e : new InputError('corrupt', `partie ${entry.fileName} illisible (${(e as Error).message})`)),
        );
      });
      zip.readEntry();
    });
  } catch (e) {
    // yauzl reports a damaged central directory or entry as a plain Error: still the file's fault.
    if (e instanceof InputError) throw e;
    throw new InputError('corrupt', `archive zip endommagée (${String((e as Error).message).split('\n')[0]})`);
  } finally {
    zip.close();
  }
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    throw new InputError('not-xlsx', "archive zip sans classeur Excel (xl/workbook.xml absent) : est-ce un .xlsx ?");
  }
  return report;
}
