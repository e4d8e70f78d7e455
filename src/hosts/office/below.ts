/**
 * What lies under a contract table, read in the same trip as the table: at most BELOW_ROWS rows (the
 * .xlsx reader's bound; the core keeps only the block right under it: core/extent.ts). Excel refuses
 * rows past its last one (1 048 576), and one refusal fails the whole read: a table ending within
 * BELOW_ROWS of the sheet's end is measured first (one small trip, only then) and read to the end.
 */
import { parseAddress, splitQualified } from '../../core/cells';
import { errorCode } from './errors';

/** Rows read under a contract table, at most. */
export const BELOW_ROWS = 10_000;
/** Excel's last row. */
export const SHEET_ROWS = 1_048_576;

/** Rows to read under a table, by its name in the workbook, where fewer than BELOW_ROWS remain (0: none). */
export type RoomBelow = ReadonlyMap<string, number>;

/** The used part of the rows under `table` (its totals row excluded), or null when there is no row under it. */
export function queueBelow(table: Excel.Table, name: string, room?: RoomBelow): Excel.Range | null {
  const count = room?.get(name) ?? BELOW_ROWS;
  return count > 0 ? table.getRange().getRowsBelow(count).getUsedRangeOrNullObject(true).load('address,values') : null;
}

/** The rows left under each named table before the sheet's end, where fewer than BELOW_ROWS. */
export async function measureRoom(ctx: Excel.RequestContext, names: string[]): Promise<RoomBelow> {
  const addresses = names.map((name) => {
    const table = ctx.workbook.tables.getItemOrNullObject(name).load('name');
    return { name, table, range: table.getRange().load('address') };
  });
  await ctx.sync();
  const room = new Map<string, number>();
  for (const a of addresses) {
    if (a.table.isNullObject) continue;
    const last = parseAddress(splitQualified(a.range.address).local.split(':').pop()!);
    if (last && SHEET_ROWS - last.row < BELOW_ROWS) room.set(a.name, SHEET_ROWS - last.row);
  }
  return room;
}

/**
 * Runs `read` (its loads and their sync) as is; when Excel refuses rows past its last one (a table
 * named by `names` ending near the sheet's end), measures them and runs it again, clamped. Resolves
 * to its value and the trips that cost beyond the first.
 */
export async function withRoomBelow<T>(ctx: Excel.RequestContext, names: () => string[], read: (room?: RoomBelow) => Promise<T>): Promise<{ value: T; extra: number }> {
  try {
    return { value: await read(), extra: 0 };
  } catch (e) {
    if (errorCode(e) !== 'InvalidArgument') throw e;
    const room = await measureRoom(ctx, names());
    return { value: await read(room), extra: 2 };
  }
}
