/**
 * report --since <précédent.xlsx>: reads the previous COPIL's workbook and attaches its evolutions to
 * the summary (src/core/versions/evolutions.ts), which every export then renders.
 */
import { promises as fs } from 'fs';
import { basename } from 'path';
import JSZip from 'jszip';
import type { Lang } from '../core/contract';
import type { Summary } from '../core/summary';
import type { WorkbookSnapshot } from '../core/snapshot';
import { isoDate } from '../core/text';
import { buildEvolutions, type SummaryWithEvolutions } from '../core/versions/evolutions';
import { readOrSay } from './diff';
import type { Io } from './io';

/** When the previous version was saved: its document properties, else the file's own date. */
async function savedOn(file: string): Promise<string> {
  try {
    const bytes = await fs.readFile(file);
    const core = await (await JSZip.loadAsync(bytes)).file('docProps/core.xml')?.async('string');
    const m = core && /<dcterms:modified[^>]*>(\d{4}-\d{2}-\d{2})/.exec(core);
    if (m) return m[1];
  } catch {
    // The reader has already judged the file usable; fall back on its date.
  }
  return isoDate((await fs.stat(file)).mtime);
}

/** Attaches the evolutions since `previous`; false (said on stderr) when that file cannot be used. */
export async function attachEvolutions(summary: Summary, current: WorkbookSnapshot, previous: string, lang: Lang, io: Io): Promise<boolean> {
  const before = await readOrSay(previous, lang, io);
  if (!before) return false;
  (summary as SummaryWithEvolutions).evolutions = buildEvolutions(before, current, { date: await savedOn(previous), file: basename(previous) }, lang);
  return true;
}
