/**
 * What every proxy of the Excel API shares, with Office.js's rules: a property is readable only
 * after load() and context.sync(); writes and method calls are queued and run at sync; a null
 * object (*OrNullObject) answers isNullObject and ignores what is asked of it.
 *
 * A proxy class declares its scalar properties once, with `properties()`: what load() answers and
 * what a write does to the model; the accessors are installed from that table (the class names them
 * with `declare`, for TypeScript). Navigation properties (range.format, table.worksheet…) are the
 * getters that answer another proxy.
 */
import { EmulatorError, notFound } from '../model/errors';
import { ClientResult, type ClientRequestContext } from './context';
import { notLoaded, parseLoad, type Path } from './loadOptions';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tables are typed per class by properties(); the registry holds them all */
export interface PropertySpec<E = any, O = any> {
  /** What load() answers, from the model object; absent: load() refuses the name. */
  read?: (e: E, o: O) => unknown;
  /** What a write does to the model object, at sync; absent: the property is read-only. */
  write?: (e: E, v: any, o: O) => void;
}

/** The model object behind a proxy class (RangeRef for Range…). */
type EntityOf<O> = O extends ClientObject<infer E> ? E : never;

const SPECS = new WeakMap<object, Record<string, PropertySpec>>();

function specOf(o: object, name: string): PropertySpec | undefined {
  for (let p = Object.getPrototypeOf(o); p; p = Object.getPrototypeOf(p)) {
    const table = SPECS.get(p);
    if (table && Object.hasOwn(table, name)) return table[name];
  }
  return undefined;
}

/** Declares a proxy class's scalar properties and installs their accessors. */
export function properties<O extends ClientObject<any>>(cls: abstract new (...args: any[]) => O, specs: Record<string, PropertySpec<EntityOf<O>, O>>): void {
  SPECS.set(cls.prototype, specs);
  for (const [name, spec] of Object.entries(specs)) {
    const write = spec.write;
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      get(this: O) {
        return this._get(name);
      },
      set: write
        ? function (this: O, v: unknown) {
            this._set(name, v, (e) => write(e, v, this));
          }
        : undefined,
    });
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The resolver of a strict lookup (getItem, getItemAt…): ItemNotFound at sync when `find` finds nothing. */
export function strict<E>(find: () => E | null | undefined, what: string): () => E {
  return () => {
    const v = find();
    if (v === null || v === undefined) throw notFound(what);
    return v;
  };
}

export abstract class ClientObject<E = unknown> {
  protected _values: Record<string, unknown> = {};
  _isNull: boolean | undefined;
  private _navCache: Record<string, unknown> = {};

  constructor(
    readonly context: ClientRequestContext,
    protected readonly _r: () => E | null,
    nullable = false,
  ) {
    if (nullable) {
      context._enqueue(() => {
        this._isNull = this._resolve() === null;
      });
    }
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded('isNullObject');
    return this._isNull;
  }

  /** The model object behind the proxy; null when it is (or descends from) a null object. Throws ItemNotFound for a strict lookup. */
  _resolve(): E | null {
    return this._r();
  }

  /** The Office.js type's name, for messages. */
  protected get _typeName(): string {
    return this.constructor.name;
  }

  /** What load() answers for a scalar property. */
  _scalar(entity: E, name: string): unknown {
    const read = specOf(this, name)?.read;
    if (!read) throw new EmulatorError('InvalidArgument', `Unknown property '${name}' on ${this._typeName}.`);
    return read(entity, this);
  }

  /** The proxy a navigation property leads to (a getter answering a proxy), or undefined for a scalar. */
  _nav(name: string): ClientObject | undefined {
    if (specOf(this, name)) return undefined;
    try {
      const v = (this as unknown as Record<string, unknown>)[name];
      return v instanceof ClientObject ? v : undefined;
    } catch {
      return undefined;
    }
  }

  load(spec?: unknown): this {
    const paths = parseLoad(spec);
    this.context._enqueue(() => this._load(paths));
    return this;
  }

  _load(paths: Path[]): void {
    const e = this._resolve();
    this._isNull = e === null;
    for (const p of paths) {
      const nav = this._nav(p[0]);
      if (nav && (p.length > 1 || nav instanceof Collection)) {
        nav._load([p.length > 1 ? p.slice(1) : ['items']]);
        continue;
      }
      if (p.length > 1) throw new EmulatorError('InvalidArgument', `'${p[0]}' is not a navigation property.`);
      const v = e === null ? null : this._scalar(e, p[0]);
      this._values[p[0]] = v;
      this.context._response += JSON.stringify(v ?? null).length + p[0].length + 4;
    }
  }

  _get<T>(name: string): T {
    if (!(name in this._values)) throw notLoaded(name);
    return this._values[name] as T;
  }

  /** A property write: remembered on the proxy, applied at sync. */
  _set(name: string, value: unknown, apply: (entity: E) => void): void {
    this._values[name] = value;
    this._call(apply, value);
  }

  /** A method call, queued; a null object ignores it. */
  protected _call(apply: (entity: E) => void, payload: unknown = null): void {
    this.context._enqueue(() => {
      const e = this._resolve();
      if (e === null) return;
      apply(e);
    }, payload);
  }

  /** A navigation property's proxy, made once. */
  _child<T>(name: string, make: () => T): T {
    return (this._navCache[name] ??= make()) as T;
  }

  toJSON(): Record<string, unknown> {
    return { ...this._values };
  }
}

/** A collection proxy: items (after load), count, getCount(). */
export abstract class Collection<I extends ClientObject, E = unknown> extends ClientObject<E[]> {
  private _items: I[] | undefined;

  get items(): I[] {
    if (!this._items) throw notLoaded('items');
    return this._items;
  }

  /** The proxy of one member. */
  abstract _item(entity: E): I;

  override _load(paths: Path[]): void {
    const list = this._resolve();
    this._isNull = list === null;
    this._items = (list ?? []).map((e) => this._item(e));
    for (const p of paths) {
      const rest = p[0] === 'items' ? p.slice(1) : p;
      if (p[0] === 'count' && p.length === 1) {
        this._values.count = this._items.length;
        continue;
      }
      if (!rest.length) continue;
      for (const it of this._items) it._load([rest]);
    }
  }

  getCount(): ClientResult<number> {
    const r = new ClientResult<number>();
    this.context._enqueue(() => r._set((this._resolve() ?? []).length));
    return r;
  }
}

/** `count` (after load), on the collections whose Office.js type has it. */
export const COUNT = { count: { read: (list: unknown[]) => list.length } };
