/**
 * Writes the add-in's own sheets (Clôtures, Journal) into an existing .xlsx package without
 * rewriting anything else: a user's charts, pivot tables, images and macros survive because every
 * part other than the workbook's part list (xl/workbook.xml), its relationships, the content types
 * and the add-in's own sheet and table parts is copied as it was, byte for byte (uncompressed).
 * ExcelJS cannot do this: it rewrites the whole package from its own model and drops what it does
 * not model.
 */
import JSZip from 'jszip';
import { cellAddress } from '../../core/snapshot';
import { matchKey } from '../../core/text';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_SHEET = `${NS_R}/worksheet`;
const REL_TABLE = `${NS_R}/table`;
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';

/** One of the add-in's sheets, with its one table, written whole. */
export interface OwnTable {
  sheet: string;
  table: string;
  title: string;
  note?: string;
  headers: string[];
  rows: (string | number | null)[][];
  /** Column widths, in characters. */
  widths?: number[];
}

/** A sheet of that name exists but holds no table of the add-in: it is the user's, left alone. */
export class NotOwnSheetError extends Error {
  constructor(readonly sheet: string) {
    super(sheet);
  }
}

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** The attributes of the elements named `local` (any prefix) in an XML text. */
function elements(xml: string, local: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}\\b([^>]*?)/?>`, 'g');
  for (const m of xml.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attrs[a[1]] = unesc(a[3] ?? a[4]);
    out.push(attrs);
  }
  return out;
}

const unesc = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const local = (a: Record<string, string>, name: string) => a[Object.keys(a).find((k) => k === name || k.endsWith(`:${name}`)) ?? ''];

/** "../tables/table1.xml" seen from "xl/worksheets" → "xl/tables/table1.xml". */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter((p) => p !== '');
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

const relsOf = (part: string) => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

function cellXml(ref: string, v: string | number | null): string {
  if (v === null || v === '') return '';
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  // Inline strings: the shared-string table is the user's part, not ours to rewrite.
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(v)}</t></is></c>`;
}

const HEADER_ROW = 4;

/** The table's box: header on row 4, at least one data row (Excel refuses a table without one). */
function tableRef(t: OwnTable): string {
  return `A${HEADER_ROW}:${cellAddress(HEADER_ROW + Math.max(1, t.rows.length), t.headers.length)}`;
}

function sheetXml(t: OwnTable, tableRelId: string): string {
  const rows: string[] = [];
  const row = (r: number, cells: (string | number | null)[]) => {
    const xml = cells.map((v, i) => cellXml(cellAddress(r, i + 1), v)).join('');
    if (xml) rows.push(`<row r="${r}">${xml}</row>`);
  };
  row(1, [t.title]);
  if (t.note) row(2, [t.note]);
  row(HEADER_ROW, t.headers);
  t.rows.forEach((r, i) => row(HEADER_ROW + 1 + i, r));
  const cols = (t.widths ?? []).map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const last = cellAddress(HEADER_ROW + Math.max(1, t.rows.length), t.headers.length);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_R}"><dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${HEADER_ROW}" topLeftCell="A${HEADER_ROW + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${rows.join('')}</sheetData>` +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts></worksheet>`
  );
}

function tableXml(t: OwnTable, id: number): string {
  const ref = tableRef(t);
  const columns = t.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${esc(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS_MAIN}" id="${id}" name="${esc(t.table)}" displayName="${esc(t.table)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

interface SheetEntry {
  name: string;
  part: string;
  tables: { name: string; part: string; relId: string; id: number }[];
}

async function read(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

/** The workbook's sheets, their parts and their tables, as the package's relationships say. */
async function sheetsOf(zip: JSZip, workbookPart: string): Promise<SheetEntry[]> {
  const wb = (await read(zip, workbookPart)) ?? '';
  const rels = new Map(elements((await read(zip, relsOf(workbookPart))) ?? '', 'Relationship').map((r) => [r.Id, r.Target]));
  const base = workbookPart.slice(0, workbookPart.lastIndexOf('/'));
  const out: SheetEntry[] = [];
  for (const s of elements(wb, 'sheet')) {
    const target = rels.get(local(s, 'id'));
    if (!target) continue;
    const part = resolvePart(base, target);
    const sheetRels = elements((await read(zip, relsOf(part))) ?? '', 'Relationship').filter((r) => r.Type === REL_TABLE);
    const tables: SheetEntry['tables'] = [];
    for (const r of sheetRels) {
      const tpart = resolvePart(part.slice(0, part.lastIndexOf('/')), r.Target);
      const t = elements((await read(zip, tpart)) ?? '', 'table')[0];
      if (t) tables.push({ name: t.displayName ?? t.name ?? '', part: tpart, relId: r.Id, id: Number(t.id) || 0 });
    }
    out.push({ name: s.name, part, tables });
  }
  return out;
}

function freeName(zip: JSZip, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!zip.file(pattern(n))) return pattern(n);
}

function freeRelId(rels: string): string {
  const taken = new Set(elements(rels, 'Relationship').map((r) => r.Id));
  for (let n = 1; ; n++) if (!taken.has(`rIdEss${n}`)) return `rIdEss${n}`;
}

/** Inserts `xml` before the closing tag `</…local>` (whatever its prefix). */
function insertBeforeClose(doc: string, localName: string, xml: string): string {
  const m = new RegExp(`</(?:[\\w.-]+:)?${localName}>`).exec(doc);
  if (!m) throw new Error(`no </${localName}>`);
  return doc.slice(0, m.index) + xml + doc.slice(m.index);
}

/**
 * Writes each own table into the package: replaces the sheet and table parts of a table the add-in
 * already wrote, or adds a new sheet at the end of the workbook. NotOwnSheetError when a sheet of
 * that name exists without the table (a user's sheet: never overwritten).
 */
export async function writeOwnTables(input: Uint8Array, tables: OwnTable[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(input);
  const root = elements((await read(zip, '_rels/.rels')) ?? '', 'Relationship').find((r) => /\/officeDocument$/.test(r.Type ?? ''));
  const workbookPart = root ? resolvePart('', root.Target) : 'xl/workbook.xml';
  let workbook = (await read(zip, workbookPart)) ?? '';
  let wbRels = (await read(zip, relsOf(workbookPart))) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}"></Relationships>`;
  let types = (await read(zip, '[Content_Types].xml')) ?? '';
  const sheets = await sheetsOf(zip, workbookPart);
  let nextTableId = Math.max(0, ...(await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/i.test(p)).map(async (p) => Number(elements((await read(zip, p)) ?? '', 'table')[0]?.id) || 0)))) + 1;
  let nextSheetId = Math.max(0, ...elements(workbook, 'sheet').map((s) => Number(s.sheetId) || 0)) + 1;
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(workbook)?.[1];

  for (const t of tables) {
    const existing = sheets.find((s) => s.name === t.sheet);
    const owned = existing?.tables.find((x) => matchKey(x.name) === matchKey(t.table));
    // A sheet that holds anything else than our one table is not rewritten whole.
    if (existing && (!owned || existing.tables.length > 1)) throw new NotOwnSheetError(t.sheet);
    if (existing && owned) {
      // Ours already: rewrite its sheet and table parts, keep its relationships.
      zip.file(existing.part, sheetXml(t, owned.relId));
      zip.file(owned.part, tableXml(t, owned.id));
      continue;
    }
    const sheetPart = freeName(zip, (n) => `xl/worksheets/sheet${n}.xml`);
    zip.file(sheetPart, ''); // reserve the name before picking the table's
    const tablePart = freeName(zip, (n) => `xl/tables/table${n}.xml`);
    zip.file(sheetPart, sheetXml(t, 'rIdEssTable'));
    zip.file(tablePart, tableXml(t, nextTableId++));
    zip.file(
      relsOf(sheetPart),
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rIdEssTable" Type="${REL_TABLE}" Target="../tables/${tablePart.split('/').pop()}"/></Relationships>`,
    );
    const relId = freeRelId(wbRels);
    const wbBase = workbookPart.slice(0, workbookPart.lastIndexOf('/'));
    const target = sheetPart.startsWith(`${wbBase}/`) ? sheetPart.slice(wbBase.length + 1) : `/${sheetPart}`;
    wbRels = insertBeforeClose(wbRels, 'Relationships', `<Relationship Id="${relId}" Type="${REL_SHEET}" Target="${target}"/>`);
    const prefix = rPrefix ?? 'r';
    const nsDecl = rPrefix ? '' : ` xmlns:r="${NS_R}"`;
    const sheetPrefix = /<(\w+:)?sheets\b/.exec(workbook)?.[1] ?? '';
    workbook = insertBeforeClose(workbook, 'sheets', `<${sheetPrefix}sheet${nsDecl} name="${esc(t.sheet)}" sheetId="${nextSheetId++}" ${prefix}:id="${relId}"/>`);
    types = insertBeforeClose(types, 'Types', `<Override PartName="/${sheetPart}" ContentType="${CT_SHEET}"/><Override PartName="/${tablePart}" ContentType="${CT_TABLE}"/>`);
    sheets.push({ name: t.sheet, part: sheetPart, tables: [{ name: t.table, part: tablePart, relId: 'rIdEssTable', id: nextTableId - 1 }] });
  }
  zip.file(workbookPart, workbook);
  zip.file(relsOf(workbookPart), wbRels);
  zip.file('[Content_Types].xml', types);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Column widths that fit the headers and the first rows, within reason. */
export function fitWidths(headers: string[], rows: (string | number | null)[][], max = 60): number[] {
  return headers.map((h, i) => Math.min(max, Math.max(h.length + 4, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))));
}
