/**
 * The emulated Excel as the HOST side of Office.js's protocol. Microsoft's client library (loaded
 * by test/helpers/officeJs.ts in Node) turns each context.sync() into one request: ObjectPaths (how to reach each
 * object: the workbook, a property, a method's result, a collection item) and Actions (instantiate,
 * query, call a method, set a property). This file answers such a request as Excel would: it walks
 * the paths over the workbook model, runs the actions in order, stops at the first failure (the
 * earlier actions stay applied) and answers Results, or an Error with Office.js's code.
 *
 * Proxies, load parsing, PropertyNotLoaded, null objects, requirement-set checks and serialisation
 * are then Microsoft's; the proxies of api/ are driven here one action at a time, as the
 * workbook's implementation.
 */
import { ClientObject, Collection } from './api/clientObject';
import { ClientResult } from './api/context';
import { Range } from './api/range';
import { RequestContext } from './api/requestContext';
import type { EmulatorHost } from './host';
import { EmulatorError } from './model/errors';
import type { RangeRef } from './model/types';

/** Office.js's wire types (see ObjectPathType / ActionType in Microsoft's client). */
const PATH = { global: 1, newObject: 2, method: 3, property: 4, indexer: 5, referenceId: 6, nullObject: 7 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4, trace: 5 } as const;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: number[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}

export interface RichApiRequest {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
  AutoKeepReference?: boolean;
}

export interface RichApiResponse {
  Results: { ActionId: number; Value: unknown }[];
  Error?: { Code: string; Message: string; HttpStatusCode: number; ActionIndex?: number; Location?: string };
}

/** Wire names that are not the JavaScript name with a capital letter. */
const MEMBER_ALIASES: Record<string, string> = { Gridlines: 'showGridlines' };

/**
 * Members above ExcelApi 1.7 that Microsoft's client does not check itself before sending (it
 * checks navigation properties and methods, not property writes): the host refuses them, as an
 * Excel without the set does not know them. "Parent path name.Member".
 */
const HOST_CHECKED: { parent?: RegExp; member: string; set: string; version: string }[] = [
  { member: 'Gridlines', set: 'ExcelApi', version: '1.8' },
  { parent: /^(ValueAxis|CategoryAxis|SeriesAxis)$/, member: 'NumberFormat', set: 'ExcelApi', version: '1.8' },
];

const camel = (wire: string) => MEMBER_ALIASES[wire] ?? wire.charAt(0).toLowerCase() + wire.slice(1);
const pascal = (js: string) => js.charAt(0).toUpperCase() + js.slice(1);

type Target = Record<string, unknown>;

export class ProtocolHost {
  constructor(private readonly emu: EmulatorHost) {}

  /** Answers one request (its body already parsed); throws nothing, Excel answers errors in the body. */
  handle(body: RichApiRequest): RichApiResponse {
    const ctx = new RequestContext(this.emu);
    const objects = new Map<number, unknown>();
    const results: RichApiResponse['Results'] = [];
    const resolvePath = (id: number): unknown => {
      if (objects.has(id)) return objects.get(id);
      const p = body.ObjectPaths[String(id)];
      if (!p) throw new EmulatorError('InvalidObjectPath', `Unknown object path ${id}.`);
      const obj = this.walk(ctx, p, resolvePath);
      objects.set(id, obj);
      return obj;
    };
    for (const [index, action] of body.Actions.entries()) {
      try {
        const value = this.act(ctx, action, body, resolvePath);
        results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        const err = e instanceof EmulatorError ? e : new EmulatorError('GeneralException', e instanceof Error ? e.message : String(e));
        return { Results: results, Error: { Code: err.code, Message: err.message, HttpStatusCode: 400, ActionIndex: index, Location: action.Name || undefined } };
      }
    }
    return { Results: results };
  }

  private args(info: ObjectPathInfo['ArgumentInfo'], resolvePath: (id: number) => unknown): unknown[] {
    const a = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    // A null argument is an omitted one (Office.js sends every optional parameter).
    return a.map((v, i) => (refs[i] ? resolvePath(refs[i]) : v === null ? undefined : v));
  }

  /** The object a path designates: a proxy of api/ over the model, resolved lazily. */
  private walk(ctx: RequestContext, p: ObjectPathInfo, resolvePath: (id: number) => unknown): unknown {
    switch (p.ObjectPathType) {
      case PATH.global:
        return ctx.workbook;
      case PATH.property: {
        const parent = resolvePath(p.ParentObjectPathId!) as Target;
        this.checkSet(p, parent, p.Name);
        const v = parent[camel(p.Name)];
        if (v === undefined) throw apiNotFound(p.Name);
        return v;
      }
      case PATH.method: {
        const parent = resolvePath(p.ParentObjectPathId!) as Target;
        const f = parent[camel(p.Name)];
        if (typeof f !== 'function') throw apiNotFound(p.Name);
        const out = (f as (...a: unknown[]) => unknown).apply(parent, this.args(p.ArgumentInfo, resolvePath));
        // A method that creates (worksheets.add, tables.add, conditionalFormats.add…) runs now, in the order of the actions.
        ctx._drain();
        return out;
      }
      case PATH.indexer: {
        const parent = resolvePath(p.ParentObjectPathId!) as Target;
        const getItem = parent.getItem as ((k: unknown) => unknown) | undefined;
        if (typeof getItem !== 'function') throw apiNotFound('getItem');
        return getItem.call(parent, (p.ArgumentInfo?.Arguments ?? [])[0]);
      }
      case PATH.nullObject:
        return null;
      case PATH.referenceId: {
        // A range kept by reference (Excel.run keeps every range it hands out): the same cells, in a later request.
        const ref = this.emu._references.get(p.Name);
        if (!ref) throw new EmulatorError('InvalidObjectPath', `The object path '${p.Name}' is no longer valid.`);
        return new Range(ctx, () => ref);
      }
      default:
        throw new EmulatorError('NotImplemented', `The emulated Excel does not answer object paths of type ${p.ObjectPathType}.`);
    }
  }

  private checkSet(p: ObjectPathInfo | undefined, _target: unknown, member: string): void {
    const rule = HOST_CHECKED.find((r) => r.member === member && (!r.parent || (p !== undefined && r.parent.test(p.Name))));
    if (rule && !this.emu.supports(rule.set, rule.version)) throw apiNotFound(member, `${rule.set} ${rule.version}`);
  }

  private act(ctx: RequestContext, a: ActionInfo, body: RichApiRequest, resolvePath: (id: number) => unknown): unknown {
    switch (a.ActionType) {
      case ACTION.instantiate: {
        const obj = resolvePath(a.ObjectPathId);
        ctx._drain();
        if (obj === null || obj === undefined) return null;
        if (!(obj instanceof ClientObject)) return {};
        const entity = obj._resolve();
        ctx._drain();
        if (entity === null || obj._isNull === true) return null;
        if (obj instanceof Range) {
          const ref = `{R-${this.emu._references.size + 1}}`;
          this.emu._references.set(ref, entity as RangeRef);
          return { _ReferenceId: ref };
        }
        // Objects with an id are answered with it: the client then reaches them by id (a renamed sheet stays the same sheet).
        const id = entityId(entity);
        return id === undefined ? {} : { Id: id };
      }
      case ACTION.query: {
        const obj = resolvePath(a.ObjectPathId);
        ctx._drain();
        const select = a.QueryInfo?.Select ?? [];
        if (!select.length) throw new EmulatorError('InvalidArgument', 'load() without properties: name the properties you need.');
        return query(obj, select.map((s) => s.split('/')));
      }
      case ACTION.method: {
        if (a.Name === '_RemoveReference') {
          const path = body.ObjectPaths[String(a.ObjectPathId)];
          if (path?.ObjectPathType === PATH.referenceId) this.emu._references.delete(path.Name);
          return null;
        }
        if (a.Name === '_KeepReference' || /^_(Register|Unregister)/.test(a.Name)) {
          if (a.Name.startsWith('_Register')) this.emu._registered(+1);
          if (a.Name.startsWith('_Unregister')) this.emu._registered(-1);
          return null;
        }
        const target = resolvePath(a.ObjectPathId) as Target;
        const f = target?.[camel(a.Name)];
        if (typeof f !== 'function') throw apiNotFound(a.Name);
        const out = (f as (...x: unknown[]) => unknown).apply(target, this.args(a.ArgumentInfo, resolvePath));
        ctx._drain();
        if (out instanceof ClientResult) return out.value;
        return null;
      }
      case ACTION.setProperty: {
        const target = resolvePath(a.ObjectPathId) as Target;
        const path = body.ObjectPaths[String(a.ObjectPathId)];
        this.checkSet(path, target, a.Name);
        const [v] = this.args(a.ArgumentInfo, resolvePath);
        target[camel(a.Name)] = v;
        ctx._drain();
        return null;
      }
      case ACTION.trace:
        return null;
      default:
        throw new EmulatorError('NotImplemented', `The emulated Excel does not answer actions of type ${a.ActionType}.`);
    }
  }
}

function apiNotFound(member: string, set?: string): EmulatorError {
  return new EmulatorError('ApiNotFound', `The API you are trying to use could not be found${set ? ` (${member}, ${set})` : ` (${member})`}. It may be available in a newer version of Excel.`);
}

function entityId(entity: unknown): string | undefined {
  if (entity && typeof entity === 'object' && 'id' in entity && typeof (entity as { id: unknown }).id === 'string') return (entity as { id: string }).id;
  return undefined;
}

/** A loaded object as Excel answers it: PascalCase properties, navigation properties nested, collections as _Items. */
function query(obj: unknown, paths: string[][]): unknown {
  if (obj instanceof Collection) {
    const list = obj._resolve();
    if (list === null) return null;
    const own = paths.filter((p) => p[0] !== 'items' || p.length > 1).map((p) => (p[0] === 'items' ? p.slice(1) : p));
    const out: Record<string, unknown> = {};
    const counted = own.filter((p) => p.length === 1 && p[0] === 'count');
    if (counted.length) out.Count = list.length;
    const rest = own.filter((p) => !(p.length === 1 && p[0] === 'count'));
    out._Items = list.map((e) => query(obj._item(e), rest));
    return out;
  }
  if (!(obj instanceof ClientObject)) return settingsQuery(obj, paths);
  const entity = obj._resolve();
  if (entity === null) return null;
  const out: Record<string, unknown> = {};
  const id = entityId(entity);
  const groups = new Map<string, string[][]>();
  for (const p of paths) groups.set(p[0], [...(groups.get(p[0]) ?? []), p.slice(1)]);
  for (const [name, subs] of groups) {
    const nav = obj._nav(name);
    if (nav !== undefined) {
      const deeper = subs.filter((s) => s.length);
      out[pascal(name)] = query(nav, deeper);
      continue;
    }
    out[pascal(name)] = obj._scalar(entity, name);
  }
  if (id !== undefined && out.Id === undefined) out._Id = id;
  return out;
}

/** Page layout, chart axes and legend are plain settings records on the model. */
function settingsQuery(obj: unknown, paths: string[][]): unknown {
  const o = obj as Target;
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    try {
      out[pascal(p[0])] = o[p[0]];
    } catch {
      out[pascal(p[0])] = null;
    }
  }
  return out;
}
