/**
 * Microsoft's Office.js client library (from @microsoft/office-js) in Node, talking to the emulated
 * Excel through Office.js's own request transport: the add-in's code runs against Microsoft's
 * proxies, load(), sync(), null objects, PropertyNotLoaded and requirement-set checks (ApiNotFound),
 * and every context.sync() becomes one serialised request that the emulator answers as the host
 * (test/support/excel-emulator/protocol.ts). Test infrastructure, Node only: it reads the library
 * from node_modules and evaluates it as a browser would (which no code of the add-in may do); the
 * browser test page keeps the emulator's own proxies (test/support/excel-emulator/api/).
 *
 *   const emu = emulatorFromPlan(plan);
 *   emu.version = { excelApi: '1.7', delayForCellEdit: false };   // Office 2019
 *   const host = officeJsHost(emu);                                 // the production OfficeHost
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../src/core/contract';
import { OfficeHost, type ExcelRun, type OfficeHostOptions } from '../../src/hosts/office/officeHost';
import type { ExcelEmulator, TableChangeMessage } from '../support/excel-emulator/emulator';
import type { RichApiRequest } from '../support/excel-emulator/protocol';

interface OfficeJsGlobals {
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension & {
    HttpUtility: { setCustomSendRequestFunc(f: (r: { url: string; method: string; headers: Record<string, string>; body: unknown }) => Promise<{ statusCode: number; headers: Record<string, string>; body: unknown }>): void };
    GenericEventRegistration: { getGenericEventRegistration(controlId: string): { _handleRichApiMessage(m: unknown): void } };
    _testSetRichApiMessageReadyImpl(f: () => Promise<void>): void;
    Utility: { _doApiNotSupportedCheck: boolean };
    CommonUtility: { _doApiNotSupportedCheck: boolean };
  };
  OSF: { _OfficeAppFactory?: unknown };
  Office: unknown;
}

/** Each emulator is a workbook at its own address; the transport routes a request by it. */
const BASE = 'https://excel.emulated/';
const workbooks = new Map<string, ExcelEmulator>();
let nextWorkbook = 1;
let loaded: OfficeJsGlobals | null = null;
/** The emulator whose batch runs: Office.context.requirements answers for it. */
let current: ExcelEmulator | null = null;

/** Loads Microsoft's library once per realm (a Jest test file), with the few browser globals it reads. */
export function officeJs(): OfficeJsGlobals {
  if (loaded) return loaded;
  const g = globalThis as unknown as Record<string, unknown>;
  g.window ??= g;
  g.self ??= g;
  g.navigator ??= { userAgent: 'Node.js' };
  g.document ??= {
    readyState: 'complete',
    cookie: '',
    addEventListener() {},
    getElementsByTagName: () => [],
    createElement: () => ({ setAttribute() {}, style: {} }),
    querySelector: () => null,
  };
  const file = require.resolve('@microsoft/office-js/dist/excel-win32-16.01.debug.js');
  // An indirect eval runs the script as a browser would: its top-level declarations become globals of this realm.
  (0, eval)(readFileSync(file, 'utf8'));
  const o = g as unknown as OfficeJsGlobals;
  // Office.context as the host reports it: only requirements are read by the Excel API.
  o.OSF._OfficeAppFactory = {
    getContext: () => ({ requirements: { isSetSupported: (name: string, version?: string | number) => (current ? current.supports(name, version === undefined ? undefined : String(version)) : true) } }),
  };
  // The check lives on CommonUtility (Utility only inherits a copy of the flag: the library's own
  // `OfficeExtension.Utility._doApiNotSupportedCheck = true` at its end does not reach it).
  o.OfficeExtension.Utility._doApiNotSupportedCheck = true;
  o.OfficeExtension.CommonUtility._doApiNotSupportedCheck = true;
  o.OfficeExtension._testSetRichApiMessageReadyImpl(() => Promise.resolve());
  o.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (request) => {
    const key = request.url.slice(BASE.length).split('/')[0];
    const emu = workbooks.get(key);
    if (!emu) return { statusCode: 404, headers: {}, body: { error: { code: 'ItemNotFound', message: `No workbook at ${request.url}` } } };
    const flags = Number(/[?&]flags=(\d+)/.exec(request.url)?.[1] ?? 0);
    const body = typeof request.body === 'string' ? (JSON.parse(request.body) as RichApiRequest) : (request.body as RichApiRequest);
    const answer = await emu._request(body, flags);
    return { statusCode: answer.statusCode, headers: {}, body: answer.body };
  });
  loaded = o;
  return o;
}

/** Excel.run of Microsoft's library, bound to this emulated workbook (its session and its events). */
export function officeJsRun(emu: ExcelEmulator): ExcelRun {
  const o = officeJs();
  const key = String(nextWorkbook++);
  workbooks.set(key, emu);
  const controlId = `emulated-${key}`;
  const events = o.OfficeExtension.GenericEventRegistration.getGenericEventRegistration(controlId);
  // Table changes reach the handlers registered through this workbook's contexts (eventType 101 = TableCollection changed).
  emu._eventSink = (m: TableChangeMessage) =>
    events._handleRichApiMessage({ entries: [{ messageCategory: 65536, messageType: 101, targetId: 'Workbook', message: JSON.stringify(m) }] });
  const bind = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => (ctx: Excel.RequestContext) => {
    current = emu;
    (ctx as unknown as { m_customRequestHeaders: Record<string, string> }).m_customRequestHeaders['X-OfficeControlId'] = controlId;
    const sync = ctx.sync.bind(ctx);
    ctx.sync = (<R>(passThrough?: R) =>
      sync(passThrough).then(
        (v: R) => ((current = emu), v),
        (e: unknown) => {
          current = emu;
          throw e;
        },
      )) as typeof ctx.sync;
    return batch(ctx);
  };
  const run = (a: unknown, b?: unknown): Promise<unknown> => {
    current = emu;
    if (typeof a === 'function') return o.Excel.run({ session: { url: `${BASE}${key}/`, headers: {} } } as never, bind(a as never) as never);
    if (a && typeof a === 'object' && 'sync' in (a as object)) return o.Excel.run(a as never, bind(b as never) as never);
    return o.Excel.run({ ...(a as object), session: { url: `${BASE}${key}/`, headers: {} } } as never, bind(b as never) as never);
  };
  return run as unknown as ExcelRun;
}

/** The production Office host over Microsoft's client and the emulated workbook. */
export function officeJsHost(emu: ExcelEmulator, options: Omit<OfficeHostOptions, 'run'> & { lang?: Lang } = {}): OfficeHost {
  return new OfficeHost({ ownWriteGraceMs: 0, ...options, run: officeJsRun(emu) });
}
