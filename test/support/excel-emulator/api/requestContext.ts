/** Excel.RequestContext: a request context with the workbook, where every batch starts. */
import type { EmulatorHost } from '../host';
import { ClientRequestContext } from './context';
import { Workbook } from './workbook';

export class RequestContext extends ClientRequestContext {
  readonly workbook: Workbook;

  constructor(emu: EmulatorHost, options: { delayForCellEdit?: boolean } = {}) {
    super(emu, options);
    this.workbook = new Workbook(this);
  }
}
