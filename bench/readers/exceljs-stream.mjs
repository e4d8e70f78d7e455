// ExcelJS's streaming reader (already a dependency): every row of every sheet visited, shared strings
// cached, as its documentation shows for large files. Prints the rows read.
import ExcelJS from 'exceljs';

const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[2], { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
let rows = 0;
for await (const sheet of reader) for await (const row of sheet) rows += row.cellCount > 0 ? 1 : 0;
process.stdout.write(`${rows}\n`);
