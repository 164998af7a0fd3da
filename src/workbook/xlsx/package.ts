/**
 * An opened .xlsx/.xlsm package: its zip entries, where the workbook part, its sheets, styles and
 * shared strings are (found through the relationships, as ECMA-376 Part 2 says, not by name), and
 * the parts the product changed. Writing it copies every other entry as the bytes it came with.
 */
import path from 'node:path/posix';
import {
  inflateEntry,
  inflateEntryAsync,
  makeEntry,
  makeEntryAsync,
  readZipEntries,
  writeZip,
  type ZipEntry,
} from './zip-package';
import { elements, prefixedAttribute } from './xml-text';

const OFFICE_DOCUMENT = /\/officeDocument$/;
const WORKSHEET_REL = /\/worksheet$/;
const STYLES_REL = /\/styles$/;
const SHARED_STRINGS_REL = /\/sharedStrings$/;

export interface PackageSheet {
  name: string;
  sheetId: number;
  /** Absent or "visible", "hidden", "veryHidden". */
  state: string | undefined;
  relId: string;
  /** Path of the worksheet part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  part: string;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** Path of the part a relationship of `source` points to (ECMA-376 Part 2, 9.3). */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.normalize(path.join(path.dirname(source), target));
}

/** Path of the relationships part of `part`: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPath(part: string): string {
  return path.join(path.dirname(part), '_rels', `${path.basename(part)}.rels`);
}

export function parseRelationships(xml: string): Relationship[] {
  return [...elements(xml, 'Relationship')].map(({ attrs }) => ({
    id: attrs.Id,
    type: attrs.Type ?? '',
    target: attrs.Target ?? '',
    external: attrs.TargetMode === 'External',
  }));
}

export class XlsxPackage {
  private readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** What was made from a part's text (its scan, its styles), until the part changes. */
  private readonly made = new Map<string, Map<string, unknown>>();
  readonly workbookPart: string;
  readonly sheets: PackageSheet[];
  readonly stylesPart: string | null;
  readonly sharedStringsPart: string | null;

  constructor(data: Buffer) {
    this.entries = readZipEntries(data);
    for (const entry of this.entries) this.byName.set(entry.name, entry);
    const root = parseRelationships(this.requireText('_rels/.rels'));
    const office = root.find((r) => OFFICE_DOCUMENT.test(r.type));
    if (!office) throw new Error('package without a workbook part');
    this.workbookPart = resolveTarget('', office.target);
    const rels = this.workbookRelationships();
    const target = (id: string) => {
      const rel = rels.find((r) => r.id === id);
      return rel ? resolveTarget(this.workbookPart, rel.target) : null;
    };
    const workbook = this.requireText(this.workbookPart);
    this.sheets = [];
    for (const { attrs } of elements(workbook, 'sheet')) {
      const relId = prefixedAttribute(attrs, 'id') ?? '';
      const rel = rels.find((r) => r.id === relId);
      // A chart sheet or dialog sheet is no worksheet: no cells to read or write.
      if (!rel || !WORKSHEET_REL.test(rel.type)) continue;
      this.sheets.push({
        name: attrs.name,
        sheetId: Number(attrs.sheetId),
        state: attrs.state,
        relId,
        part: resolveTarget(this.workbookPart, rel.target),
      });
    }
    const styles = rels.find((r) => STYLES_REL.test(r.type));
    this.stylesPart = styles ? target(styles.id) : null;
    const strings = rels.find((r) => SHARED_STRINGS_REL.test(r.type));
    this.sharedStringsPart = strings ? target(strings.id) : null;
  }

  get workbookRelsPart(): string {
    return relsPath(this.workbookPart);
  }

  workbookRelationships(): Relationship[] {
    return parseRelationships(this.text(this.workbookRelsPart) ?? '');
  }

  has(name: string): boolean {
    return !this.removed.has(name) && (this.byName.has(name) || this.texts.has(name));
  }

  /** A part's text (as changed so far), or null when there is no such part. */
  text(name: string): string | null {
    if (this.removed.has(name)) return null;
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const entry = this.byName.get(name);
    if (!entry) return null;
    const text = inflateEntry(entry).toString('utf8');
    this.texts.set(name, text);
    return text;
  }

  requireText(name: string): string {
    const text = this.text(name);
    if (text === null) throw new Error(`package without ${name}`);
    return text;
  }

  /**
   * What `make` makes of a part's text, made once while the part is unchanged: the reader and
   * the patcher share one scan of a sheet and one reading of the styles.
   */
  derived<T>(name: string, kind: string, make: (text: string) => T): T {
    let byKind = this.made.get(name);
    if (!byKind) this.made.set(name, (byKind = new Map()));
    if (!byKind.has(kind)) byKind.set(kind, make(this.requireText(name)));
    return byKind.get(kind) as T;
  }

  /** Changes (or adds) a part; it is deflated again when the package is written. */
  setText(name: string, text: string): void {
    this.made.delete(name);
    this.removed.delete(name);
    if (this.texts.get(name) === text && !this.changed.has(name) && this.byName.has(name)) return;
    this.texts.set(name, text);
    this.changed.add(name);
  }

  remove(name: string): void {
    this.made.delete(name);
    this.removed.add(name);
    this.changed.delete(name);
    this.texts.delete(name);
  }

  /** Names of the parts changed, added or removed: what the output differs in. */
  changedParts(): string[] {
    return [...this.changed, ...this.removed].sort();
  }

  /** Inflates the parts named (those present) on the thread pool, before they are read. */
  async preload(names: readonly string[]): Promise<void> {
    await Promise.all(
      names.map(async (name) => {
        const entry = this.byName.get(name);
        if (!entry || this.texts.has(name)) return;
        const text = (await inflateEntryAsync(entry)).toString('utf8');
        if (!this.texts.has(name)) this.texts.set(name, text);
      }),
    );
  }

  /** toBuffer, with the changed parts deflated on the thread pool. */
  async toBufferAsync(now = new Date()): Promise<Buffer> {
    const made = new Map<string, ZipEntry>();
    await Promise.all(
      [...this.changed].map(async (name) => {
        const like = this.byName.get(name);
        made.set(
          name,
          await makeEntryAsync(name, Buffer.from(this.texts.get(name)!, 'utf8'), like, now),
        );
      }),
    );
    const out: ZipEntry[] = [];
    for (const entry of this.entries) {
      if (this.removed.has(entry.name)) continue;
      out.push(made.get(entry.name) ?? entry);
    }
    for (const name of this.changed) if (!this.byName.has(name)) out.push(made.get(name)!);
    return writeZip(out);
  }

  /** The package as a zip: unchanged entries copied as they are, changed ones deflated anew. */
  toBuffer(now = new Date()): Buffer {
    const out: ZipEntry[] = [];
    for (const entry of this.entries) {
      if (this.removed.has(entry.name)) continue;
      if (this.changed.has(entry.name)) {
        out.push(makeEntry(entry.name, Buffer.from(this.texts.get(entry.name)!, 'utf8'), entry));
      } else out.push(entry);
    }
    for (const name of this.changed) {
      if (!this.byName.has(name)) {
        out.push(makeEntry(name, Buffer.from(this.texts.get(name)!, 'utf8'), undefined, now));
      }
    }
    return writeZip(out);
  }
}
