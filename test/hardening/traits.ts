/**
 * The producer-traits corpus: our example as other software writes it, built by code. Each trait is
 * what one family of producers does to the same workbook (Open XML SDK's `<x:workbook>`, openpyxl's
 * absolute targets, LibreOffice's lost totals-row flag, Numbers' `sheet.xml`, Excel's whole-column
 * drop-down lists…); the reader must give the same snapshot, hence the same findings, on every one.
 * Traits apply to the zip's XML as text, so that they can be combined.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { exampleLedgerRows, EXAMPLE_LEDGER_HEADERS } from '../../src/core/reconcile/example';
import { exampleWorkbook, toBuffer } from '../helpers/files';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
const STRICT_REL_NS = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

type Zip = JSZip;
const text = (zip: Zip, path: string) => zip.file(path)!.async('string');
const xmlParts = (zip: Zip) => Object.keys(zip.files).filter((p) => !zip.files[p].dir && /\.(xml|rels)$/.test(p));
const isMainPart = (xml: string) => xml.includes(`xmlns="${MAIN}"`);

/** Source part of a .rels part ("xl/_rels/workbook.xml.rels" → "xl/workbook.xml"). */
const sourceOf = (rels: string) => rels.replace(/_rels\/([^/]*)\.rels$/, '$1');

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = source.split('/').slice(0, -1);
  for (const s of target.split('/')) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** The part behind sheet `name`, through the workbook's relationships. */
async function sheetPartOf(zip: Zip, name: string, wbPart = 'xl/workbook.xml'): Promise<string> {
  const wb = await text(zip, wbPart);
  const rid = new RegExp(`<(?:\\w+:)?sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const rels = await text(zip, wbPart.replace(/([^/]*)$/, '_rels/$1.rels'));
  const target = new RegExp(`<Relationship [^>]*Id="${rid}"[^>]*/>`).exec(rels)![0].match(/Target="([^"]+)"/)![1];
  return resolve(wbPart, decodeURIComponent(target));
}

async function mapParts(zip: Zip, pick: (path: string, xml: string) => boolean, edit: (xml: string, path: string) => string | Promise<string>): Promise<void> {
  for (const p of xmlParts(zip)) {
    const xml = await text(zip, p);
    if (pick(p, xml)) zip.file(p, await edit(xml, p));
  }
}

const isWorksheet = (p: string, xml: string) => /<(\w+:)?worksheet[\s>]/.test(xml) && !p.includes('_rels');

/** Date-formatted cell styles (index of cellXfs) in styles.xml. */
async function dateStyles(zip: Zip): Promise<Set<number>> {
  const styles = await text(zip, 'xl/styles.xml');
  const custom = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]]));
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const out = new Set<number>();
  [...xfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].forEach((m, i) => {
    const id = Number(m[1]);
    const code = custom.get(id);
    if (code !== undefined ? /y/i.test(code) && /d/i.test(code) : id >= 14 && id <= 22) out.add(i);
  });
  return out;
}

/** Each numeric cell with a date style: its value rewritten. */
async function editDateCells(zip: Zip, edit: (attrs: string, serial: number) => string): Promise<void> {
  const dates = await dateStyles(zip);
  await mapParts(zip, isWorksheet, (xml) =>
    xml.replace(/<c ([^>]*?)s="(\d+)"([^>]*)><v>([0-9.]+)<\/v><\/c>/g, (all, a: string, s: string, b: string, v: string) => (dates.has(Number(s)) && !/t="/.test(a + b) ? edit(`${a}s="${s}"${b}`, Number(v)) : all)),
  );
}

export interface Trait {
  name: string;
  /** Who writes files this way. */
  producers: string;
  apply: (zip: Zip) => Promise<void>;
  /** A change to the zip's bytes themselves, after it is written. */
  bytes?: (buf: Buffer) => Buffer;
  /** Also a trait of .xlsx ledgers (the reconcile command). */
  ledger?: boolean;
}

export const traits: Trait[] = [
  {
    name: 'espaces de noms préfixés (<x:workbook>)',
    producers: 'Open XML SDK, ClosedXML',
    ledger: true,
    apply: (zip) =>
      mapParts(
        zip,
        (_p, xml) => isMainPart(xml),
        (xml) => xml.replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`).replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1x:$2'),
      ),
  },
  {
    name: 'cibles de relations absolues',
    producers: 'openpyxl',
    ledger: true,
    apply: (zip) =>
      mapParts(
        zip,
        (p) => p.endsWith('.rels'),
        (xml, p) => xml.replace(/Target="([^"]+)"/g, (all, t: string) => (/^(\/|https?:)/.test(t) ? all : `Target="/${resolve(sourceOf(p), t)}"`)),
      ),
  },
  {
    name: 'coordonnées implicites (lignes et cellules sans r=)',
    producers: 'générateurs en flux, PhpSpreadsheet, exports de progiciels',
    ledger: true,
    apply: (zip) =>
      mapParts(zip, isWorksheet, (xml) =>
        xml.replace(/<sheetData>([\s\S]*)<\/sheetData>/, (_all, data: string) => {
          let nextRow = 1;
          const rows = [...data.matchAll(/<row ([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)].map((m) => {
            const r = Number(/\br="(\d+)"/.exec(m[1])![1]);
            const gap = '<row/>'.repeat(r - nextRow);
            nextRow = r + 1;
            let nextCol = 1;
            const cells = (m[2] ?? '').replace(/<c r="([A-Z]+)\d+"/g, (_c, letters: string) => {
              const col = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
              const fill = '<c/>'.repeat(col - nextCol);
              nextCol = col + 1;
              return `${fill}<c`;
            });
            return `${gap}<row ${m[1].replace(/\br="\d+"\s*/, '')}>${cells}</row>`;
          });
          return `<sheetData>${rows.join('')}</sheetData>`;
        }),
      ),
  },
  {
    name: 'chaînes en ligne (inlineStr), sans table de chaînes partagées',
    producers: 'openpyxl en écriture seule, générateurs en flux, Open XML SDK',
    ledger: true,
    apply: async (zip) => {
      const sst = [...(await text(zip, 'xl/sharedStrings.xml')).matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
      await mapParts(zip, isWorksheet, (xml) =>
        xml.replace(/<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is>${sst[Number(i)]}</is></c>`),
      );
      zip.remove('xl/sharedStrings.xml');
      await mapParts(
        zip,
        (p) => p === 'xl/_rels/workbook.xml.rels',
        (xml) => xml.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''),
      );
    },
  },
  {
    name: 'formules partagées avec leurs valeurs en cache',
    producers: 'Excel, LibreOffice',
    apply: async (zip) => {
      // The paid amounts of Financements become one shared formula (=E5, =E6…) with cached results.
      const part = await sheetPartOf(zip, 'Financements');
      const xml = await text(zip, part);
      let master = 0;
      zip.file(
        part,
        xml.replace(/<c r="F(\d+)"([^>]*)><v>([^<]*)<\/v><\/c>/g, (_all, row: string, attrs: string, v: string) => {
          const f = master++ === 0 ? `<f t="shared" ref="F${row}:F1000" si="0">E${row}</f>` : '<f t="shared" si="0"/>';
          return `<c r="F${row}"${attrs}>${f}<v>${v}</v></c>`;
        }),
      );
    },
  },
  {
    name: 'dates en calendrier 1904',
    producers: 'Excel pour Mac (anciens classeurs)',
    ledger: true,
    apply: async (zip) => {
      await mapParts(
        zip,
        (p) => p === 'xl/workbook.xml',
        (xml) => (/<workbookPr/.test(xml) ? xml.replace(/<workbookPr/, '<workbookPr date1904="1"') : xml.replace(/<sheets>/, '<workbookPr date1904="1"/><sheets>')),
      );
      await editDateCells(zip, (attrs, serial) => `<c ${attrs}><v>${serial - 1462}</v></c>`);
    },
  },
  {
    name: 'OOXML strict (espaces de noms purl.oclc.org, dates ISO)',
    producers: 'Excel « Classeur Open XML strict »',
    ledger: true,
    apply: async (zip) => {
      await editDateCells(zip, (attrs, serial) => `<c ${attrs} t="d"><v>${new Date(Math.round((serial - 25569) * 86400000)).toISOString().slice(0, 19)}</v></c>`);
      await mapParts(
        zip,
        () => true,
        (xml) => xml.split(MAIN).join(STRICT_MAIN).split(`${REL_NS}/`).join(`${STRICT_REL_NS}/`).split(`"${REL_NS}"`).join(`"${STRICT_REL_NS}"`),
      );
    },
  },
  {
    name: 'parties en UTF-16',
    producers: 'outils .NET, exports de progiciels',
    ledger: true,
    apply: (zip) =>
      mapParts(
        zip,
        (p, xml) => isWorksheet(p, xml) || p === 'xl/sharedStrings.xml',
        (xml) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), 'utf16le')]) as unknown as string,
      ),
  },
  {
    name: 'en-têtes locaux du zip sans tailles (celles du répertoire central font foi)',
    producers: 'écritures en flux (zip avec descripteurs de données), Google Sheets',
    ledger: true,
    apply: async () => undefined,
    bytes: zeroLocalHeaders,
  },
  {
    name: 'partie classeur ailleurs que xl/workbook.xml',
    producers: 'Open XML SDK, générateurs maison',
    ledger: true,
    apply: async (zip) => {
      zip.file('xl/classeur.xml', await text(zip, 'xl/workbook.xml'));
      zip.file('xl/_rels/classeur.xml.rels', await text(zip, 'xl/_rels/workbook.xml.rels'));
      zip.remove('xl/workbook.xml');
      zip.remove('xl/_rels/workbook.xml.rels');
      zip.file('_rels/.rels', (await text(zip, '_rels/.rels')).replace(/Target="\/?xl\/workbook\.xml"/, 'Target="xl/classeur.xml"'));
      zip.file('[Content_Types].xml', (await text(zip, '[Content_Types].xml')).replace('PartName="/xl/workbook.xml"', 'PartName="/xl/classeur.xml"'));
    },
  },
  {
    name: 'feuilles nommées sheet.xml et « feuille deux.xml »',
    producers: 'Numbers, générateurs maison',
    ledger: true,
    apply: async (zip) => {
      const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
      const sheets = [...rels.matchAll(/Target="\/?(?:xl\/)?(worksheets\/sheet\d+\.xml)"/g)].map((m) => m[1]);
      const names = ['sheet.xml', 'feuille deux.xml'];
      let out = rels;
      let types = await text(zip, '[Content_Types].xml');
      for (const [i, old] of sheets.slice(0, 2).entries()) {
        const part = `xl/${old}`;
        const renamed = `xl/worksheets/${names[i]}`;
        zip.file(renamed, await zip.file(part)!.async('nodebuffer'));
        zip.remove(part);
        const oldRels = part.replace(/([^/]*)$/, '_rels/$1.rels');
        if (zip.file(oldRels)) {
          zip.file(renamed.replace(/([^/]*)$/, '_rels/$1.rels'), await zip.file(oldRels)!.async('nodebuffer'));
          zip.remove(oldRels);
        }
        out = out.replace(new RegExp(`Target="(/?(?:xl/)?)${old.replace('.', '\\.')}"`), `Target="$1worksheets/${encodeURIComponent(names[i])}"`);
        types = types.replace(`PartName="/${part}"`, `PartName="/xl/worksheets/${encodeURIComponent(names[i])}"`);
      }
      zip.file('xl/_rels/workbook.xml.rels', out);
      zip.file('[Content_Types].xml', types);
    },
  },
  {
    name: 'listes déroulantes et mises en forme sur des colonnes entières',
    producers: 'Excel (Windows, Mac, Online)',
    apply: (zip) =>
      mapParts(zip, isWorksheet, (xml) => {
        const widened = xml.replace(/sqref="([A-Z]+)(\d+):([A-Z]+)\d+"/g, (_a, l: string, top: string, r: string) => `sqref="${l}${top}:${r}1048576"`).replace(/<conditionalFormatting sqref="([A-Z]+)\d+:([A-Z]+)\d+"/g, '<conditionalFormatting sqref="$1:$2"');
        const all = '<dataValidation type="textLength" operator="lessThan" allowBlank="1" sqref="A1:XFD1048576"><formula1>32768</formula1></dataValidation>';
        return widened.includes('<dataValidations')
          ? widened.replace(/<dataValidations count="(\d+)">/, (_a, n: string) => `<dataValidations count="${Number(n) + 1}">${all}`)
          : widened.replace(/(<\/sheetData>(?:<sheetProtection[^>]*\/>)?(?:<autoFilter[^>]*\/>)?(?:<mergeCells[\s\S]*?<\/mergeCells>)?)/, `$1<dataValidations count="1">${all}</dataValidations>`);
      }),
  },
  {
    name: 'tableaux dont l’indicateur de ligne de total est perdu',
    producers: 'LibreOffice après un aller-retour .ods',
    apply: (zip) =>
      mapParts(
        zip,
        (p) => /^xl\/tables\//.test(p),
        (xml) => xml.replace(/totalsRowCount="1"/, 'totalsRowCount="0"').replace(/totalsRowShown="1"/, 'totalsRowShown="0"'),
      ),
  },
  {
    name: '50 000 cellules fusionnées hors des tableaux, sur une feuille lue',
    producers: 'mises en page faites à la main',
    apply: async (zip) => {
      const part = await sheetPartOf(zip, 'Financements');
      const xml = await text(zip, part);
      const refs = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="K${i + 1}:L${i + 1}"/>`).join('');
      zip.file(part, xml.replace('</sheetData>', `</sheetData><mergeCells count="50000">${refs}</mergeCells>`));
    },
  },
  {
    name: 'lignes vides jusqu’à la ligne 1 048 576',
    producers: 'LibreOffice, feuilles mises en forme jusqu’en bas',
    ledger: true,
    apply: async (zip) => {
      // On the largest sheet (Financements, or the ledger's export).
      let largest = '';
      let size = 0;
      await mapParts(zip, isWorksheet, (xml, p) => {
        if (xml.length > size) [largest, size] = [p, xml.length];
        return xml;
      });
      const xml = await text(zip, largest);
      const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
      const rows: string[] = [];
      for (let r = last + 1; r <= 1_048_576; r += 1) rows.push(`<row r="${r}" s="1" customFormat="1"/>`);
      zip.file(largest, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`));
    },
  },
];

/** Zeroes the sizes and CRC every local header declares (the central directory keeps the true ones). */
export function zeroLocalHeaders(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = 0; i + 30 <= out.length; i++) {
    if (out.readUInt32LE(i) !== 0x04034b50) continue;
    const compressed = out.readUInt32LE(i + 18);
    out.writeUInt32LE(0, i + 14);
    out.writeUInt32LE(0, i + 18);
    out.writeUInt32LE(0, i + 22);
    i += 29 + out.readUInt16LE(i + 26) + out.readUInt16LE(i + 28) + compressed;
  }
  return out;
}

/** The workbook every trait is applied to: the example, with findings of several kinds to keep (formula errors among them). */
export function baseWorkbook(options: { formulaErrors?: boolean } = {}): ExcelJS.Workbook {
  const wb = exampleWorkbook();
  const ws = (n: string) => wb.getWorksheet(n)!;
  ws('Financements').getCell('D6').value = '134 300,00 €';
  ws('Financements').getCell('C8').value = 'Regoin';
  ws('Participations 2015').getCell('C6').value = 399999;
  if (options.formulaErrors === false) return wb;
  ws('Financements').getCell('E7').value = { formula: 'D7/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
  ws('Financements').getCell('F9').value = { formula: 'NOPE(E9)', result: { error: '#NAME?' } } as ExcelJS.CellFormulaValue;
  const date = ws('Instances').getCell('B6');
  date.value = { formula: 'VLOOKUP(1,Z:Z,1,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
  return wb;
}

/** The example ledger as an .xlsx export (a notes sheet first, dates as dates). */
export function baseLedger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Notes').getCell('A1').value = 'Export du grand livre';
  const ws = wb.addWorksheet('Export');
  ws.addRow([...EXAMPLE_LEDGER_HEADERS]);
  for (const r of exampleLedgerRows()) {
    const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r[6]);
    ws.addRow([r[0], r[1], r[2], r[3], r[4], r[5], date ? new Date(Date.UTC(+date[3], +date[2] - 1, +date[1])) : r[6], r[7] === null ? null : r[7] / 100, r[8] === null ? null : r[8] / 100]);
  }
  ws.getColumn(7).numFmt = 'dd/mm/yyyy';
  // A formula error in a date cell: named as Excel shows it, never an "Invalid time value".
  ws.getCell(3, 7).value = { formula: 'VLOOKUP(1,Z:Z,1,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
  return wb;
}

/** The bytes of `wb` with `trait` applied (or none). */
export async function withTrait(wb: ExcelJS.Workbook, trait: Trait | null): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await toBuffer(wb));
  if (trait) await trait.apply(zip);
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return trait?.bytes ? trait.bytes(buf) : buf;
}
