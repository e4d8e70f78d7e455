/**
 * Objects that only hold settings (page layout, chart axes, legend, titles, fonts): proxies over
 * nested records of the model, with Office.js's load/sync rules and any property accepted.
 */
import type { ClientRequestContext } from './context';
import { notLoaded, parseLoad } from './loadOptions';

/** The settings that are objects of their own (chart.axes.valueAxis.title.text, pageLayout.headersFooters…). */
const NESTED = new Set(['axes', 'categoryAxis', 'valueAxis', 'title', 'legend', 'headersFooters', 'defaultForAllPages', 'format', 'font', 'majorGridlines', 'zoom']);

type Rec = Record<string, unknown>;

export function settingsObject(context: ClientRequestContext, target: () => Rec | null, methods: Record<string, (rec: Rec, ...args: unknown[]) => void> = {}): Rec {
  const local: Rec = {};
  const nested: Rec = {};
  /** Runs `f` on the record at sync, unless its owner is gone. */
  const onTarget = (f: (r: Rec) => void, payload: unknown = null) =>
    context._enqueue(() => {
      const r = target();
      if (r) f(r);
    }, payload);
  return new Proxy(
    {},
    {
      get(_t, name) {
        if (typeof name !== 'string') return undefined;
        if (name === 'context') return context;
        if (name === 'load')
          return (spec: unknown) => {
            const paths = parseLoad(spec);
            context._enqueue(() => {
              const r = target();
              for (const p of paths) if (p.length === 1) local[p[0]] = r ? (r[p[0]] ?? null) : null;
            });
          };
        if (name in methods) return (...args: unknown[]) => onTarget((r) => methods[name](r, ...args));
        if (NESTED.has(name) && typeof local[name] !== 'object')
          return (nested[name] ??= settingsObject(context, () => {
            const r = target();
            if (!r) return null;
            return (r[name] ??= {}) as Rec;
          }));
        if (!(name in local)) throw notLoaded(name);
        return local[name];
      },
      set(_t, name, value) {
        if (typeof name !== 'string') return false;
        local[name] = value;
        onTarget((r) => (r[name] = value), value);
        return true;
      },
    },
  );
}
