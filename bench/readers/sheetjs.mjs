// SheetJS (npm's xlsx 0.18.5, a dev dependency of the bench only): the whole workbook read, as a Node
// user would read it instead of ess-budget (readFile with its defaults). Prints the used range of every sheet.
import XLSX from 'xlsx';

const wb = XLSX.readFile(process.argv[2]);
process.stdout.write(wb.SheetNames.map((n) => `${n} ${wb.Sheets[n]['!ref']}`).join('\n') + '\n');
