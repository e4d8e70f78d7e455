/**
 * Writes the add-in's own sheets (Clôtures, Journal) into an existing .xlsx package without
 * rewriting anything else: a user's charts, pivot tables, images and macros survive because every
 * part other than the workbook's part list (its workbook part), its relationships, the content types
 * and the add-in's own sheet and table parts is copied as it was, byte for byte (uncompressed).
 * ExcelJS cannot do this: it rewrites the whole package from its own model and drops what it does
 * not model. The parts it does change are edited as namespace-aware XML documents (xmlDom.ts), never
 * as text: whatever prefix a producer declared where, the result is well-formed. safeWrite.ts is the
 * only caller that touches a user's file: it verifies what this returns before it replaces anything.
 */
import JSZip from 'jszip';
import { DOMImplementation, type Document, type Element } from '@xmldom/xmldom';
import { cellAddress } from '../../core/snapshot';
import { matchKey } from '../../core/text';
import { childrenNS, createLike, elementsNS, parseXml, serializeXml, xmlChars } from './xmlDom';
import { relsPartOf, resolveTarget } from './package';
import { NotOwnSheetError } from './writeErrors';

/** SpreadsheetML as Excel writes it (Transitional) and as it may save it (Strict): the package follows the workbook's. */
const FLAVOURS = {
  transitional: { main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main', r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships' },
  strict: { main: 'http://purl.oclc.org/ooxml/spreadsheetml/main', r: 'http://purl.oclc.org/ooxml/officeDocument/relationships' },
};
type Flavour = (typeof FLAVOURS)[keyof typeof FLAVOURS];
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const NS_TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
const NS_XMLNS = 'http://www.w3.org/2000/xmlns/';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const CT_TABLE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

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

/** The package as written, and the parts written (every other part of the input is in it unchanged). */
export interface Patched {
  bytes: Uint8Array;
  /** Part names as in the package: the workbook part, its relationships, the content types, the own sheets' and tables' parts. */
  written: string[];
}

const HEADER_ROW = 4;
/** Excel compares sheet names regardless of case: "journal" and "Journal" are one sheet. */
const sameSheet = (a: string, b: string) => a.toLocaleUpperCase('fr') === b.toLocaleUpperCase('fr');
const typeOf = (fl: Flavour, what: string) => `${fl.r}/${what}`;

/** A new document whose root is `local` in `ns`. */
const newDoc = (ns: string, local: string): Document => new DOMImplementation().createDocument(ns, local, null);

function el(doc: Document, parent: Element, local: string, attrs: Record<string, string | number> = {}): Element {
  const e = doc.createElementNS(doc.documentElement!.namespaceURI, local);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  parent.appendChild(e);
  return e;
}

function cell(doc: Document, row: Element, ref: string, v: string | number | null): void {
  if (v === null || v === '') return;
  if (typeof v === 'number') {
    el(doc, el(doc, row, 'c', { r: ref }), 'v').appendChild(doc.createTextNode(String(v)));
    return;
  }
  // Inline strings: the shared-string table is the user's part, not ours to rewrite.
  const t = el(doc, el(doc, el(doc, row, 'c', { r: ref, t: 'inlineStr' }), 'is'), 't');
  t.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  t.appendChild(doc.createTextNode(xmlChars(v)));
}

/** The table's box: header on row 4, at least one data row (Excel refuses a table without one). */
const lastCell = (t: OwnTable) => cellAddress(HEADER_ROW + Math.max(1, t.rows.length), t.headers.length);

function sheetXml(fl: Flavour, t: OwnTable, tableRelId: string): string {
  const doc = newDoc(fl.main, 'worksheet');
  const root = doc.documentElement!;
  root.setAttributeNS(NS_XMLNS, 'xmlns:r', fl.r);
  el(doc, root, 'dimension', { ref: `A1:${lastCell(t)}` });
  const view = el(doc, el(doc, root, 'sheetViews'), 'sheetView', { workbookViewId: 0 });
  el(doc, view, 'pane', { ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activePane: 'bottomLeft', state: 'frozen' });
  el(doc, root, 'sheetFormatPr', { defaultRowHeight: 15 });
  if (t.widths?.length) {
    const cols = el(doc, root, 'cols');
    t.widths.forEach((w, i) => el(doc, cols, 'col', { min: i + 1, max: i + 1, width: w, customWidth: 1 }));
  }
  const data = el(doc, root, 'sheetData');
  const row = (r: number, cells: (string | number | null)[]) => {
    if (cells.every((v) => v === null || v === '')) return;
    const x = el(doc, data, 'row', { r });
    cells.forEach((v, i) => cell(doc, x, cellAddress(r, i + 1), v));
  };
  row(1, [t.title]);
  if (t.note) row(2, [t.note]);
  row(HEADER_ROW, t.headers);
  t.rows.forEach((r, i) => row(HEADER_ROW + 1 + i, r));
  el(doc, root, 'pageMargins', { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
  const part = el(doc, el(doc, root, 'tableParts', { count: 1 }), 'tablePart');
  part.setAttributeNS(fl.r, 'r:id', tableRelId);
  return XML_DECLARATION + serializeXml(doc);
}

function tableXml(fl: Flavour, t: OwnTable, id: number): string {
  const doc = newDoc(fl.main, 'table');
  const root = doc.documentElement!;
  const ref = `A${HEADER_ROW}:${lastCell(t)}`;
  const name = xmlChars(t.table);
  for (const [k, v] of Object.entries({ id, name, displayName: name, ref, totalsRowShown: 0 })) root.setAttribute(k, String(v));
  el(doc, root, 'autoFilter', { ref });
  const columns = el(doc, root, 'tableColumns', { count: t.headers.length });
  t.headers.forEach((h, i) => el(doc, columns, 'tableColumn', { id: i + 1, name: xmlChars(h) }));
  el(doc, root, 'tableStyleInfo', { name: 'TableStyleMedium2', showFirstColumn: 0, showLastColumn: 0, showRowStripes: 1, showColumnStripes: 0 });
  return XML_DECLARATION + serializeXml(doc);
}

function relsXml(rels: { id: string; type: string; target: string }[]): string {
  const doc = newDoc(NS_PKG_RELS, 'Relationships');
  for (const r of rels) el(doc, doc.documentElement!, 'Relationship', { Id: r.id, Type: r.type, Target: r.target });
  return XML_DECLARATION + serializeXml(doc);
}

/** A part's text: UTF-16 when its byte-order mark says so (.NET tools write it), UTF-8 otherwise; written back as UTF-8. */
function decodeXml(bytes: Uint8Array): string {
  const bom = bytes.length >= 2 ? (bytes[0] << 8) | bytes[1] : 0;
  return new TextDecoder(bom === 0xfffe ? 'utf-16le' : bom === 0xfeff ? 'utf-16be' : 'utf-8').decode(bytes);
}

/** The package's parts by lower-case name: part names compare regardless of case (OPC). */
class Parts {
  private readonly byKey = new Map<string, string>();
  constructor(private readonly zip: JSZip) {
    for (const [name, f] of Object.entries(zip.files)) if (!f.dir) this.byKey.set(name.toLowerCase(), name);
  }
  name(part: string): string | undefined {
    return this.byKey.get(part.replace(/^\/+/, '').toLowerCase());
  }
  async doc(part: string): Promise<Document | null> {
    const name = this.name(part);
    return name ? parseXml(decodeXml(await this.zip.file(name)!.async('uint8array')), name) : null;
  }
  free(pattern: (n: number) => string): string {
    for (let n = 1; ; n++) if (!this.name(pattern(n))) return this.reserve(pattern(n));
  }
  reserve(part: string): string {
    this.byKey.set(part.toLowerCase(), part);
    return part;
  }
}

interface Rel {
  id: string;
  type: string;
  /** Resolved against the source part. */
  part: string;
}

async function relsOf(parts: Parts, source: string): Promise<Rel[]> {
  const doc = await parts.doc(relsPartOf(source));
  if (!doc) return [];
  return elementsNS(doc, NS_PKG_RELS, 'Relationship')
    .filter((r) => r.getAttribute('TargetMode') !== 'External')
    .map((r) => ({ id: r.getAttribute('Id') ?? '', type: r.getAttribute('Type') ?? '', part: resolveTarget(source, r.getAttribute('Target') ?? '') }));
}

interface SheetEntry {
  name: string;
  /** Null for a sheet the workbook names whose part is missing: still a name taken. */
  part: string | null;
  tables: { name: string; part: string; relId: string; id: number }[];
}

const kind = (type: string) => type.slice(type.lastIndexOf('/') + 1);

/** The workbook's sheets, their parts and their tables, as the package's relationships say. */
async function sheetsOf(parts: Parts, workbook: Document, workbookPart: string, fl: Flavour): Promise<SheetEntry[]> {
  const rels = new Map((await relsOf(parts, workbookPart)).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  for (const s of elementsNS(workbook, fl.main, 'sheet')) {
    const rel = rels.get(s.getAttributeNS(fl.r, 'id') ?? '');
    const part = (rel && parts.name(rel.part)) ?? null;
    const tables: SheetEntry['tables'] = [];
    for (const r of part ? (await relsOf(parts, part)).filter((x) => kind(x.type) === 'table') : []) {
      const t = (await parts.doc(r.part))?.documentElement;
      if (t) tables.push({ name: t.getAttribute('displayName') || t.getAttribute('name') || '', part: parts.name(r.part)!, relId: r.id, id: Number(t.getAttribute('id')) || 0 });
    }
    out.push({ name: s.getAttribute('name') ?? '', part, tables });
  }
  return out;
}

/** The highest table id in the package (ids are unique across the workbook): every table part the content types or the names show. */
async function maxTableId(parts: Parts, zip: JSZip, types: Document): Promise<number> {
  const named = Object.keys(zip.files).filter((p) => /(^|\/)tables\/[^/]+\.xml$/i.test(p));
  const typed = elementsNS(types, NS_TYPES, 'Override')
    .filter((o) => o.getAttribute('ContentType') === CT_TABLE)
    .map((o) => o.getAttribute('PartName') ?? '');
  let max = 0;
  for (const p of new Set([...named, ...typed].map((x) => parts.name(x)).filter((x): x is string => !!x))) {
    max = Math.max(max, Number((await parts.doc(p))?.documentElement?.getAttribute('id')) || 0);
  }
  return max;
}

function freeRelId(rels: Document): string {
  const taken = new Set(elementsNS(rels, NS_PKG_RELS, 'Relationship').map((r) => r.getAttribute('Id')));
  for (let n = 1; ; n++) if (!taken.has(`rIdEss${n}`)) return `rIdEss${n}`;
}

/** A prefix bound to `ns` on the workbook's root, declared there if none is (openpyxl declares it on each <sheet> only). */
function rootPrefix(doc: Document, ns: string): string {
  const root = doc.documentElement!;
  for (const a of Array.from(root.attributes)) if (a.prefix === 'xmlns' && a.value === ns) return a.localName!;
  let prefix = 'r';
  for (let n = 2; root.lookupNamespaceURI(prefix) !== null && root.lookupNamespaceURI(prefix) !== ns; n++) prefix = `r${n}`;
  root.setAttributeNS(NS_XMLNS, `xmlns:${prefix}`, ns);
  return prefix;
}

/**
 * Writes each own table into the package: replaces the sheet and table parts of a table the add-in
 * already wrote, or adds a new sheet at the end of the workbook. NotOwnSheetError when a sheet of
 * that name exists without the table (a user's sheet: never overwritten). XmlPartError when a part
 * it must edit is not XML it can read.
 */
export async function writeOwnTables(input: Uint8Array, tables: OwnTable[]): Promise<Patched> {
  const zip = await JSZip.loadAsync(input);
  const parts = new Parts(zip);
  const root = (await relsOf(parts, '')).find((r) => kind(r.type) === 'officeDocument' && parts.name(r.part));
  const workbookPart = parts.name(root?.part ?? 'xl/workbook.xml') ?? 'xl/workbook.xml';
  const workbook = await parts.doc(workbookPart);
  const typesPart = parts.name('[Content_Types].xml') ?? '[Content_Types].xml';
  const types = await parts.doc(typesPart);
  if (!workbook || !types) throw new Error(`${workbook ? typesPart : workbookPart} absent`);
  const fl = workbook.documentElement!.namespaceURI === FLAVOURS.strict.main ? FLAVOURS.strict : FLAVOURS.transitional;
  const wbRelsPart = parts.name(relsPartOf(workbookPart)) ?? relsPartOf(workbookPart);
  const wbRels = (await parts.doc(wbRelsPart)) ?? newDoc(NS_PKG_RELS, 'Relationships');
  const sheets = await sheetsOf(parts, workbook, workbookPart, fl);
  let nextTableId = (await maxTableId(parts, zip, types)) + 1;
  const sheetList = elementsNS(workbook, fl.main, 'sheets')[0];
  if (!sheetList) throw new Error(`${workbookPart} : aucune liste de feuilles`);
  let nextSheetId = Math.max(0, ...childrenNS(sheetList, fl.main, 'sheet').map((s) => Number(s.getAttribute('sheetId')) || 0)) + 1;
  const written = new Set<string>();
  const put = (part: string, xml: string) => {
    zip.file(part, xml);
    written.add(part);
  };

  for (const t of tables) {
    const existing = sheets.find((s) => sameSheet(s.name, t.sheet));
    const owned = existing?.tables.find((x) => matchKey(x.name) === matchKey(t.table));
    // A sheet that holds anything else than our one table is not rewritten whole.
    if (existing && (!owned || !existing.part || existing.tables.length > 1)) throw new NotOwnSheetError(existing.name);
    if (existing?.part && owned) {
      // Ours already: rewrite its sheet and table parts, keep its relationships.
      put(existing.part, sheetXml(fl, t, owned.relId));
      put(owned.part, tableXml(fl, t, owned.id));
      continue;
    }
    const sheetPart = parts.free((n) => `xl/worksheets/sheet${n}.xml`);
    const tablePart = parts.free((n) => `xl/tables/table${n}.xml`);
    put(sheetPart, sheetXml(fl, t, 'rIdEssTable'));
    put(tablePart, tableXml(fl, t, nextTableId++));
    put(relsPartOf(sheetPart), relsXml([{ id: 'rIdEssTable', type: typeOf(fl, 'table'), target: `../tables/${tablePart.split('/').pop()}` }]));
    const relId = freeRelId(wbRels);
    const wbDir = workbookPart.slice(0, workbookPart.lastIndexOf('/') + 1);
    const target = wbDir && sheetPart.startsWith(wbDir) ? sheetPart.slice(wbDir.length) : `/${sheetPart}`;
    el(wbRels, wbRels.documentElement!, 'Relationship', { Id: relId, Type: typeOf(fl, 'worksheet'), Target: target });
    const entry = createLike(workbook, sheetList, 'sheet');
    entry.setAttribute('name', xmlChars(t.sheet));
    entry.setAttribute('sheetId', String(nextSheetId++));
    entry.setAttributeNS(fl.r, `${rootPrefix(workbook, fl.r)}:id`, relId);
    sheetList.appendChild(entry);
    for (const [part, ct] of [
      [sheetPart, CT_SHEET],
      [tablePart, CT_TABLE],
    ]) {
      el(types, types.documentElement!, 'Override', { PartName: `/${part}`, ContentType: ct });
    }
    sheets.push({ name: t.sheet, part: sheetPart, tables: [{ name: t.table, part: tablePart, relId: 'rIdEssTable', id: nextTableId - 1 }] });
  }
  put(workbookPart, XML_DECLARATION + serializeXml(withoutDeclaration(workbook)));
  put(wbRelsPart, XML_DECLARATION + serializeXml(withoutDeclaration(wbRels)));
  put(typesPart, XML_DECLARATION + serializeXml(withoutDeclaration(types)));
  return { bytes: await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), written: [...written] };
}

/** The document without its <?xml …?> declaration, which is written once, as Excel writes it. */
function withoutDeclaration(doc: Document): Document {
  const first = doc.firstChild;
  if (first && first.nodeType === 7 && (first as unknown as { target: string }).target === 'xml') doc.removeChild(first);
  return doc;
}

/** Column widths that fit the headers and the first rows, within reason. */
export function fitWidths(headers: string[], rows: (string | number | null)[][], max = 60): number[] {
  return headers.map((h, i) => Math.min(max, Math.max(h.length + 4, ...rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 2))));
}
