/**
 * Excel tables (ListObjects): creation with Excel's generated header names, renaming, the header,
 * body and totals rows, rows added with their column's format. The third layer of WorkbookModel.
 */
import { intersects, type Box } from '../address';
import { CellStore } from './cells';
import { EmulatorError } from './errors';
import type { SheetModel, TableModel } from './types';

export abstract class TableStore extends CellStore {
  addTable(s: SheetModel, box: Box, hasHeaders: boolean): TableModel {
    let b = box;
    if (this.tables.some((t) => t.sheet === s && intersects(t.box, b))) throw new EmulatorError('InvalidOperation', "A table can't overlap another table.");
    if (!hasHeaders) {
      // Excel inserts a header row above the data and names the columns Column1, Column2…
      this.insertCells(s, b.top, b.left, b.right, 1);
      b = { ...b, bottom: b.bottom + 1 };
      for (let c = b.left; c <= b.right; c++) this.write(s, b.top, c, `Column${c - b.left + 1}`);
    } else this.nameHeaders(s, b);
    if (b.bottom === b.top) b = { ...b, bottom: b.top + 1 };
    let n = 1;
    while (this.table(`Table${n}`)) n++;
    const t: TableModel = { id: this.id('T'), name: `Table${n}`, sheet: s, box: b, showTotals: false, style: 'TableStyleMedium2' };
    this.tables.push(t);
    return t;
  }

  /** Blank or duplicate headers get Excel's generated names (Column3, Montant2…). */
  private nameHeaders(s: SheetModel, b: Box): void {
    const seen = new Set<string>();
    for (let c = b.left; c <= b.right; c++) {
      let h = String(this.value(s, b.top, c));
      if (h === '') h = `Column${c - b.left + 1}`;
      let name = h;
      let i = 2;
      while (seen.has(name.toLowerCase())) name = `${h}${i++}`;
      seen.add(name.toLowerCase());
      if (name !== String(this.value(s, b.top, c))) this.write(s, b.top, c, `'${name}`);
    }
  }

  renameTable(t: TableModel, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rcRC]$/.test(name)) throw new EmulatorError('InvalidArgument', `Nom de tableau invalide : ${name}`);
    const other = this.table(name);
    if (other && other !== t) throw new EmulatorError('InvalidArgument', `A table named ${name} already exists.`);
    t.name = name;
  }

  headerBox(t: TableModel): Box {
    return { ...t.box, bottom: t.box.top };
  }

  bodyBox(t: TableModel): Box {
    return { ...t.box, top: t.box.top + 1, bottom: t.box.bottom - (t.showTotals ? 1 : 0) };
  }

  headers(t: TableModel): string[] {
    if (t.hiddenHeaders) return [...t.hiddenHeaders];
    const h: string[] = [];
    for (let c = t.box.left; c <= t.box.right; c++) h.push(String(this.value(t.sheet, t.box.top, c)));
    return h;
  }

  /**
   * Table.showHeaders: hidden, the header row leaves the table (its cells blank, the names kept by
   * the table, as Excel does) and comes back when shown again. `box` keeps the header row's place.
   */
  setShowHeaders(t: TableModel, on: boolean): void {
    const hidden = t.hiddenHeaders !== undefined;
    if (on === !hidden) return;
    if (!on) {
      t.hiddenHeaders = this.headers(t);
      for (let c = t.box.left; c <= t.box.right; c++) this.write(t.sheet, t.box.top, c, '');
    } else {
      const names = t.hiddenHeaders!;
      delete t.hiddenHeaders;
      names.forEach((n, i) => this.write(t.sheet, t.box.top, t.box.left + i, `'${n}`));
    }
  }

  setShowTotals(t: TableModel, on: boolean): void {
    if (on === t.showTotals) return;
    if (on) {
      const row = t.box.bottom + 1;
      if (this.overlapsOther(t, { ...t.box, top: row, bottom: row })) throw new EmulatorError('InvalidOperation', 'The totals row would overlap another table.');
      t.box = { ...t.box, bottom: row };
      for (let c = t.box.left; c <= t.box.right; c++) this.write(t.sheet, row, c, '');
      this.write(t.sheet, row, t.box.left, "'Total");
    } else {
      this.clear(t.sheet, { ...t.box, top: t.box.bottom });
      t.box = { ...t.box, bottom: t.box.bottom - 1 };
    }
    t.showTotals = on;
  }

  /** Whether `box`, on t's sheet, overlaps a table other than t. */
  overlapsOther(t: TableModel, box: Box): boolean {
    return this.tables.some((o) => o !== t && o.sheet === t.sheet && intersects(o.box, box));
  }

  /** Table.rows.add: new rows at the end of the body (or at `index`), cells below pushed down. */
  addRows(t: TableModel, index: number | null, values: unknown[][] | null, count: number): Box {
    const body = this.bodyBox(t);
    const bodyRows = body.bottom - body.top + 1;
    // A table created over a header alone has one blank body row, which the first added row fills.
    const blankOnly = bodyRows === 1 && this.isBlankRow(t.sheet, body.top, body.left, body.right);
    const at = index === null || index === undefined ? bodyRows : index;
    if (at < 0 || at > bodyRows) throw new EmulatorError('InvalidArgument', 'The index is out of range.');
    let first: number;
    if (blankOnly) {
      first = body.top;
      const insert = count - 1;
      if (insert > 0) {
        this.insertCells(t.sheet, body.top + 1, t.box.left, t.box.right, insert);
        t.box = { ...t.box, bottom: t.box.bottom + insert };
      }
    } else {
      first = body.top + at;
      this.insertCells(t.sheet, first, t.box.left, t.box.right, count);
      // insertCells moved the table itself when it starts at or below the insertion row; it does not here.
      t.box = { ...t.box, bottom: t.box.bottom + count };
    }
    // Formats follow the column, as in an Excel table.
    for (let i = 0; i < count; i++) {
      for (let c = t.box.left; c <= t.box.right; c++) {
        const above = this.cell(t.sheet, first - 1 > t.box.top ? first - 1 : first + count, c);
        if (above?.numberFormat) this.cellForWrite(t.sheet, first + i, c).numberFormat = above.numberFormat;
      }
    }
    const box = { top: first, left: t.box.left, bottom: first + count - 1, right: t.box.right };
    if (values) this.writeBlock(t.sheet, box, values);
    this.changes.push({ sheet: t.sheet, box, source: 'Local', changeType: 'RowInserted' });
    return box;
  }

  private isBlankRow(s: SheetModel, r: number, left: number, right: number): boolean {
    for (let c = left; c <= right; c++) if (this.value(s, r, c) !== '') return false;
    return true;
  }

  deleteTable(t: TableModel): void {
    this.clear(t.sheet, t.box);
    this.tables = this.tables.filter((x) => x !== t);
  }
}
