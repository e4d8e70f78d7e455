/**
 * ess-budget report <in.xlsx> --out <file.pdf|file.xlsx|file.csv> [--as-of YYYY-MM-DD] [--lang fr|en] [--force]
 * The COPIL summary as a file; the format follows the extension. Exit status as `check`: 0 no
 * error-level finding, 1 at least one (the summary is written all the same: the COPIL needs to see
 * them), 2 bad arguments or an input that cannot be used.
 */
import { asOfOption, parseCommand } from './args';
import { inputMessage, type Io } from './io';
import { promises as fs, existsSync } from 'fs';
import { resolve } from 'path';
import { exitStatus } from '../app/check';
import { formatOfFile, summaryFile } from '../app/report';
import { messages } from '../core/i18n';
import type { PdfFonts } from '../exports/pdf';
import { FileHost, InputError } from '../hosts/xlsx';
import { previousVersion } from './since';
import { sameConvention } from './diff';

/** The PDF's fonts, from the package on disk (pdf.ts, and pdfkit with it, loaded only for a PDF). */
async function diskFonts(): Promise<PdfFonts> {
  const { PDF_FONT_FILES } = await import('../exports/pdf');
  const [regular, bold] = await Promise.all([fs.readFile(require.resolve(PDF_FONT_FILES.regular)), fs.readFile(require.resolve(PDF_FONT_FILES.bold))]);
  return { regular, bold };
}

export async function reportCommand(args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    'report',
    args,
    { out: { type: 'string', short: 'o' }, 'as-of': { type: 'string' }, lang: { type: 'string', choices: ['fr', 'en'] }, force: { type: 'boolean' }, since: { type: 'string' } },
    io,
  );
  if (typeof parsed === 'number') return parsed;
  const { positionals, lang } = parsed;
  const values = parsed.values as { out?: string; 'as-of'?: string; force?: boolean; since?: string };
  const m = messages[lang];
  const sm = m.summary.cli;
  if (positionals.length !== 1 || !values.out) {
    io.err(m.cli.badArgs(sm.missingOut, 'report'));
    return 2;
  }
  const input = positionals[0];
  const out = values.out;
  const ext = formatOfFile(out);
  if (!ext) {
    io.err(m.cli.badArgs(sm.badOut(out), 'report'));
    return 2;
  }
  if (resolve(out) === resolve(input)) {
    io.err(sm.sameAsInput(out));
    return 2;
  }
  // A report is regenerated at will, but an .xlsx of that name may be someone's workbook.
  if (ext === 'xlsx' && existsSync(out) && !values.force) {
    io.err(sm.exists(out));
    return 2;
  }
  const asOf = asOfOption(values['as-of'], lang, io);
  if (!asOf) return 2;

  let snapshot;
  try {
    snapshot = await new FileHost(input).readSnapshot();
  } catch (e) {
    if (e instanceof InputError) {
      io.err(inputMessage(lang, input, e));
      return 2;
    }
    throw e;
  }
  const previous = values.since === undefined ? null : await previousVersion(values.since, lang, io); // issue 15
  if (previous === undefined) return 2;
  if (previous && !sameConvention(values.since as string, previous.snapshot, input, snapshot, lang, io)) return 2;
  const { bytes, pages, result } = await summaryFile(ext, snapshot, { asOf, lang, previous, fonts: diskFonts });
  try {
    // A file of its own (never the workbook read): the file host writes it beside, then renames.
    await FileHost.newFile(out, lang).writeFile(bytes);
  } catch (e) {
    io.err(m.cli.cannotWrite(out, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
    return 2;
  }
  io.out(sm.written(out, pages === null ? '' : sm.pages(pages)));
  io.out(m.cli.summary(result.summary.errors, result.summary.warnings, result.summary.infos));
  return exitStatus(result.summary);
}
