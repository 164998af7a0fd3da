/**
 * Applies a WritePlan (the same plan the Office.js adapter applies) to an .xlsx/.xlsm package:
 * report sheets' output cells spliced into their XML, new cell styles appended to the styles
 * part, defined names set and removed in the workbook part, the summary (and any extra sheet) a
 * new worksheet part with its relationship and content type. Every other part is left as it came
 * (SPEC §11). Everything is checked before anything changes.
 */
import path from 'node:path/posix';
import type { SheetPlan, WritePlan } from '../../template/types';
import { relsPath, resolveTarget, type XlsxPackage } from './package';
import { checkSheetWrites, PatchError, patchSheetXml, splice } from './sheet-patch';
import { relationshipsXml, sheetPlanXml } from './sheet-xml';
import { scanSheet } from './sheet-scan';
import { StyleBook } from './style-book';
import { elements, escapeXml, prefixedAttribute } from './xml-text';

const WORKSHEET_TYPE =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_CONTENT =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const STYLES_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

/** The styles part a package without one gets: one font, the two fills Excel requires, one xf. */
export const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The write plan, as every adapter applies it (src/template/types.ts). */
export type PatchPlan = WritePlan;

interface SheetEntry {
  start: number;
  end: number;
  name: string;
  sheetId: number;
  relId: string;
}

function workbookSheets(workbook: string): SheetEntry[] {
  const start = workbook.indexOf('<sheets');
  const end = workbook.indexOf('</sheets>', start);
  return [...elements(workbook, 'sheet', start, end < 0 ? workbook.length : end)].map((e) => ({
    start: e.start,
    end: e.end,
    name: e.attrs.name,
    sheetId: Number(e.attrs.sheetId),
    relId: prefixedAttribute(e.attrs, 'id') ?? '',
  }));
}

function removeRelationship(rels: string, id: string): string {
  for (const e of elements(rels, 'Relationship')) {
    if (e.attrs.Id === id) return rels.slice(0, e.start) + rels.slice(e.end);
  }
  return rels;
}

function insertBefore(xml: string, close: string, text: string): string {
  const at = xml.lastIndexOf(close);
  if (at < 0) throw new Error(`no ${close}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

function addOverride(types: string, part: string, contentType: string): string {
  if (types.includes(`PartName="/${part}"`)) return types;
  return insertBefore(
    types,
    '</Types>',
    `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`,
  );
}

function removeOverride(types: string, part: string): string {
  for (const e of elements(types, 'Override')) {
    if (e.attrs.PartName === `/${part}`) return types.slice(0, e.start) + types.slice(e.end);
  }
  return types;
}

function freeRelId(rels: string): string {
  const ids = new Set([...elements(rels, 'Relationship')].map((e) => e.attrs.Id));
  for (let n = ids.size + 1; ; n++) if (!ids.has(`rId${n}`)) return `rId${n}`;
}

/** The prefix bound to the relationships namespace in the workbook part ("r" nearly always). */
function relPrefix(workbook: string): string | null {
  const m = new RegExp(`xmlns:([\\w.-]+)="${REL_NS}"`).exec(workbook);
  return m ? m[1] : null;
}

interface DefinedName {
  start: number;
  end: number;
  name: string;
  localSheetId: number | null;
}

function definedNames(workbook: string): DefinedName[] {
  const start = workbook.indexOf('<definedNames');
  if (start < 0) return [];
  const end = workbook.indexOf('</definedNames>', start);
  return [...elements(workbook, 'definedName', start, end)].map((e) => ({
    start: e.start,
    end: e.end,
    name: e.attrs.name,
    localSheetId: e.attrs.localSheetId !== undefined ? Number(e.attrs.localSheetId) : null,
  }));
}

/** Adds `<definedName>` elements, making the `<definedNames>` list after `</sheets>` if needed. */
function addDefinedNames(workbook: string, added: string): string {
  if (added === '') return workbook;
  if (workbook.includes('</definedNames>')) return insertBefore(workbook, '</definedNames>', added);
  const self = /<definedNames\s*\/>/.exec(workbook);
  if (self) return workbook.replace(self[0], `<definedNames>${added}</definedNames>`);
  const at = workbook.indexOf('</sheets>') + '</sheets>'.length;
  return `${workbook.slice(0, at)}<definedNames>${added}</definedNames>${workbook.slice(at)}`;
}

export class PackagePatcher {
  private workbook: string;
  private rels: string;
  private types: string;
  private readonly styles: StyleBook;
  private stylesPart: string;

  constructor(private readonly pkg: XlsxPackage) {
    this.workbook = pkg.requireText(pkg.workbookPart);
    this.rels = pkg.requireText(pkg.workbookRelsPart);
    this.types = pkg.requireText('[Content_Types].xml');
    this.stylesPart = pkg.stylesPart ?? path.join(path.dirname(pkg.workbookPart), 'styles.xml');
    this.styles = pkg.stylesPart
      ? pkg.derived(pkg.stylesPart, 'styles', (xml) => new StyleBook(xml))
      : new StyleBook(MINIMAL_STYLES);
  }

  /** Applies `plan`; throws PatchError (nothing changed) when it does not fit the workbook. */
  apply(plan: PatchPlan): void {
    const targets = plan.sheets.map((writes) => {
      const sheet = this.pkg.sheets.find((s) => s.name === writes.sheet);
      if (!sheet) {
        throw new PatchError({
          vi: `Không còn trang "${writes.sheet}" để ghi kết quả.`,
          en: `Sheet "${writes.sheet}" is no longer there to write the results to.`,
        });
      }
      const xml = this.pkg.requireText(sheet.part);
      checkSheetWrites(writes.sheet, xml, writes.cells);
      return { sheet, xml, writes };
    });
    const newSheets = [plan.summary, ...(plan.extraSheets ?? [])].filter(
      (s): s is SheetPlan => s !== undefined,
    );
    const deleting = new Set(plan.deleteSheets ?? []);
    for (const sheet of newSheets) {
      const existing = workbookSheets(this.workbook).find((s) => s.name === sheet.name);
      if (existing && !sheet.replace && !deleting.has(sheet.name)) {
        throw new PatchError({
          vi: `Đã có trang "${sheet.name}" do người dùng tạo; không ghi đè lên nó.`,
          en: `A sheet "${sheet.name}" made by the user already exists; it is not overwritten.`,
        });
      }
    }

    for (const name of plan.deleteSheets ?? []) {
      if (!newSheets.some((s) => s.name === name)) this.removeSheet(name);
    }
    for (const { sheet, xml, writes } of targets) {
      const scan = this.pkg.derived(sheet.part, 'scan', scanSheet);
      this.pkg.setText(sheet.part, patchSheetXml(xml, writes.cells, this.styles, scan));
    }
    this.updateNames(plan.deleteNames ?? [], plan.setNames ?? {});
    for (const sheet of newSheets) this.putSheet(sheet);
    this.save();
  }

  private save(): void {
    if (this.styles.changed) {
      this.pkg.setText(this.stylesPart, this.styles.toXml());
      if (!this.pkg.stylesPart) {
        const target = path.relative(path.dirname(this.pkg.workbookPart), this.stylesPart);
        this.rels = insertBefore(
          this.rels,
          '</Relationships>',
          `<Relationship Id="${freeRelId(this.rels)}" Type="${STYLES_TYPE}" Target="${target}"/>`,
        );
        this.types = addOverride(this.types, this.stylesPart, STYLES_CONTENT);
      }
    }
    this.pkg.setText(this.pkg.workbookPart, this.workbook);
    this.pkg.setText(this.pkg.workbookRelsPart, this.rels);
    this.pkg.setText('[Content_Types].xml', this.types);
  }

  private updateNames(remove: readonly string[], set: Record<string, string>): void {
    const gone = new Set([...remove, ...Object.keys(set)]);
    const edits = definedNames(this.workbook)
      .filter((d) => d.localSheetId === null && gone.has(d.name))
      .map((d) => ({ start: d.start, end: d.end, text: '' }));
    this.workbook = splice(this.workbook, edits);
    const added = Object.entries(set)
      .map(
        ([name, ref]) => `<definedName name="${escapeXml(name)}">${escapeXml(ref)}</definedName>`,
      )
      .join('');
    this.workbook = addDefinedNames(this.workbook, added);
  }

  /** Removes a sheet made by the add-in: its entry, relationship, part and content type. */
  private removeSheet(name: string): void {
    const sheets = workbookSheets(this.workbook);
    const index = sheets.findIndex((s) => s.name === name);
    if (index < 0) return;
    const entry = sheets[index];
    const rel = this.pkg.workbookRelationships().find((r) => r.id === entry.relId);
    this.workbook = this.workbook.slice(0, entry.start) + this.workbook.slice(entry.end);
    // Sheet-scoped names count sheets by position: those of later sheets move down by one.
    const edits = definedNames(this.workbook).flatMap((d) => {
      if (d.localSheetId === null || d.localSheetId < index) return [];
      if (d.localSheetId === index) return [{ start: d.start, end: d.end, text: '' }];
      const text = this.workbook
        .slice(d.start, d.end)
        .replace(/localSheetId="\d+"/, `localSheetId="${d.localSheetId - 1}"`);
      return [{ start: d.start, end: d.end, text }];
    });
    this.workbook = splice(this.workbook, edits);
    this.workbook = this.workbook.replace(/\bactiveTab="(\d+)"/, (whole, tab: string) => {
      const n = Number(tab);
      return n >= index && n > 0 ? `activeTab="${n - 1}"` : whole;
    });
    this.rels = removeRelationship(this.rels, entry.relId);
    if (rel) {
      const part = resolveTarget(this.pkg.workbookPart, rel.target);
      this.pkg.remove(part);
      this.pkg.remove(relsPath(part));
      this.types = removeOverride(this.types, part);
    }
  }

  /** Writes a whole sheet: over an earlier add-in sheet of that name, or as a new part. */
  private putSheet(plan: SheetPlan): void {
    const part = sheetPlanXml(plan, this.styles);
    const sheets = workbookSheets(this.workbook);
    let index = sheets.findIndex((s) => s.name === plan.name);
    let partName: string;
    if (index >= 0) {
      const rel = this.pkg.workbookRelationships().find((r) => r.id === sheets[index].relId);
      if (!rel) throw new Error(`sheet "${plan.name}" has no relationship`);
      partName = resolveTarget(this.pkg.workbookPart, rel.target);
    } else {
      const dir = path.join(path.dirname(this.pkg.workbookPart), 'worksheets');
      let n = sheets.length + 1;
      while (this.pkg.has(path.join(dir, `sheet${n}.xml`))) n++;
      partName = path.join(dir, `sheet${n}.xml`);
      const relId = freeRelId(this.rels);
      const target = path.relative(path.dirname(this.pkg.workbookPart), partName);
      this.rels = insertBefore(
        this.rels,
        '</Relationships>',
        `<Relationship Id="${relId}" Type="${WORKSHEET_TYPE}" Target="${target}"/>`,
      );
      this.types = addOverride(this.types, partName, WORKSHEET_CONTENT);
      const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
      const prefix = relPrefix(this.workbook);
      const idAttr = prefix ? `${prefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
      this.workbook = insertBefore(
        this.workbook,
        '</sheets>',
        `<sheet name="${escapeXml(plan.name)}" sheetId="${sheetId}" ${idAttr}/>`,
      );
      index = sheets.length;
    }
    this.pkg.setText(partName, part.xml);
    if (part.relationships.length > 0) {
      this.pkg.setText(relsPath(partName), relationshipsXml(part.relationships));
    } else if (this.pkg.has(relsPath(partName))) this.pkg.remove(relsPath(partName));

    // Print titles are a name scoped to the sheet; an earlier one of this sheet is replaced.
    const edits = definedNames(this.workbook)
      .filter((d) => d.localSheetId === index && d.name === '_xlnm.Print_Titles')
      .map((d) => ({ start: d.start, end: d.end, text: '' }));
    this.workbook = splice(this.workbook, edits);
    if (part.printTitles) {
      this.workbook = addDefinedNames(
        this.workbook,
        `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeXml(part.printTitles)}</definedName>`,
      );
    }
  }
}

/** Applies a plan to a package (see PackagePatcher). */
export function applyPlanToPackage(pkg: XlsxPackage, plan: PatchPlan): void {
  new PackagePatcher(pkg).apply(plan);
}
