/** worksheet.charts: adding a chart over a range, lookups, a chart's type, title, axes, legend and position. */
import { boxAddress } from '../address';
import { notFound } from '../model/errors';
import type { ChartModel, SheetModel } from '../model/types';
import { COUNT, ClientObject, Collection, properties, strict } from './clientObject';
import type { Range } from './range';
import { settingsObject } from './settings';

export class ChartCollection extends Collection<Chart, ChartModel> {
  declare readonly count: number;

  constructor(
    context: ClientObject['context'],
    private readonly _s: () => SheetModel | null,
  ) {
    super(context, () => _s()?.charts ?? null);
  }

  _item(c: ChartModel): Chart {
    return new Chart(this.context, () => c);
  }

  add(type: string, sourceData: Range, seriesBy: string = 'Auto'): Chart {
    let created: ChartModel | null = null;
    this.context._enqueue(() => {
      const s = this._s();
      if (s === null) throw notFound('worksheet');
      const src = sourceData._resolve();
      if (!src) throw notFound('source range');
      const m = this.context._model;
      let n = s.charts.length + 1;
      while (s.charts.some((c) => c.name === `Graphique ${n}`)) n++;
      created = { id: m.id('C'), name: `Graphique ${n}`, type, source: m.address(src.sheet, src.box), seriesBy, title: '', settings: {} };
      s.charts.push(created);
    }, type);
    return new Chart(this.context, () => created);
  }

  private byName(name: string): ChartModel | undefined {
    return this._s()?.charts.find((x) => x.name === name || x.id === name);
  }

  getItem(name: string): Chart {
    return new Chart(this.context, strict(() => this.byName(name), name));
  }

  getItemOrNullObject(name: string): Chart {
    return new Chart(this.context, () => this.byName(name) ?? null, true);
  }
}

properties(ChartCollection, COUNT);

export class Chart extends ClientObject<ChartModel> {
  declare readonly id: string;
  declare name: string;
  declare chartType: string;
  declare readonly seriesBy: string;
  declare readonly source: string;

  get title(): ChartTitle {
    return this._child('title', () => new ChartTitle(this.context, this._r));
  }
  get axes(): Record<string, unknown> {
    return this._child('axes', () => this.settings('axes'));
  }
  get legend(): Record<string, unknown> {
    return this._child('legend', () => this.settings('legend'));
  }
  /** Presentation settings kept as set, in the chart's model. */
  private settings(key: string): Record<string, unknown> {
    return settingsObject(this.context, () => {
      const c = this._resolve();
      return c ? ((c.settings[key] ??= {}) as Record<string, unknown>) : null;
    });
  }
  setPosition(start: string | Range, end?: string | Range): void {
    const addr = (x: string | Range | undefined) => (x === undefined ? undefined : typeof x === 'string' ? x : boxAddress(x._resolve()!.box));
    this._call((c) => (c.position = { start: addr(start)!, end: addr(end) }));
  }
  delete(): void {
    this._call((c) => {
      for (const s of this.context._model.sheets) s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

properties(Chart, {
  id: { read: (c) => c.id },
  name: { read: (c) => c.name, write: (c, v: string) => (c.name = v) },
  chartType: { read: (c) => c.type, write: (c, v: string) => (c.type = v) },
  seriesBy: { read: (c) => c.seriesBy },
  source: { read: (c) => c.source },
});

export class ChartTitle extends ClientObject<ChartModel> {
  declare text: string;
  declare readonly visible: boolean;
}

properties(ChartTitle, {
  text: { read: (c) => c.title, write: (c, v: string) => (c.title = v) },
  visible: { read: (c) => c.title !== '' },
});
