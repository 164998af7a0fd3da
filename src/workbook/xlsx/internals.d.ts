// The two ExcelJS internals that hyperlinks.ts corrects. ExcelJS ships no types for them.

declare module 'exceljs/lib/xlsx/xform/sheet/worksheet-xform' {
  interface HyperlinkModel {
    address: string;
    target?: string;
    rId?: string;
    tooltip?: string;
  }
  interface RelationshipModel {
    Id: string;
    Type: string;
    Target: string;
    TargetMode?: string;
  }
  interface WorksheetXformModel {
    hyperlinks?: HyperlinkModel[];
    rels?: RelationshipModel[];
    relationships?: RelationshipModel[];
  }
  class WorksheetXform {
    prepare(model: WorksheetXformModel, options: unknown): void;
    reconcile(model: WorksheetXformModel, options: unknown): void;
  }
  export = WorksheetXform;
}
