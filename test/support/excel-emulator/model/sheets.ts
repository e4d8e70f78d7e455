/**
 * The workbook's structure: its sheets (names, order, the active one, the selection), the lists of
 * tables and conditional formats, ids, and addresses resolved against sheet names. The first layer
 * of WorkbookModel (cells.ts, tables.ts and workbook.ts build on it, one job each).
 */
import { boxAddress, parseBox, quoteSheet, splitSheet, type Box } from '../address';
import { EmulatorError, invalidArgument } from './errors';
import type { ChangeRecord, ConditionalFormatModel, RangeRef, SheetModel, TableModel } from './types';

export class SheetStore {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: RangeRef | null = null;
  /**
   * What the user selected when it is not one range: a chart or a shape ('object'), or several
   * areas ('areas'). Workbook.getSelectedRange then fails with InvalidSelection, as in Excel.
   */
  selectionIsNot: 'object' | 'areas' | null = null;
  /** Filled by every change, drained by the emulator into onChanged events. */
  changes: ChangeRecord[] = [];
  private nextId = 1;

  id(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  sheet(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  /** A table by name (names are the workbook's, case-insensitive) or id. */
  table(name: string): TableModel | undefined {
    const k = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === k || t.id === name);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheet(`Feuil${i}`)) i++;
      n = `Feuil${i}`;
    }
    if (!n || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'")) throw new EmulatorError('InvalidArgument', `Nom de feuille invalide : ${n}`);
    if (this.sheet(n)) throw new EmulatorError('ItemAlreadyExists', `A resource with the same name or identifier already exists: ${n}`);
    const s: SheetModel = { id: this.id('S'), name: n, cells: new Map(), columnWidths: new Map(), frozenRows: 0, visibility: 'Visible', validations: [], charts: [], tabColor: '', pageLayout: {} };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  /** Worksheet.position: the sheet moves to that index, the others keep their order. */
  moveSheet(s: SheetModel, position: number): void {
    if (position < 0 || position >= this.sheets.length) throw new EmulatorError('InvalidArgument', 'The position is out of range.');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.sheets.splice(position, 0, s);
  }

  address(s: SheetModel, box: Box): string {
    return `${quoteSheet(s.name)}!${boxAddress(box)}`;
  }

  /** "'Feuil 1'!A1:B2", or "A1:B2" on `defaultSheet`. */
  resolve(address: string, defaultSheet?: SheetModel): RangeRef {
    const { sheet: name, local } = splitSheet(address);
    const sheet = name === undefined ? defaultSheet : this.sheet(name);
    if (name !== undefined && !sheet) throw new EmulatorError('ItemNotFound', `The requested resource doesn't exist: ${name}`);
    const box = parseBox(local);
    if (!sheet || !box) throw invalidArgument(address);
    return { sheet, box };
  }
}
