/**
 * The previous COPIL's workbook (.xlsx or .ods), read in the browser for the Export COPIL comparison
 * by the one streaming reader (hosts/xlsx/bytesRead.ts), loaded on demand. Its date is the one the
 * file's document properties record (as `report --since` reads it), else the file's own.
 */
import type { PreviousVersion } from '../../app/report';
import { isoDate } from '../../core/text';
import { readBookBytes } from '../../hosts/xlsx/bytesRead';

export type { PreviousVersion };

export async function readPrevious(file: File): Promise<PreviousVersion> {
  const { snapshot, savedOn } = await readBookBytes(new Uint8Array(await file.arrayBuffer()));
  return { file: file.name, date: savedOn ?? isoDate(new Date(file.lastModified)), snapshot };
}
