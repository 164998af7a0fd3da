/**
 * One small part of an .xlsx (a zip) read without loading the workbook, e.g. docProps/core.xml to
 * see who made a file before deciding whether it may be replaced. Reads the zip's central
 * directory (APPNOTE 4.3.12/4.3.16) and inflates only the entry asked for.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** The end record is 22 bytes plus a comment of at most 65,535. */
const MAX_END_RECORD = 22 + 0xffff;

function findEndRecord(data: Buffer): number {
  const stop = Math.max(0, data.length - MAX_END_RECORD);
  for (let i = data.length - 22; i >= stop; i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

/** The text of entry `name`, or null when the file is no zip, lacks it, or it cannot be read. */
export function readZipEntryText(file: string, name: string): string | null {
  try {
    const data = readFileSync(file);
    const end = findEndRecord(data);
    if (end < 0) return null;
    const entries = data.readUInt16LE(end + 10);
    let p = data.readUInt32LE(end + 16);
    for (let i = 0; i < entries; i++) {
      if (data.readUInt32LE(p) !== CENTRAL_FILE_HEADER) return null;
      const method = data.readUInt16LE(p + 10);
      const compressedSize = data.readUInt32LE(p + 20);
      const nameLength = data.readUInt16LE(p + 28);
      const extraLength = data.readUInt16LE(p + 30);
      const commentLength = data.readUInt16LE(p + 32);
      const localHeader = data.readUInt32LE(p + 42);
      const entryName = data.toString('utf8', p + 46, p + 46 + nameLength);
      if (entryName === name) {
        if (data.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) return null;
        const start =
          localHeader +
          30 +
          data.readUInt16LE(localHeader + 26) +
          data.readUInt16LE(localHeader + 28);
        const bytes = data.subarray(start, start + compressedSize);
        if (method === STORED) return bytes.toString('utf8');
        if (method === DEFLATED) return inflateRawSync(bytes).toString('utf8');
        return null;
      }
      p += 46 + nameLength + extraLength + commentLength;
    }
    return null;
  } catch {
    return null;
  }
}
