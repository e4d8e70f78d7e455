/**
 * report --since <précédent.xlsx>: reads the previous COPIL's workbook and when it was saved; the
 * report (src/app/report.ts) attaches its evolutions to the summary, which every export renders.
 */
import { promises as fs } from 'fs';
import { basename } from 'path';
import JSZip from 'jszip';
import type { PreviousVersion } from '../app/report';
import type { Lang } from '../core/contract';
import { isoDate } from '../core/text';
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

/** The previous version; undefined (said on stderr) when that file cannot be used. */
export async function previousVersion(file: string, lang: Lang, io: Io): Promise<PreviousVersion | undefined> {
  const snapshot = await readOrSay(file, lang, io);
  if (!snapshot) return undefined;
  return { snapshot, date: await savedOn(file), file: basename(file) };
}
