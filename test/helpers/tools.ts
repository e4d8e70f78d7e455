/**
 * Suites that need a program outside Node (Chromium, LibreOffice, poppler, xmllint) start with
 * `const test = needs('chromium')`: where the program is missing they are skipped, each skipped test
 * tagged with what is missing and how to install it (test/helpers/skippedReporter.js prints one line
 * per missing program at the end of the run). With CI set (.ci/run), a missing program fails the run
 * instead: CI must run everything.
 */
import { spawnSync } from 'child_process';
import { existsSync, statSync } from 'fs';
import { delimiter, join, resolve } from 'path';

export type Tool = 'chromium' | 'soffice' | 'pdftotext' | 'xmllint' | 'manifest-schemas' | 'openpyxl' | 'xlsxwriter' | 'pyuno';

/** Microsoft's add-in manifest schemas, beside the repository as in CI (../shared). */
export const MANIFEST_SCHEMAS = resolve(__dirname, '../../../shared/schemas/office-addin-manifest');

interface ToolInfo {
  what: string;
  install: string;
  /** Where the program is, or null. */
  find(): string | null;
}

/** The program `name` on PATH (with Windows' extensions), or null. */
export function onPath(name: string): string | null {
  const exts = process.platform === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const file = join(dir, name + ext);
      try {
        if (statSync(file).isFile()) return file;
      } catch {
        // not there
      }
    }
  }
  return null;
}

/** A Python that imports `module` (Debian's /usr/bin/python3 first: its python3-openpyxl), or null. */
function pythonWith(module: string): string | null {
  for (const p of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(p, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0) return p;
  }
  return null;
}

const CHROME_APPS = ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];

const TOOLS: Record<Tool, ToolInfo> = {
  chromium: {
    what: 'Chromium',
    install: 'apt-get install chromium, ou CHROMIUM_PATH=/chemin/vers/chrome',
    find: () => (process.env.CHROMIUM_PATH ? (existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : null) : (onPath('chromium') ?? onPath('chromium-browser') ?? CHROME_APPS.find((p) => existsSync(p)) ?? null)),
  },
  soffice: { what: 'LibreOffice (soffice)', install: 'apt-get install libreoffice-calc-nogui', find: () => onPath('soffice') },
  pdftotext: { what: 'poppler (pdftotext)', install: 'apt-get install poppler-utils', find: () => onPath('pdftotext') },
  xmllint: { what: 'xmllint', install: 'apt-get install libxml2-utils', find: () => onPath('xmllint') },
  openpyxl: { what: 'openpyxl (Python)', install: 'apt-get install python3-openpyxl', find: () => pythonWith('openpyxl') },
  xlsxwriter: { what: 'XlsxWriter (Python)', install: 'apt-get install python3-xlsxwriter', find: () => pythonWith('xlsxwriter') },
  // LibreOffice driven over UNO (a workbook edited inside Calc itself): Debian's python3-uno.
  pyuno: { what: 'Python-UNO de LibreOffice', install: 'apt-get install python3-uno', find: () => pythonWith('uno') },
  'manifest-schemas': {
    what: 'les schémas du manifeste Office',
    install: `copier les XSD de Microsoft dans ${MANIFEST_SCHEMAS}`,
    find: () => (existsSync(join(MANIFEST_SCHEMAS, 'OfficeAppManifestV1_1.xsd')) ? MANIFEST_SCHEMAS : null),
  },
};

const found = new Map<Tool, string | null>();

/** Where `tool` is on this machine, or null (looked up once per test file). */
export function toolPath(tool: Tool): string | null {
  if (!found.has(tool)) found.set(tool, TOOLS[tool].find());
  return found.get(tool)!;
}

/** The tag a skipped test's name carries; skippedReporter.js groups the skipped tests by it. */
export function skipTag(tool: Tool): string {
  return `[sans ${TOOLS[tool].what} — ${TOOLS[tool].install}]`;
}

/**
 * `test` where every tool is there; otherwise a `test` that skips (tagged with the first missing
 * tool), or, under CI, one whose file fails at once naming what is missing.
 */
export function needs(...tools: Tool[]): jest.It {
  const missing = tools.filter((t) => !toolPath(t));
  if (missing.length === 0) return test;
  if (process.env.CI) {
    beforeAll(() => {
      throw new Error(`CI : ${missing.map((t) => `${TOOLS[t].what} absent (${TOOLS[t].install})`).join(' ; ')}`);
    });
    return test;
  }
  const tag = skipTag(missing[0]);
  const skip = ((name: string, fn?: jest.ProvidesCallback, timeout?: number) => test.skip(`${name} ${tag}`, fn, timeout)) as jest.It;
  return Object.assign(skip, {
    skip: test.skip,
    only: test.skip,
    todo: test.todo,
    concurrent: test.skip,
    failing: test.skip,
    each: ((...table: unknown[]) => (name: string, fn: (...args: unknown[]) => unknown, timeout?: number) =>
      (test.skip.each as (...t: unknown[]) => (n: string, f: unknown, t?: number) => void)(...table)(`${name} ${tag}`, fn, timeout)) as unknown as jest.Each,
  });
}
