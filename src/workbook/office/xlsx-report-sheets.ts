/**
 * Which sheets of a unit's .xlsx are report sheets (SPEC §3: a row among the first 30 holds both
 * the code column and the Thực hiện column), found in the pane without loading the workbook: the
 * zip's central directory (APPNOTE 4.3.12), xl/workbook.xml, its relationships, the shared strings
 * and the first 30 rows of each sheet. Inflating uses the platform's DecompressionStream, so the
 * pane carries no zip library. Only these sheets are copied into the open workbook (SPEC §9).
 */
import { matchColumnLabel } from '../../template/header';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const MAX_END_RECORD = 22 + 0xffff;
const HEADER_SEARCH_ROWS = 30;

export class XlsxReadError extends Error {}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeader: number;
}

function entries(data: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - MAX_END_RECORD); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new XlsxReadError('not a zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const found = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== CENTRAL_FILE_HEADER) {
      throw new XlsxReadError('damaged zip');
    }
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(data.subarray(at + 46, at + 46 + nameLength));
    found.set(name, {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return found;
}

async function entryText(data: Uint8Array, entry: ZipEntry): Promise<string> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const start =
    entry.localHeader +
    30 +
    view.getUint16(entry.localHeader + 26, true) +
    view.getUint16(entry.localHeader + 28, true);
  const raw = data.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder().decode(raw);
  if (entry.method !== 8) throw new XlsxReadError('unknown compression');
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}

const ENTITY = /&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi;
function unescapeXml(text: string): string {
  return text.replace(ENTITY, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : '';
  });
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** The text of every <t> inside a fragment (a shared string, an inline string). */
function texts(fragment: string): string {
  let out = '';
  for (const m of fragment.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1]);
  return out;
}

/** Row number (1-based) of a cell reference such as "B12". */
function rowOf(ref: string | null): number {
  const m = ref ? /\d+$/.exec(ref) : null;
  return m ? Number(m[0]) : 0;
}

/** Whether the first 30 rows of a sheet's XML hold both a code label and a Thực hiện label. */
function isReportSheetXml(xml: string, shared: string[]): boolean {
  const rows = new Map<number, Set<string>>();
  for (const m of xml.matchAll(/<c(\s[^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const tag = m[1];
    const row = rowOf(attr(tag, 'r'));
    if (row > HEADER_SEARCH_ROWS) break;
    const type = attr(tag, 't');
    const body = m[2] ?? '';
    let text: string | null = null;
    if (type === 's') {
      const v = /<v>(\d+)<\/v>/.exec(body);
      text = v ? (shared[Number(v[1])] ?? null) : null;
    } else if (type === 'inlineStr') text = texts(body);
    else if (type === 'str') text = unescapeXml(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
    if (!text) continue;
    const key = matchColumnLabel(text.trim());
    if (key !== 'code' && key !== 'actual') continue;
    const keys = rows.get(row) ?? new Set<string>();
    keys.add(key);
    rows.set(row, keys);
  }
  // The header may take two rows (SPEC §3): a code label above and Thực hiện below, or the reverse.
  for (const [row, keys] of rows) {
    const below = rows.get(row + 1);
    if (keys.size === 2 || (below && new Set([...keys, ...below]).size === 2)) return true;
  }
  return false;
}

/** The workbook's sheet names in tab order, and which of them are report sheets. */
export async function reportSheetsOfXlsx(
  bytes: Uint8Array,
): Promise<{ sheets: string[]; reportSheets: string[] }> {
  const zip = entries(bytes);
  const read = async (name: string): Promise<string | null> => {
    const entry = zip.get(name);
    return entry ? entryText(bytes, entry) : null;
  };
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new XlsxReadError('no workbook part');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) {
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      targets.set(id, path.replace(/\/\.\//g, '/'));
    }
  }
  const sharedXml = (await read('xl/sharedStrings.xml')) ?? '';
  const shared = [...sharedXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => texts(m[1]));
  const sheets: string[] = [];
  const reportSheets: string[] = [];
  for (const m of workbook.matchAll(/<sheet\s[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = attr(m[0], 'r:id');
    if (name === null) continue;
    sheets.push(name);
    const path = id ? targets.get(id) : undefined;
    const xml = path ? await read(path) : null;
    if (xml !== null && isReportSheetXml(xml, shared)) reportSheets.push(name);
  }
  return { sheets, reportSheets };
}
