/** The core stays pure: no Office.js, DOM, Node, React or file-format library in src/core. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

const forbidden = [
  /from ['"](react|react-dom|exceljs|yauzl|pdfkit|papaparse|iconv-lite|fs|path|os|util|child_process|zlib|stream|crypto|node:[a-z/]+|@fluentui\/[^'"]+|@microsoft\/[^'"]+)['"]/,
  /require\(/,
  /\bExcel\.run\b/,
  /\bOffice\./,
  /\bdocument\./,
  /\bwindow\./,
  /\bprocess\./,
];

test.each(files(join(__dirname, '../../src/core')))('%s imports nothing but the core and decimal.js', (file) => {
  const text = readFileSync(file, 'utf8');
  for (const re of forbidden) expect(text).not.toMatch(re);
});
