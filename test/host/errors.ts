/**
 * Errors shaped like Office.js's (RichApi.Error / OfficeExtension.Error): a `code` programs act
 * on, a `message` in English, and `debugInfo` saying where it happened.
 */
export class HostApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

export const hostErrors = {
  propertyNotLoaded: (type: string, prop: string) =>
    new HostApiError(
      'PropertyNotLoaded',
      `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      `${type}.${prop}`,
    ),
  itemNotFound: (where: string) =>
    new HostApiError('ItemNotFound', "The requested resource doesn't exist.", where),
  itemAlreadyExists: (where: string) =>
    new HostApiError('ItemAlreadyExists', 'The resource already exists.', where),
  accessDenied: (where: string) =>
    new HostApiError(
      'AccessDenied',
      "The cell or chart you're trying to change is protected and therefore read-only.",
      where,
    ),
  invalidArgument: (where: string, detail: string) =>
    new HostApiError(
      'InvalidArgument',
      `The argument is invalid or missing or has an incorrect format. (${detail})`,
      where,
    ),
  invalidOperation: (where: string, detail: string) =>
    new HostApiError('InvalidOperation', `The operation is invalid. (${detail})`, where),
  invalidSelection: (where: string) =>
    new HostApiError(
      'InvalidSelection',
      'The current selection is invalid for this operation.',
      where,
    ),
  invalidRequestContext: (where: string) =>
    new HostApiError(
      'InvalidRequestContext',
      'Cannot use the object across different request contexts.',
      where,
    ),
  requestTooLarge: (bytes: number) =>
    new HostApiError(
      'RequestPayloadSizeLimitExceeded',
      `The request payload size has exceeded the limit. (${bytes} bytes)`,
      'RequestContext.sync',
    ),
  responseTooLarge: (bytes: number) =>
    new HostApiError(
      'ResponsePayloadSizeLimitExceeded',
      `The response payload size has exceeded the limit. (${bytes} bytes)`,
      'RequestContext.sync',
    ),
  apiNotFound: (what: string, version: string) =>
    new HostApiError(
      'ApiNotFound',
      `The API you are trying to use could not be found. It may be available in a newer version of Excel (ExcelApi ${version}).`,
      what,
    ),
  inCellEditMode: () =>
    new HostApiError(
      'InvalidOperationInCellEditMode',
      'The operation is not available while Excel is in Edit cell mode. Please exit the Edit mode by using ENTER or TAB keys, or by selecting another cell, and then try again.',
      'RequestContext.sync',
    ),
  notImplemented: (what: string) =>
    new HostApiError('NotImplemented', `The in-memory host does not implement ${what}.`, what),
};
