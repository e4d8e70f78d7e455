/**
 * The one way a command writes into a user's workbook (close, reopen, and any later one): the new
 * package is written to a temporary file beside the original, read back with the project's reader
 * and verified — every part it does not own byte for byte as it was, every part it wrote
 * namespace-well-formed XML, the contract tables exactly as before, its own tables as intended —
 * and only then renamed over the original, which a rename replaces whole or not at all. On any
 * failure the original is left as it was and the temporary file removed: WriteFailure says why.
 */
import { randomBytes } from 'crypto';
import { promises as fs } from 'fs';
import { basename, dirname, join } from 'path';
import JSZip from 'jszip';
import type { TableSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { matchKey } from '../../core/text';
import { writeOwnTables, type OwnTable, type Patched } from './patch';
import { readSnapshot, readSnapshotFile } from './nodeRead';
import { parseXml, XmlPartError } from './xmlDom';
import { NotOwnSheetError, WriteFailure } from './writeErrors';

const errCode = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e).split('\n')[0].slice(0, 120);

/** Same parts, same bytes (uncompressed), but those written; those written are well-formed XML. */
async function verifyParts(original: Uint8Array, written: Uint8Array, patched: Patched): Promise<void> {
  const before = await JSZip.loadAsync(original);
  const after = await JSZip.loadAsync(written);
  const own = new Set(patched.written.map((p) => p.toLowerCase()));
  const afterByKey = new Map(Object.values(after.files).map((f) => [f.name.toLowerCase(), f]));
  for (const f of Object.values(before.files)) {
    if (f.dir) continue;
    const now = afterByKey.get(f.name.toLowerCase());
    if (!now) throw new WriteFailure({ kind: 'lost', part: f.name });
    if (own.has(f.name.toLowerCase())) continue;
    if (Buffer.compare(await f.async('nodebuffer'), await now.async('nodebuffer')) !== 0) throw new WriteFailure({ kind: 'changed', part: f.name });
  }
  for (const part of patched.written) {
    const f = afterByKey.get(part.toLowerCase());
    if (!f) throw new WriteFailure({ kind: 'lost', part });
    try {
      parseXml(await f.async('string'), part, true);
    } catch (e) {
      if (e instanceof XmlPartError) throw new WriteFailure({ kind: 'xml', part, detail: e.detail });
      throw e;
    }
  }
}

/** The table as the reader gave it, every field (rows included), comparable. */
const tableText = (t: TableSnapshot) => JSON.stringify(t);
const cellText = (v: unknown) => (v === null || v === undefined || v === '' ? '' : v instanceof Date ? v.toISOString() : String(v));
const rowsText = (rows: readonly (readonly unknown[])[], width: number) =>
  JSON.stringify(rows.map((r) => Array.from({ length: width }, (_, i) => cellText(r[i]))).filter((r) => r.some((c) => c !== '')));

/** Read back: the user's tables exactly as before, the sheets all there, each own table as intended. */
function verifyTables(was: WorkbookSnapshot, now: WorkbookSnapshot, tables: OwnTable[]): void {
  const writing = new Set(tables.map((t) => matchKey(t.table)));
  const nowByName = new Map(now.tables.map((t) => [matchKey(t.name), t]));
  for (const t of was.tables) {
    if (writing.has(matchKey(t.name))) continue;
    const after = nowByName.get(matchKey(t.name));
    if (!after || tableText(after) !== tableText(t)) throw new WriteFailure({ kind: 'table', table: t.name });
  }
  for (const s of was.sheets) if (!now.sheets.includes(s)) throw new WriteFailure({ kind: 'lost', part: s });
  for (const t of tables) {
    const after = nowByName.get(matchKey(t.table));
    const same =
      after &&
      after.sheet.toLocaleUpperCase('fr') === t.sheet.toLocaleUpperCase('fr') &&
      JSON.stringify(after.headers) === JSON.stringify(t.headers) &&
      rowsText(after.rows, t.headers.length) === rowsText(t.rows, t.headers.length);
    if (!same) throw new WriteFailure({ kind: 'own', table: t.table });
  }
}

/** The project's reader on the file as written on disk (the CLI's own path: streamed from the file). */
async function reread(path: string): Promise<WorkbookSnapshot> {
  const handle = await fs.open(path, 'r');
  try {
    return (await readSnapshotFile(handle.fd, (await handle.stat()).size)).snapshot;
  } catch (e) {
    throw new WriteFailure({ kind: 'reread', detail: errCode(e) });
  } finally {
    await handle.close();
  }
}

/** A name beside the original, hidden, unique, and short enough for any file system. */
const tempBeside = (target: string) => join(dirname(target), `.${basename(target).slice(0, 80)}.${randomBytes(4).toString('hex')}.ess-tmp`);

/**
 * A file of the command's own (a report, a reconciliation, a new workbook): written beside, then
 * renamed over `path`, so that what was there (replaced on --force) is never left half-written.
 * The system's error (a full disk, a read-only folder) is thrown as it came, the temporary file removed.
 */
export async function writeNewFile(path: string, bytes: Uint8Array): Promise<void> {
  const target = await fs.realpath(path).catch(() => path);
  const tmp = tempBeside(target);
  try {
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * Writes `tables` (the add-in's own sheets) into the workbook at `file`, whose bytes the caller read
 * as `original` (and planned from): patch, write beside, verify, replace. NotOwnSheetError (nothing
 * written) when a sheet of that name is the user's; WriteFailure for anything else.
 */
export async function writeOwnTablesSafely(file: string, original: Uint8Array, tables: OwnTable[]): Promise<void> {
  let patched: Patched;
  try {
    patched = await writeOwnTables(original, tables);
  } catch (e) {
    if (e instanceof NotOwnSheetError) throw e;
    throw new WriteFailure(e instanceof XmlPartError ? { kind: 'unreadable', part: e.part, detail: e.detail } : { kind: 'unreadable', part: '', detail: errCode(e) });
  }
  // A link is followed: the file it names is replaced, the link stays a link.
  const target = await fs.realpath(file).catch(() => file);
  const tmp = tempBeside(target);
  try {
    const { mode } = await fs.stat(target).catch((e) => {
      throw new WriteFailure({ kind: 'temp', code: errCode(e) });
    });
    // Read-only for its owner too: the user said not to change it (root would be let through otherwise).
    if ((mode & 0o222) === 0) throw new WriteFailure({ kind: 'readonly' });
    try {
      const handle = await fs.open(tmp, 'wx', mode & 0o777);
      try {
        await handle.writeFile(patched.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (e) {
      throw new WriteFailure({ kind: 'temp', code: errCode(e) });
    }
    await verifyParts(original, await fs.readFile(tmp), patched);
    let was: WorkbookSnapshot;
    try {
      was = await readSnapshot(Buffer.from(original));
    } catch (e) {
      throw new WriteFailure({ kind: 'reread', detail: errCode(e) });
    }
    verifyTables(was, await reread(tmp), tables);
    // Saved from elsewhere since it was read: replacing it would lose that save.
    if (Buffer.compare(await fs.readFile(target), Buffer.from(original)) !== 0) throw new WriteFailure({ kind: 'moved' });
    try {
      await fs.rename(tmp, target);
    } catch (e) {
      throw new WriteFailure({ kind: 'replace', code: errCode(e) });
    }
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}
