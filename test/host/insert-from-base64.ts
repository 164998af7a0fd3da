/**
 * `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13) in the in-memory host: the worksheets
 * named in `sheetNamesToInsert` (all by default) of the .xlsx given as base64 are copied in at the
 * end (https://learn.microsoft.com/javascript/api/excel/excel.insertworksheetoptions). The file
 * is read by the host's `readXlsx` (ExcelJS in Node), prepared before the sync that sends the
 * call, and the call's result, the new worksheets' ids, is available after that sync.
 *
 * Workbook-level names of the source are not copied: in Excel they arrive as "=#REF!…"
 * (OfficeDev/office-js#3583), and table references or links between sheets turn into links to
 * other workbooks on the web (office-js#5911, #2809); the add-in copies report sheets only, which
 * hold none of these. A name that is already taken gets " (2)", " (3)"…, as Excel names a copied
 * sheet; the add-in renames the sheets it inserts right after anyway.
 */
import { hostErrors } from './errors';
import { cloneModel, newSheetId, type SheetModel, type WorkbookModel } from './model';
import type { HostRequestContext } from './proxies';

export interface InsertWorksheetOptions {
  sheetNamesToInsert?: string[];
  positionType?: string;
  relativeTo?: string;
}

/** Reads .xlsx bytes into the host's model (Node: ExcelJS; see xlsx-bytes.ts). */
export type XlsxReader = (bytes: Uint8Array) => Promise<WorkbookModel>;

const API = '1.13';

function freeName(name: string, sheets: SheetModel[]): string {
  const taken = new Set(sheets.map((s) => s.name.toLocaleLowerCase()));
  if (!taken.has(name.toLocaleLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

export function insertWorksheetsFromBase64(
  context: HostRequestContext,
  reader: XlsxReader | undefined,
  base64File: string,
  options: InsertWorksheetOptions = {},
): { readonly value: string[] } {
  let ids: string[] | null = null;
  let parsed: WorkbookModel | null = null;
  let failure: unknown = null;
  if (context.backend.supports(API) && reader) {
    context.prepare(
      (async () => {
        try {
          parsed = await reader(Uint8Array.from(atob(base64File), (ch) => ch.charCodeAt(0)));
        } catch (error) {
          failure = error;
        }
      })(),
    );
  }
  context.enqueue({
    json: {
      path: 'workbook',
      action: 'call',
      name: 'insertWorksheetsFromBase64',
      value: [base64File, options],
    },
    run: () => {
      if (!context.backend.supports(API)) {
        throw hostErrors.apiNotFound('Workbook.insertWorksheetsFromBase64', API);
      }
      if (!reader) throw hostErrors.notImplemented('insertWorksheetsFromBase64 without a reader');
      if (failure !== null || parsed === null) {
        throw hostErrors.invalidArgument('Workbook.insertWorksheetsFromBase64', 'base64File');
      }
      const source = cloneModel(parsed);
      const names = options.sheetNamesToInsert ?? [];
      const wanted =
        names.length === 0
          ? source.sheets
          : names.map((name) => {
              const sheet = source.sheets.find((s) => s.name === name);
              if (!sheet) {
                throw hostErrors.invalidArgument('Workbook.insertWorksheetsFromBase64', name);
              }
              return sheet;
            });
      const model = context.backend.model;
      if (model.structureProtected) {
        throw hostErrors.accessDenied('Workbook.insertWorksheetsFromBase64');
      }
      const inserted: string[] = [];
      for (const sheet of wanted) {
        const copy: SheetModel = {
          ...sheet,
          id: newSheetId(),
          name: freeName(sheet.name, model.sheets),
        };
        model.sheets.push(copy);
        inserted.push(copy.id);
      }
      return {
        commit: () => {
          ids = inserted;
        },
        response: inserted,
      };
    },
  });
  return {
    get value(): string[] {
      if (ids === null) throw hostErrors.propertyNotLoaded('ClientResult', 'value');
      return ids;
    },
  };
}
