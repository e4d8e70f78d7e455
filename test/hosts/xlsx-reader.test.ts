/**
 * The streaming reader on hand-written SpreadsheetML: what each producer trait reads as, the XML
 * scanner's chunk boundaries, and the values Excel shows (formula errors, dates, line breaks).
 */
import JSZip from 'jszip';
import { readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { isDateFormat } from '../../src/hosts/xlsx/strings';
import fc from 'fast-check';
import { XmlScanner, type XmlSink } from '../../src/hosts/xlsx/xml';
import { SheetReader } from '../../src/hosts/xlsx/sheet';
import { region } from '../../src/hosts/xlsx/region';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A one-sheet workbook ("Instances") holding the Instances table over `ref`, its sheetData and extras as given. */
async function workbook(o: { sheetData: string; ref: string; after?: string; styles?: string; sst?: string[]; workbookPr?: string; totalsRowCount?: number }): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<workbook ${NS}>${o.workbookPr ?? ''}<sheets><sheet name="Instances" sheetId="1" r:id="s1"/></sheets></workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="s1" Type="${REL}/worksheet" Target="worksheets/a.xml"/><Relationship Id="st" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="ss" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file('xl/styles.xml', o.styles ?? `<styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`);
  zip.file('xl/sharedStrings.xml', `<sst ${NS}>${(o.sst ?? []).map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`);
  zip.file('xl/worksheets/a.xml', `<worksheet ${NS}><sheetData>${o.sheetData}</sheetData>${o.after ?? ''}</worksheet>`);
  zip.file('xl/worksheets/_rels/a.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="t1" Type="${REL}/table" Target="../tables/t.xml"/></Relationships>`);
  zip.file('xl/tables/t.xml', `<table ${NS} id="1" name="Instances" displayName="Instances" ref="${o.ref}" totalsRowCount="${o.totalsRowCount ?? 0}"><tableColumns count="3"/></table>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Instance</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c><c r="C1" t="inlineStr"><is><t>Objet</t></is></c></row>';

async function table(o: Parameters<typeof workbook>[0]) {
  const { snapshot } = await readWorkbookBuffer(await workbook(o));
  return snapshot.tables.find((t) => t.name === 'Instances')!;
}

describe('values as Excel shows them', () => {
  test('formula errors keep their names, cached results are the values, a formula without one is uncalculated', async () => {
    const t = await table({
      ref: 'A1:C3',
      sheetData: `${header}<row r="2"><c r="A2" t="e"><f>VLOOKUP(1,Z:Z,1,0)</f><v>#N/A</v></c><c r="B2" s="1" t="e"><f>NOPE()</f><v>#NAME?</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row><row r="3"><c r="A3"><f t="shared" ref="A3:B3" si="0">1+1</f><v>2</v></c><c r="B3"><f t="shared" si="0"/></c><c r="C3" t="b"><v>1</v></c></row>`,
    });
    expect(t.rows).toEqual([
      [{ error: '#N/A' }, { error: '#NAME?' }, 'ab'],
      [2, { uncalculated: '=1+1' }, true],
    ]);
  });

  test('a shared formula whose master stands outside the table: the cells sharing it name its formula, not a bare "="', async () => {
    const shifted = header.replace(/r="([A-C])1"/g, (_, c: string) => `r="${String.fromCharCode(c.charCodeAt(0) + 1)}1"`);
    const t = await table({
      ref: 'B1:D3',
      sheetData: `${shifted}<row r="2"><c r="B2"><v>1</v></c><c r="C2"><v>2</v></c><c r="D2"><v>3</v></c></row><row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">SUM(Z1:Z9)</f></c><c r="B3"><f t="shared" si="0"/></c><c r="C3"><f t="shared" si="0"/><v>7</v></c><c r="D3"><v>4</v></c></row>`,
    });
    expect(t.rows).toEqual([
      [1, 2, 3],
      [{ uncalculated: '=SUM(Z1:Z9)' }, 7, 4],
    ]);
  });

  test('dates: a date style makes a date, 1904 workbooks shift, ISO cells (t="d") read as dates, an impossible serial stays a number', async () => {
    const sheetData = (serial: number) => `${header}<row r="2"><c r="A2" s="1"><v>${serial}</v></c><c r="B2" t="d"><v>2014-06-09T00:00:00</v></c><c r="C2" s="1"><v>1e20</v></c></row>`;
    const day = new Date(Date.UTC(2014, 5, 9));
    expect((await table({ ref: 'A1:C2', sheetData: sheetData(41799) })).rows).toEqual([[day, day, 1e20]]);
    expect((await table({ ref: 'A1:C2', sheetData: sheetData(41799 - 1462), workbookPr: '<workbookPr date1904="1"/>' })).rows).toEqual([[day, day, 1e20]]);
  });

  test('rich and phonetic text, _xHHHH_ escapes, entities, and headers with line breaks read on one line', async () => {
    const t = await table({
      ref: 'A1:C2',
      sst: ['Dat<![CDATA[e]]>', 'a_x000D_b'],
      sheetData: `<row r="1"><c r="A1" t="inlineStr"><is><t>Instance</t></is></c><c r="B1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>Objet\n(libellé)</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><r><t>CO</t></r><r><rPr><b/></rPr><t>PIL</t></r><rPh><t>コ</t></rPh></is></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="inlineStr"><is><t>R&amp;D &#233;t&#xE9;</t></is></c></row>`,
    });
    expect(t.headers).toEqual(['Instance', 'Date', 'Objet (libellé)']);
    expect(t.rows).toEqual([['COPIL', 'a\rb', 'R&D été']]);
  });


  test('shared strings read the same whether one cell uses them (kept as bytes) or several: Latin-1, beyond it, long, empty, entities, unused ones between, one past the end blank', async () => {
    const long = 'L'.repeat(300);
    const sst = ['unused', 'réf-001', 'Œuvre «ESS»', 'twice', long, '', 'R&amp;D &#233;', 'unused too', 'a_x000D_b', '€ 12'];
    const cell = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const t = await table({
      ref: 'A1:C5',
      sst,
      sheetData: `${header}<row r="2">${cell('A2', 1)}${cell('B2', 2)}${cell('C2', 3)}</row><row r="3">${cell('A3', 3)}${cell('B3', 4)}${cell('C3', 5)}</row><row r="4">${cell('A4', 6)}${cell('B4', 8)}${cell('C4', 9)}</row><row r="5">${cell('A5', 10)}<c r="B5" t="inlineStr"><is><t>x</t></is></c></row>`,
    });
    expect(t.rows).toEqual([
      ['réf-001', 'Œuvre «ESS»', 'twice'],
      ['twice', long, ''],
      ['R&D é', 'a\rb', '€ 12'],
      [null, 'x', null],
    ]);
  });

  test('a string one cell uses, kept from its bytes: two runs, a phonetic guide, CDATA, an underscore, an escape, 256 and 257 characters, UTF-8 read as such', async () => {
    const sst = ['CO</t><t>PIL', 'ab</t><rPh><t>x</t></rPh><t>c', '<![CDATA[R&D]]>', 'REF_01', 'a_x000D_b', 'M'.repeat(256), 'N'.repeat(257), 'Économie', 'BENCH-000123'];
    const cells = sst.map((_, i) => `<c r="${String.fromCharCode(65 + (i % 3))}${2 + Math.floor(i / 3)}" t="s"><v>${i}</v></c>`);
    const t = await table({
      ref: 'A1:C4',
      sst,
      sheetData: `${header}<row r="2">${cells.slice(0, 3).join('')}</row><row r="3">${cells.slice(3, 6).join('')}</row><row r="4">${cells.slice(6).join('')}</row>`,
    });
    expect(t.rows).toEqual([
      ['COPIL', 'abc', 'R&D'],
      ['REF_01', 'a\rb', 'M'.repeat(256)],
      ['N'.repeat(257), 'Économie', 'BENCH-000123'],
    ]);
  });
  test('strings kept as bytes across the 1 MB chunks: one that does not fit starts the next chunk, a UTF-8 one at the edge stays a string', async () => {
    // 200 bytes each: the first chunk holds 5 242 of them; the ones around that edge alternate ASCII and UTF-8.
    const sst = Array.from({ length: 6000 }, (_, i) => (i % 2 === 1 && i > 5236 && i < 5250 ? 'é' : 'R') + String(i).padStart(199, '0'));
    const rows = sst.map((_, i) => `<row r="${i + 2}"><c r="A${i + 2}" t="s"><v>${i}</v></c></row>`).join('');
    const t = await table({ ref: 'A1:C6001', sst, sheetData: header + rows });
    expect(t.rows.map((r) => r[0])).toEqual(sst);
  });

  test('number formats: which are dates', () => {
    for (const d of ['dd/mm/yyyy', 'd-mmm-yy', '[$-40C]dddd d mmmm yyyy', 'hh:mm', '[h]:mm:ss', 'yyyy-mm-dd;@']) expect([d, isDateFormat(d)]).toEqual([d, true]);
    for (const n of ['General', '#,##0.00\\ "€"', '0.00%', '#,##0.00_-"€"', '[Red]-0.00', '"days "0', '0.0E+00']) expect([n, isDateFormat(n)]).toEqual([n, false]);
  });
});

describe('structure', () => {
  test('rows and cells without r= take the next place; gaps stay blank', async () => {
    const t = await table({ ref: 'A1:C4', sheetData: `${header}<row><c t="inlineStr"><is><t>COPIL</t></is></c><c/><c t="inlineStr"><is><t>x</t></is></c></row><row/><row><c r="B4" s="1"><v>41799</v></c></row>` });
    expect(t.rows).toEqual([
      ['COPIL', null, 'x'],
      [null, null, null],
      [null, new Date(Date.UTC(2014, 5, 9)), null],
    ]);
  });

  test('a totals row whose flag was lost ("Total" over SUBTOTAL formulas) is not read as data; a real last line is', async () => {
    const rows = `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>COPIL</t></is></c></row>`;
    const total = '<row r="3"><c r="A3" t="inlineStr"><is><t>Total</t></is></c><c r="B3"><f>SUBTOTAL(103,Instances[Date])</f><v>1</v></c></row>';
    expect((await table({ ref: 'A1:C3', sheetData: rows + total })).rows).toEqual([['COPIL', null, null]]);
    const plain = '<row r="3"><c r="A3" t="inlineStr"><is><t>Total</t></is></c><c r="B3"><v>1</v></c></row>';
    expect((await table({ ref: 'A1:C3', sheetData: rows + plain })).rows).toHaveLength(2);
  });

  test('merges: blank and named where they meet the table, never expanded elsewhere (a whole-sheet merge included)', async () => {
    const t = await table({
      ref: 'A1:C3',
      sheetData: `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>COPIL</t></is></c><c r="B2" t="inlineStr"><is><t>x</t></is></c></row><row r="3"><c r="A3" t="inlineStr"><is><t>y</t></is></c></row>`,
      after: '<mergeCells count="3"><mergeCell ref="A2:B2"/><mergeCell ref="E1:XFD1048576"/><mergeCell ref="A3:A1048576"/></mergeCells>',
    });
    expect(t.rows).toEqual([
      ['COPIL', null, null],
      ['y', null, null],
    ]);
    expect(t.mergedCells).toEqual(['B2']);
  });

  test('rows typed under a table holding only shared strings (read after the sheets) are read up to the first blank row', async () => {
    // As ExcelJS and Excel write it: sharedStrings.xml comes after the sheets; row 4 holds text only.
    const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
    const t = await table({
      ref: 'A1:C2',
      sst: ['COPIL', 'note sans date', 'hors tableau'],
      sheetData: `${header}<row r="2">${s('A2', 0)}</row><row r="3">${s('A3', 0)}<c r="B3" s="1"><v>41799</v></c></row><row r="4">${s('C4', 1)}</row><row r="6">${s('A6', 2)}</row>`,
    });
    expect(t.rows).toEqual([
      ['COPIL', null, null],
      ['COPIL', new Date(Date.UTC(2014, 5, 9)), null],
      [null, null, 'note sans date'],
    ]);
  });
});

test('what the sheet holds outside its table is noted by place and kind: a title above it is not, nor a blank, a styled cell or a formula showing nothing', async () => {
  const s = (ref: string, i: number) => `<c r="${ref}" t="s"><v>${i}</v></c>`;
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const { snapshot } = await readWorkbookBuffer(
    await workbook({
      ref: 'A3:C4',
      sst: ['Instances de gouvernance', 'à vérifier', 'COPIL'],
      sheetData:
        `<row r="1">${s('A1', 0)}</row><row r="2"><c r="B2"><v>2014</v></c></row>` +
        `<row r="3">${inline('A3', 'Instance')}${inline('B3', 'Date')}${inline('C3', 'Objet')}${s('E3', 1)}<c r="F3" s="1"/></row>` +
        `<row r="4">${s('A4', 2)}<c r="B4" s="1"><v>41799</v></c><c r="D4"><v>250000</v></c><c r="F4" t="str"><v>  </v></c></row>` +
        `<row r="5"><c r="E5"><f>D4*2</f></c><c r="F5" t="str"><f>IF(D4&gt;0,"","x")</f><v></v></c></row>` +
        `<row r="8">${inline('A8', 'note')}<c r="B8" t="b"><v>1</v></c></row>`,
    }),
  );
  expect(snapshot.outside).toEqual([
    {
      sheet: 'Instances',
      cells: [
        { row: 2, col: 2, text: false },
        { row: 3, col: 5, text: true },
        { row: 4, col: 4, text: false },
        { row: 5, col: 5, text: false },
        { row: 8, col: 1, text: true },
        { row: 8, col: 2, text: false },
      ],
      values: 4,
      texts: 2,
    },
  ]);
});

test('a contract table over a whole sheet (A1:XFD1048576) is refused in one line, not built', async () => {
  await expect(readWorkbookBuffer(await workbook({ ref: 'A1:XFD1048576', sheetData: header }))).rejects.toMatchObject({ kind: 'too-large', detail: expect.stringMatching(/^le tableau Instances couvre A1:XFD1048576/) });
});

describe('the XML scanner', () => {
  /** Every open/close/text event as a line, with the text concatenated. */
  function events(chunks: Buffer[]): string[] {
    const out: string[] = [];
    const sink: XmlSink = {
      open: (s) => {
        out.push(`<${s.name()} id=${s.attr('id') ?? ''}${s.selfClosing ? '/' : ''}>`);
        s.wantText = true;
      },
      close: (s) => out.push(`</${s.name()}>`),
      text: (s) => out.push(`"${s.text()}"`),
    };
    const sc = new XmlScanner(sink, 'test');
    for (const c of chunks) sc.push(c);
    sc.end();
    // Text split across events is one text to the sinks that concatenate.
    return out.join('\n').replace(/"\n"/g, '').split('\n');
  }
  const xml = '<?xml version="1.0"?><!-- a > b --><x:a id="1 &gt; 0" xmlns:x="u"><x:b id=\'é\'>t&amp;<![CDATA[<z>]]>u</x:b><c/></x:a>';

  test('the same events whatever the chunks: whole, byte by byte, UTF-16 LE and BE', () => {
    const whole = events([Buffer.from(xml)]);
    expect(whole).toEqual(['<a id=1 > 0>', '<b id=é>', '"t&<z>u"', '</b>', '<c id=/>', '</c>', '</a>']);
    const bytes = Buffer.from(xml);
    expect(events([...bytes].map((b) => Buffer.from([b])))).toEqual(whole);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect(events([le.subarray(0, 7), le.subarray(7)])).toEqual(whole);
    const be = Buffer.from(le).swap16();
    expect(events([be.subarray(0, 5), be.subarray(5, 40), be.subarray(40)])).toEqual(whole);
  });

  test('property: any document cut anywhere gives the events of the whole (fast-check)', () => {
    // Cells as producers write them, with what makes a cut hard: `>` inside quotes and comments, CDATA, entities, long texts.
    const piece = fc.oneof(
      fc.constantFrom('<c r="A1" s="3" t="s"><v>42</v></c>', '<c r="B2"><v>-1234.56</v></c>', "<x:row r='7' id='a>b'/>", '<!-- a > b -->', '<![CDATA[<z>]]>', '<?pi x?>', 't&amp;u&#233;', '<is><t>é</t></is>'),
      fc.string({ maxLength: 40 }).map((t) => `<t id="${t.replace(/[<&"]/g, '')}">${t.replace(/[<&]/g, '')}</t>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, cuts) => {
        const bytes = Buffer.from(`<root>${pieces.join('')}</root>`);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...at].map((from, i) => bytes.subarray(from, i < at.length ? at[i] : bytes.length));
        expect(events(chunks)).toEqual(events([bytes]));
      }),
      { numRuns: 300, seed: 20141115 },
    );
  });

  test('property: a sheet reads the same cells whole, cut anywhere, and byte by byte', () => {
    // The cuts fall inside tags, values and end tags: what the scanner keeps across chunks must read as the whole does.
    const value = fc.constantFrom('42', '-1234.56', '0', '1e5', ' 7', '', '12345678901234567', '3.', '.5', '-0');
    const cell = fc.oneof(
      fc.tuple(fc.constantFrom('', ' t="s"', ' t="n"', ' s="1"', ' t="str"', ' t="e"', ' t="b"'), value).map(([t, v]) => `<c${t}><v>${v}</v></c>`),
      value.map((v) => `<x:c><x:v>${v}</x:v></x:c>`),
      value.map((v) => `<c><f>A1*2</f><v>${v}</v></c>`),
      fc.constant('<c t="inlineStr"><is><t>é</t></is></c>'),
      fc.constant('<c/>'),
    );
    const sheet = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }).map((rows) => Buffer.from(`<worksheet><sheetData>${rows.map((r) => `<row>${r.join('')}</row>`).join('')}</sheetData></worksheet>`));
    const read = (chunks: Buffer[]) => {
      const g = region(1, Infinity, 1, Infinity);
      const reader = new SheetReader({ regions: [g], dateStyles: Uint8Array.from([0, 1]), date1904: false, sst: ['zéro', 'un', 'deux'] });
      const sc = new XmlScanner(reader, 'a.xml');
      for (const c of chunks) sc.push(c);
      sc.end();
      reader.finish();
      return g.cells.grid(0, g.cells.rowCount, g.cells.width).toRows();
    };
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const whole = read([bytes]);
        expect(read([...bytes].map((b) => Buffer.from([b])))).toEqual(whole);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(read([0, ...at].map((from, i) => bytes.subarray(from, i < at.length ? at[i] : bytes.length)))).toEqual(whole);
      }),
      { numRuns: 200, seed: 20141115 },
    );
  });

  test("property: a cell read in one step reads as its five events do, whole or cut at every byte (fast-check)", () => {
    // The scanner reads an ordinary cell (`<c …><v>…</v></c>`, `<c …/>`) in one step when it is whole in
    // the buffer; anything else goes by events. Reference: the same reader fed by events only (a sink
    // without `wholeCell`), and the document cut at each byte (a cell is then never whole).
    const q = fc.constantFrom('"', "'");
    const attr = fc.oneof(
      fc.tuple(fc.constantFrom('r', 'x:r'), fc.constantFrom('A1', 'B2', '$C$3', 'D4', 'b5', 'AA1', 'zz', '', 'A0', '7')),
      fc.tuple(fc.constant('s'), fc.constantFrom('0', '1', '2', '', 'x')),
      fc.tuple(fc.constant('t'), fc.constantFrom('s', 'n', 'b', 'str', 'e', 'inlineStr', 'd', '')),
      fc.tuple(fc.constantFrom('cm', 'vm', 'x14ac:ph', 'rr'), fc.constantFrom('1', 'a>b', '')),
    );
    const attrs = fc.tuple(fc.array(fc.tuple(attr, q, fc.constantFrom(' ', '  ', '\n', '\t', ' \r\n ')), { maxLength: 4 }), fc.constantFrom('', ' ', '\n')).map(
      ([list, tail]) => list.map(([[name, value], quote, space]) => `${space}${name}=${quote}${value}${quote}`).join('') + tail,
    );
    const value = fc.constantFrom('42', '-1234.56', '0', '1e5', ' 7', '', '12345678901234567', '3.', '.5', '-0', '1', 'TRUE', '#N/A', '2015-03-01', '&lt;x&amp;', '1&#48;', 'é', '2');
    const space = fc.constantFrom('', ' ', '\n  ');
    const content = fc.oneof(
      fc.tuple(space, value, space).map(([a, v, b]) => `>${a}<v>${v}</v>${b}</c>`),
      value.map((v) => `><x:v>${v}</x:v></c>`),
      value.map((v) => `><v><![CDATA[${v}]]></v></c>`),
      value.map((v) => `><v>${v}<!-- c --></v></c>`),
      value.map((v) => `><f>A1*2</f><v>${v}</v></c>`),
      value.map((v) => `><v>${v}</v><f>SUBTOTAL(109,B2:B3)</f></c>`),
      fc.constantFrom('/>', '></c>', '><v/></c>', '><v></v></c>', '><is><t>é</t></is></c>', '><v>1</v><v>2</v></c>'),
    );
    const cell = fc.tuple(fc.constantFrom('c', 'x:c'), attrs, content).map(([name, a, rest]) => {
      const body = `<${name}${a}${rest}`;
      return name === 'c' ? body : body.replace(/<\/c>$/, '</x:c>');
    });
    const row = fc.tuple(fc.constantFrom('<row>', '<row r="3">', '<row r="6">', "<row r='2' spans='1:8'>"), fc.array(cell, { maxLength: 6 })).map(([open, cells]) => `${open}${cells.join('')}</row>`);
    const sheet = fc
      .tuple(fc.array(row, { maxLength: 8 }), fc.constantFrom('', '<c r="A1"><v>9</v></c>'))
      .map(([rows, before]) => Buffer.from(`<worksheet>${before}<sheetData>${rows.join('')}</sheetData>${before}</worksheet>`));
    const read = (chunks: Buffer[], events: boolean) => {
      // Two regions and cells around them: cells inside, beside and below are all met.
      const regions = [region(1, 3, 1, 2), region(4, Infinity, 2, 4)];
      const reader = new SheetReader({ regions, dateStyles: Uint8Array.from([0, 1, 0]), date1904: false, sst: ['zéro', 'un', 'deux'] });
      const sink: XmlSink = events ? { open: (s) => reader.open(s), close: (s) => reader.close(s), text: (s) => reader.text(s) } : reader;
      const sc = new XmlScanner(sink, 'a.xml');
      for (const c of chunks) sc.push(c);
      sc.end();
      reader.finish();
      // What lies outside both regions is noted the same way too (core/outside.ts names it).
      return { regions: regions.map((g) => ({ rows: g.cells.grid(0, g.cells.rowCount, g.cells.width).toRows(), bottom: g.bottom, subtotal: g.subtotalInBottom })), outside: reader.outside };
    };
    let fast = 0;
    let outside = 0;
    const oneStep = jest.spyOn(SheetReader.prototype, 'wholeCell');
    fc.assert(
      fc.property(sheet, fc.array(fc.nat(), { maxLength: 8 }), (bytes, cuts) => {
        const whole = read([bytes], false);
        expect(read([bytes], true)).toEqual(whole);
        expect(read([...bytes].map((b) => Buffer.from([b])), false)).toEqual(whole);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        expect(read([0, ...at].map((from, i) => bytes.subarray(from, i < at.length ? at[i] : bytes.length)), false)).toEqual(whole);
        if (whole.regions.some((g) => g.rows.length > 0)) fast++;
        if (whole.outside.cells.length > 0) outside++;
      }),
      { numRuns: 400, seed: 20151231 },
    );
    // Not a vacuous property: most sheets drawn kept cells, and many cells were read in one step; many noted cells outside.
    expect(fast).toBeGreaterThan(200);
    expect(outside).toBeGreaterThan(100);
    expect(oneStep.mock.calls.length).toBeGreaterThan(1000);
    oneStep.mockRestore();
  });

  test('a sheet cut in two at each of its bytes reads as the whole does', () => {
    // Every cut: inside `<c`, its attributes and their quotes, `<v>`, the value, an entity, `</v>`, `</c>`, a row's tag.
    const bytes = Buffer.from(
      `<worksheet><sheetData><row r="1"><c r="A1" s="1" t="n"><v>42005</v></c><c r='B1' t='s'><v>2</v></c><c t="str" r="C1"> <v>a &amp; b</v> </c></row>` +
        `<row r="2"><x:c r="A2"><x:v>-0.5</x:v></x:c><c r="B2"/><c r="C2" t="e"><v>#N/A</v></c></row></sheetData></worksheet>`,
    );
    const read = (chunks: Buffer[]) => {
      const g = region(1, 2, 1, 3);
      const reader = new SheetReader({ regions: [g], dateStyles: Uint8Array.from([0, 1]), date1904: false, sst: ['zéro', 'un', 'deux'] });
      const sc = new XmlScanner(reader, 'a.xml');
      for (const c of chunks) sc.push(c);
      sc.end();
      reader.finish();
      return g.cells.grid(0, g.cells.rowCount, 3).toRows();
    };
    const whole = read([bytes]);
    expect(whole).toEqual([
      [new Date(Date.UTC(2015, 0, 1)), 'deux', 'a & b'],
      [-0.5, null, { error: '#N/A' }],
    ]);
    for (let at = 1; at < bytes.length; at++) expect(read([bytes.subarray(0, at), bytes.subarray(at)])).toEqual(whole);
  });

  test('a cell read in one step: its value, type, style and place as Excel shows them', () => {
    const g = region(1, 4, 1, 3);
    const reader = new SheetReader({ regions: [g], dateStyles: Uint8Array.from([0, 1]), date1904: false, sst: ['zéro', 'un'] });
    const xmlText =
      `<worksheet><sheetData><row r="1"><c r='A1' t='s'><v>1</v></c><c t="n" s="1" r="B1"><v>42005</v></c><c r="C1" t="str">\n<v>a &amp; b</v>\n</c></row>` +
      `<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2"/></row>` +
      `<row><c><v>-0.5</v></c><c r="C3" t="inlineStr"><v>x</v></c></row></sheetData></worksheet>`;
    const sc = new XmlScanner(reader, 'a.xml');
    sc.push(Buffer.from(xmlText));
    sc.end();
    reader.finish();
    expect(g.cells.grid(0, 3, 3).toRows()).toEqual([
      ['un', new Date(Date.UTC(2015, 0, 1)), 'a & b'],
      [true, { error: '#DIV/0!' }, null],
      [-0.5, null, 'x'],
    ]);
  });

  test('a DTD is refused, and so is a part cut in the middle of a tag', () => {
    expect(() => events([Buffer.from('<!DOCTYPE x [<!ENTITY a "b">]><x/>')])).toThrow(/DTD/);
    expect(() => events([Buffer.from('<a><b id="1"')])).toThrow(/tronquée/);
  });
});

