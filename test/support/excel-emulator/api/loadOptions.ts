/**
 * load() arguments as Office.js takes them ("a, b/c", ["a", "b/c"], { a: true, b: { c: true } },
 * { select, expand }) turned into property paths, refusing what loads every property.
 */
import { EmulatorError } from '../model/errors';

export type Path = string[];

export function notLoaded(prop: string): EmulatorError {
  return new EmulatorError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const loadsEverything = (what: string) => new EmulatorError('LoadWithoutArguments', `${what} loads every property: name the properties you need (Office.js performance guidance).`);

/** load("a, b/c"), load(["a","b/c"]), load({ a: true, b: { c: true } }) → paths. */
export function parseLoad(spec: unknown): Path[] {
  if (spec === undefined || spec === null || spec === '' || (Array.isArray(spec) && spec.length === 0)) throw loadsEverything('load() without arguments');
  const out: Path[] = [];
  const add = (s: string) => {
    for (const part of s.split(',')) {
      const p = part.trim();
      if (!p) continue;
      if (p === '*' || p.endsWith('/*')) throw loadsEverything(`load("${p}")`);
      out.push(p.split('/').map((x) => x.trim()));
    }
  };
  const walk = (o: Record<string, unknown>, prefix: Path) => {
    for (const [k, v] of Object.entries(o)) {
      if (k === '$all') throw loadsEverything('load({ $all: true })');
      if (k.startsWith('$')) continue;
      if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  if (typeof spec === 'string') add(spec);
  else if (Array.isArray(spec)) spec.forEach((s) => add(String(s)));
  else if (typeof spec === 'object') {
    const o = spec as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      if (o.select) add(String(o.select));
      if (o.expand) add(String(o.expand));
    } else walk(o, []);
  }
  if (!out.length) throw new EmulatorError('LoadWithoutArguments', 'load() named no property.');
  return out;
}
