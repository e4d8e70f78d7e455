/**
 * report --since <précédent.xlsx|.ods>: reads the previous COPIL's workbook and when it was saved
 * (its document properties, else the file's date: the file host says); the report
 * (src/app/report.ts) attaches its evolutions to the summary, which every export renders.
 */
import { basename } from 'path';
import type { PreviousVersion } from '../app/report';
import type { Lang } from '../core/contract';
import { FileHost } from '../hosts/xlsx';
import { readOrSay } from './diff';
import type { Io } from './io';

/** The previous version; undefined (said on stderr) when that file cannot be used. */
export async function previousVersion(file: string, lang: Lang, io: Io): Promise<PreviousVersion | undefined> {
  const host = new FileHost(file);
  const snapshot = await readOrSay(host, lang, io);
  if (!snapshot) return undefined;
  return { snapshot, date: await host.savedOn(), file: basename(file) };
}
