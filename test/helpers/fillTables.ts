/**
 * A workbook filled as a user types into its tables, by openpyxl (the workbook's own parts — a stored
 * convention, the add-in's sheets — kept as openpyxl keeps them): values set in rows found by their
 * cells, and lines added under a table with its range extended, as Excel does when one types in it.
 */
import { spawnSync } from 'child_process';
import { toolPath } from './tools';

export type TypedValue = string | number | null | { date: string };
export interface TableEdits {
  /** Rows found by their values (header → value), then set (header → value). */
  set?: { where: Record<string, TypedValue>; values: Record<string, TypedValue> }[];
  /** Lines added at the table's end. */
  add?: Record<string, TypedValue>[];
}

const SCRIPT = String.raw`
import json, sys, datetime, openpyxl
from copy import copy
from openpyxl.utils import range_boundaries, get_column_letter
wb = openpyxl.load_workbook(sys.argv[1])
spec = json.loads(sys.argv[3])
def typed(v):
    if isinstance(v, dict) and 'date' in v:
        return datetime.datetime.fromisoformat(v['date'])
    return v
def key(v):
    return str(v).strip().lower() if v is not None else ''
for name, edits in spec.items():
    found = None
    for ws in wb.worksheets:
        if name in ws.tables:
            found = (ws, ws.tables[name])
    if not found:
        raise SystemExit('no table ' + name)
    ws, t = found
    c1, r1, c2, r2 = range_boundaries(t.ref)
    headers = [ws.cell(r1, c).value for c in range(c1, c2 + 1)]
    col = lambda h: c1 + headers.index(h)
    for s in edits.get('set', []):
        rows = [r for r in range(r1 + 1, r2 + 1) if all(key(ws.cell(r, col(h)).value) == key(v) for h, v in s['where'].items())]
        if len(rows) != 1:
            raise SystemExit('%s: %d rows for %s' % (name, len(rows), s['where']))
        for h, v in s['values'].items():
            ws.cell(rows[0], col(h)).value = typed(v)
    totals = 1 if t.totalsRowCount else 0
    for line in edits.get('add', []):
        last = r2 - totals
        blank = [r for r in range(r1 + 1, last + 1) if all(ws.cell(r, c).value in (None, '') for c in range(c1, c2 + 1))]
        if blank:
            row = blank[0]
        else:
            # As Excel does: the totals row moves down one, the new line takes its place.
            row = last + 1
            if totals:
                for c in range(c1, c2 + 1):
                    src, dst = ws.cell(row, c), ws.cell(row + 1, c)
                    dst.value, dst._style = src.value, copy(src._style)
                    src.value = None
            r2 += 1
        for h, v in line.items():
            ws.cell(row, col(h)).value = typed(v)
    t.ref = '%s%d:%s%d' % (get_column_letter(c1), r1, get_column_letter(c2), r2)
    if t.autoFilter is not None:
        t.autoFilter.ref = t.ref
wb.save(sys.argv[2])
`;

/** `from` with `edits` typed into its tables, saved as `to` by openpyxl. */
export function fillTables(from: string, to: string, edits: Record<string, TableEdits>): string {
  const r = spawnSync(toolPath('openpyxl') ?? 'python3', ['-c', SCRIPT, from, to, JSON.stringify(edits)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return to;
}
