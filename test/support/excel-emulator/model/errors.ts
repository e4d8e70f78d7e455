/**
 * The errors the emulated Excel answers, with Office.js's codes and messages: what
 * OfficeExtension.Error carries to the add-in.
 */
export class EmulatorError extends Error {
  /** What OfficeExtension.Error carries. */
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, errorLocation };
  }
}

/** Excel's answer to a value or an argument it cannot take (a Date, NaN, a ragged array…). */
export function invalidArgument(detail?: string): EmulatorError {
  return new EmulatorError('InvalidArgument', `The argument is invalid or missing or has an incorrect format${detail ? `: ${detail}` : '.'}`);
}

export function notFound(what: string): EmulatorError {
  return new EmulatorError('ItemNotFound', `The requested resource doesn't exist. (${what})`);
}

/** Excel on the web's answer to a request, or to its response, over the size limit. */
export function payloadTooLarge(what: 'Request' | 'Response', size: number, limit: number): EmulatorError {
  return new EmulatorError(`${what}PayloadSizeLimitExceeded`, `The ${what.toLowerCase()} payload size (${size} bytes) has exceeded the limit (${limit} bytes).`);
}
