/** RangeAreas (ExcelApi 1.9): several areas of one sheet, with their conditional formats. */
import type { Box } from '../address';
import type { RangeRef } from '../model/types';
import { ClientObject, properties } from './clientObject';
import { ConditionalFormatCollection } from './conditionalFormats';

type Areas = RangeRef & { areas: Box[] };

export class RangeAreas extends ClientObject<Areas> {
  declare readonly address: string;
  declare readonly areaCount: number;

  get conditionalFormats(): ConditionalFormatCollection {
    return this._child('conditionalFormats', () => new ConditionalFormatCollection(this.context, () => this._resolve()));
  }
}

properties(RangeAreas, {
  address: { read: (r, o) => r.areas.map((b) => o.context._model.address(r.sheet, b)).join(',') },
  areaCount: { read: (r) => r.areas.length },
});
