/**
 * 1 000 random mutations of the example workbook, from a fixed seed: 500 of its bytes, 500 of its
 * structure (XML parts removed, cut, duplicated, values and attributes swapped). Every one must end
 * in a snapshot the rules check, or an InputError (exit 2): never another exception, never a hang
 * over 10 s, never a heap past 512 MB.
 */
import JSZip from 'jszip';
import { checkWorkbook } from '../../src/core/check';
import { InputError, readWorkbookBuffer } from '../../src/hosts/xlsx/workbook';
import { exampleWorkbook, toBuffer } from '../helpers/files';
import { AS_OF } from '../helpers/workbook';

/** mulberry32: small, seedable, good enough to pick mutations reproducibly. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20141115; // the convention's signature date
const HOSTILE = ['', '-1', '1e308', 'NaN', '#REF!', '=HYPERLINK("http://x","y")', 'é'.repeat(300), '2014.5', '99999999999999999999', '<x/>', '&amp;', 'Regoin', '31/02/2015', 'true'];

type Outcome = 'checked' | 'refused';

async function withinTenSeconds<T>(p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hang: more than 10 s')), 10_000);
  });
  try {
    return await Promise.race([p, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** What one mutated workbook may cost: the heap it adds while it is read and checked stays under 512 MB. */
async function attempt(buf: Buffer): Promise<Outcome> {
  const before = process.memoryUsage().heapUsed;
  try {
    return await attemptOnce(buf);
  } finally {
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(heapLimit);
  }
}

async function attemptOnce(buf: Buffer): Promise<Outcome> {
  try {
    const { snapshot } = await withinTenSeconds(readWorkbookBuffer(buf));
    const r = checkWorkbook(snapshot, { asOf: AS_OF });
    expect(r.summary.errors + r.summary.warnings + r.summary.infos).toBe(r.findings.length);
    return 'checked';
  } catch (e) {
    if (e instanceof InputError) {
      expect(e.detail.split('\n')).toHaveLength(1);
      return 'refused';
    }
    throw e;
  }
}

let base: Buffer;
let parts: Record<string, string>;
const heapLimit = 512 * 1024 * 1024;

beforeAll(async () => {
  base = await toBuffer(exampleWorkbook());
  const zip = await JSZip.loadAsync(base);
  parts = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) parts[name] = await zip.files[name].async('string');
});

test('500 byte mutations: checked or refused, nothing else', async () => {
  const rand = prng(SEED);
  const seen: Record<Outcome, number> = { checked: 0, refused: 0 };
  for (let i = 0; i < 500; i++) {
    const buf = Buffer.from(base);
    const kind = rand();
    if (kind < 0.7) {
      const flips = 1 + Math.floor(rand() * 8);
      for (let k = 0; k < flips; k++) buf[Math.floor(rand() * buf.length)] = Math.floor(rand() * 256);
      seen[await attempt(buf)]++;
    } else if (kind < 0.85) {
      seen[await attempt(buf.subarray(0, Math.floor(rand() * buf.length)))]++;
    } else {
      const at = Math.floor(rand() * buf.length);
      seen[await attempt(Buffer.concat([buf.subarray(0, at), Buffer.from(Array.from({ length: 1 + Math.floor(rand() * 64) }, () => Math.floor(rand() * 256))), buf.subarray(at)]))]++;
    }
  }
  expect(seen.checked + seen.refused).toBe(500);
  expect(seen.refused).toBeGreaterThan(0);
}, 600_000);

test('500 structure mutations: checked or refused, nothing else', async () => {
  const rand = prng(SEED + 1);
  const names = Object.keys(parts);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const seen: Record<Outcome, number> = { checked: 0, refused: 0 };
  for (let i = 0; i < 500; i++) {
    const zip = new JSZip();
    const mutated = { ...parts };
    const target = pick(names);
    const xml = mutated[target];
    switch (Math.floor(rand() * 7)) {
      case 0: // a part goes missing
        delete mutated[target];
        break;
      case 1: // a part is cut short
        mutated[target] = xml.slice(0, Math.floor(rand() * xml.length));
        break;
      case 2: {
        // a value between tags is replaced by something hostile
        const values = [...xml.matchAll(/>([^<]{1,40})</g)];
        if (values.length) {
          const m = pick(values);
          const v = pick(HOSTILE).replace(/&(?!amp;)/g, '&amp;').replace(/</g, '&lt;');
          mutated[target] = xml.slice(0, m.index! + 1) + v + xml.slice(m.index! + 1 + m[1].length);
        }
        break;
      }
      case 3: {
        // an attribute value is swapped (a cell's type, a reference, a style, a table's range)
        const attrs = [...xml.matchAll(/ ([a-zA-Z:]+)="([^"]*)"/g)];
        if (attrs.length) {
          const m = pick(attrs);
          const v = pick(['s', 'e', 'b', 'str', 'n', 'A1', 'ZZZ0', 'A1:XFD1048576', '-1', '999999', '']);
          mutated[target] = xml.slice(0, m.index!) + ` ${m[1]}="${v}"` + xml.slice(m.index! + m[0].length);
        }
        break;
      }
      case 4: {
        // an element is duplicated (two header rows, two tables of one name, two sheets)
        const els = [...xml.matchAll(/<(row|c|table|sheet|tableColumn|mergeCell)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g)];
        if (els.length) {
          const m = pick(els);
          mutated[target] = xml.slice(0, m.index!) + m[0] + m[0] + xml.slice(m.index!);
        }
        break;
      }
      case 5: {
        // an element disappears
        const els = [...xml.matchAll(/<(row|c|v|f|table|sheet|tableColumn|si)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/g)];
        if (els.length) {
          const m = pick(els);
          mutated[target] = xml.slice(0, m.index!) + xml.slice(m.index! + m[0].length);
        }
        break;
      }
      default:
        // a stray, unbalanced tag
        mutated[target] = xml.replace(/<\/(sheetData|sst|table|sheets)>/, '<$1></$1>');
    }
    for (const [name, text] of Object.entries(mutated)) zip.file(name, text);
    const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    seen[await attempt(buf)]++;
  }
  expect(seen.checked + seen.refused).toBe(500);
  expect(seen.checked).toBeGreaterThan(0);
}, 900_000);
