/**
 * The structure of an .xlsx package, found the way the Open Packaging Conventions say: the root
 * relationships name the workbook part, the workbook's relationships name its worksheets, shared
 * strings and styles, each worksheet's relationships name its tables. Never a guessed part name
 * (Numbers writes `sheet.xml`, some producers put the workbook elsewhere than xl/workbook.xml),
 * targets relative or absolute (openpyxl writes `/xl/tables/table1.xml`), any namespace prefix,
 * Transitional or Strict relationship types.
 */
import type { Buffer } from 'buffer';
import { otherFormat } from './format';
import { InputError } from './guard';
import { scanXml, type XmlScanner } from './xml';
import { partKey, type ZipPackage } from './zip';

export interface TableInfo {
  name: string;
  ref: string;
  totalsRow: boolean;
  /** false when the table's header row is switched off (headerRowCount="0"): its ref starts at its data. */
  headerRow: boolean;
  /** The table's column names, as the table part declares them (what a hidden header row would show). */
  columns: string[];
}

export interface SheetInfo {
  name: string;
  /** The worksheet part, or null when the workbook names a sheet whose part is missing (read as empty). */
  part: string | null;
  tables: TableInfo[];
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  sharedStrings: string | null;
  styles: string | null;
  date1904: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** The relationships part of `source` ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" → "_rels/.rels"). */
export function relsPartOf(source: string): string {
  const i = source.lastIndexOf('/');
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

/** A relationship's target, resolved against its source part: "../tables/table1.xml", "/xl/tables/table1.xml", "worksheets/sheet%201.xml". */
export function resolveTarget(source: string, target: string): string {
  let t = target.replace(/\\/g, '/');
  try {
    t = decodeURIComponent(t);
  } catch {
    // A stray % is part of the name.
  }
  const segments = t.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '..') segments.pop();
    else if (seg !== '.' && seg !== '') segments.push(seg);
  }
  return segments.join('/');
}

/** The local name of a relationship type ("…/relationships/worksheet" → "worksheet"), Transitional or Strict alike. */
const typeName = (type: string) => type.slice(type.lastIndexOf('/') + 1);

async function relationships(zip: ZipPackage, source: string): Promise<Relationship[]> {
  const part = relsPartOf(source);
  if (!zip.has(part)) return [];
  const out: Relationship[] = [];
  scanXml(
    await zip.read(part),
    {
      open: (s) => {
        if (!s.is('Relationship') || s.attr('TargetMode') === 'External') return;
        const target = s.attr('Target');
        if (target) out.push({ id: s.attr('Id') ?? '', type: typeName(s.attr('Type') ?? ''), target: resolveTarget(source, target) });
      },
      close: () => undefined,
    },
    part,
  );
  return out;
}

/** The workbook part: the root relationship, else the content types' main part, else the usual name. */
async function workbookPart(zip: ZipPackage): Promise<string> {
  const root = (await relationships(zip, '')).find((r) => r.type === 'officeDocument' && zip.has(r.target));
  const other = root && otherFormat({ workbookPart: root.target });
  if (other) throw new InputError('format', other);
  if (root) return root.target;
  if (zip.has('[Content_Types].xml')) {
    let main: string | null = null;
    scanXml(
      await zip.read('[Content_Types].xml'),
      {
        open: (s) => {
          if (main || !s.is('Override')) return;
          if (/spreadsheetml\.(sheet|template)\.main|ms-excel\.(sheet|template)\.macroEnabled\.main/i.test(s.attr('ContentType') ?? '')) main = resolveTarget('', s.attr('PartName') ?? '');
        },
        close: () => undefined,
      },
      '[Content_Types].xml',
    );
    if (main && zip.has(main)) return main;
  }
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw new InputError('not-xlsx', "archive zip sans classeur Excel (aucune partie classeur) : est-ce un .xlsx ?");
}

function tablesOf(xml: Buffer, part: string): TableInfo[] {
  const out: TableInfo[] = [];
  scanXml(
    xml,
    {
      open: (s: XmlScanner) => {
        if (s.is('tableColumn')) {
          out[out.length - 1]?.columns.push(s.attr('name') ?? '');
          return;
        }
        if (!s.is('table')) return;
        const ref = s.attr('ref');
        const name = s.attr('displayName') ?? s.attr('name');
        if (ref && name) out.push({ name, ref, totalsRow: Number(s.attr('totalsRowCount') ?? 0) > 0, headerRow: s.attr('headerRowCount') !== '0', columns: [] });
      },
      close: () => undefined,
    },
    part,
  );
  return out;
}

/**
 * Reads the package's structure. `wantTables(sheet, tableName)` says which tables are worth opening
 * (the contract's): the others' parts are never inflated.
 */
export async function readStructure(zip: ZipPackage, wantTable: (name: string) => boolean): Promise<WorkbookInfo> {
  const wbPart = await workbookPart(zip);
  const rels = await relationships(zip, wbPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const info: WorkbookInfo = { sheets: [], sharedStrings: null, styles: null, date1904: false };
  const sheetRefs: { name: string; id: string }[] = [];
  scanXml(
    await zip.read(wbPart),
    {
      open: (s) => {
        if (s.is('sheet')) sheetRefs.push({ name: s.attr('name') ?? '', id: s.attr('id', true) ?? s.attr('id') ?? '' });
        else if (s.is('workbookPr')) info.date1904 = /^(1|true)$/i.test(s.attr('date1904') ?? '');
      },
      close: () => undefined,
    },
    wbPart,
  );
  const existing = (r: Relationship | undefined) => (r && zip.has(r.target) ? r.target : null);
  info.sharedStrings = existing(rels.find((r) => r.type === 'sharedStrings'));
  info.styles = existing(rels.find((r) => r.type === 'styles'));
  for (const ref of sheetRefs) {
    const rel = byId.get(ref.id);
    // A chart sheet or dialog sheet holds no cells: named, never read.
    const part = rel && rel.type === 'worksheet' ? existing(rel) : null;
    const tables: TableInfo[] = [];
    if (part) {
      for (const t of (await relationships(zip, part)).filter((r) => r.type === 'table' && zip.has(r.target))) {
        tables.push(...tablesOf(await zip.read(t.target), t.target).filter((x) => wantTable(x.name)));
      }
    }
    info.sheets.push({ name: ref.name, part, tables });
  }
  return info;
}

export { partKey };
