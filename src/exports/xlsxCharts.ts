/**
 * Native Excel charts for the summary .xlsx. ExcelJS writes no charts, so the plan's two chart specs
 * are added to the package it wrote: one DrawingML chart part per spec (clustered columns, one
 * series per source column, the formulas pointing at the sheet's own tables, their values cached),
 * a drawing that anchors them to the plan's cells, and the relationships and content types that tie
 * them in. Excel and LibreOffice then draw them from the cells, so an edited figure moves its bar.
 */
import JSZip from 'jszip';
import { columnLetter, parseAddress } from '../core/cells';
import type { PlanChart as SheetChart, SheetPlan } from '../core/sheets/types';

const NS_C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');


function abs(sheet: string, col: number, row: number, col2?: number, row2?: number): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${columnLetter(col)}$${row}`;
  return col2 === undefined ? `${q}!${a}` : `${q}!${a}:$${columnLetter(col2)}$${row2}`;
}

function richText(text: string, size: number, bold: boolean): string {
  return `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="fr-FR" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${esc(text)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${esc(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${values
    .map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`))
    .join('')}</c:numCache>`;
}

/** The chart part for one spec; `cached` holds the source's header row and data rows. */
function chartXml(sheet: string, chart: SheetChart, cached: { headers: string[]; rows: (string | number | null)[][] }): string {
  const src = chart.source.split(':').map((a) => parseAddress(a)!);
  const [top, left, bottom] = [src[0].row, src[0].col, src[1].row];
  const categories = cached.rows.map((r) => String(r[0] ?? ''));
  const series = chart.seriesNames.map((name, j) => {
    const col = left + 1 + j;
    const values = cached.rows.map((r) => (typeof r[1 + j] === 'number' ? (r[1 + j] as number) : null));
    return (
      `<c:ser><c:idx val="${j}"/><c:order val="${j}"/>` +
      `<c:tx><c:strRef><c:f>${esc(abs(sheet, col, top))}</c:f>${strCache([cached.headers[1 + j] ?? name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${chart.seriesColours[j % chart.seriesColours.length]}"/></a:solidFill></c:spPr>` +
      `<c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${esc(abs(sheet, left, top + 1, left, bottom))}</c:f>${strCache(categories)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${esc(abs(sheet, col, top + 1, col, bottom))}</c:f>${numCache(values)}</c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const axisTitle = (t: string) => `<c:title>${richText(t, 900, false)}<c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/><c:chart>` +
    `<c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}` +
    `<c:gapWidth val="80"/><c:axId val="510001"/><c:axId val="510002"/></c:barChart>` +
    `<c:catAx><c:axId val="510001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>${axisTitle(chart.categoryAxisTitle)}` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="510002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="510002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/>${axisTitle(chart.valueAxisTitle)}` +
    `<c:numFmt formatCode="${esc(chart.valueNumberFormat)}" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="510001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(chart: SheetChart, index: number): string {
  const from = parseAddress(chart.topLeft)!;
  const to = parseAddress(chart.bottomRight)!;
  // Cell indexes are 0-based here; the chart covers its bottom-right cell entirely.
  const marker = (tag: string, col: number, row: number) => `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell">${marker('from', from.col - 1, from.row - 1)}${marker('to', to.col, to.row)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${esc(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="rId${index + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/**
 * Adds the plan's charts to the package ExcelJS wrote for it (its first sheet: xl/worksheets/sheet1.xml).
 * A package of another shape is returned untouched rather than risk a file Excel would repair.
 */
export async function addNativeCharts(xlsx: Uint8Array, plan: SheetPlan): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPath = 'xl/worksheets/sheet1.xml';
  const relsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const sheetFile = zip.file(sheetPath);
  const typesFile = zip.file('[Content_Types].xml');
  if (!sheetFile || !typesFile || !plan.charts.length || zip.file('xl/drawings/drawing1.xml')) return xlsx;
  let sheetXml = await sheetFile.async('string');
  if (sheetXml.includes('<drawing ')) return xlsx;

  plan.charts.forEach((chart, i) => {
    const table = plan.tables.find((t) => t.name === chart.sourceTable)!;
    const width = 1 + chart.seriesNames.length;
    const cached = { headers: table.columns.slice(0, width).map((c) => c.header), rows: table.rows.map((r) => r.slice(0, width) as (string | number | null)[]) };
    zip.file(`xl/charts/chart${i + 1}.xml`, chartXml(plan.name, chart, cached));
  });
  zip.file(
    'xl/drawings/drawing1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${plan.charts.map(anchorXml).join('')}</xdr:wsDr>`,
  );
  zip.file(
    'xl/drawings/_rels/drawing1.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${plan.charts
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_CHART}" Target="../charts/chart${i + 1}.xml"/>`)
      .join('')}</Relationships>`,
  );

  const relsFile = zip.file(relsPath);
  let rels = relsFile ? await relsFile.async('string') : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const relId = 'rIdSummaryCharts';
  rels = rels.replace('</Relationships>', `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing1.xml"/></Relationships>`);
  zip.file(relsPath, rels);

  // <drawing> goes after the page setup and header/footer, before legacy drawings and tableParts.
  const drawing = `<drawing r:id="${relId}"/>`;
  const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'].find((t) => sheetXml.includes(t))!;
  const at = sheetXml.indexOf(before);
  sheetXml = sheetXml.slice(0, at) + drawing + sheetXml.slice(at);
  zip.file(sheetPath, sheetXml);

  let types = await typesFile.async('string');
  const overrides = [
    `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    ...plan.charts.map((_, i) => `<Override PartName="/xl/charts/chart${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`),
  ];
  types = types.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', types);

  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
