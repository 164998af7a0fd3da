/**
 * An .xlsx/.xlsm package as its zip entries, each kept as the compressed bytes it came with, so a
 * part the product does not change is written back byte for byte (SPEC §11), and only the parts it
 * changes are inflated and deflated again. The zip container is read from its central directory
 * and written with node:zlib (APPNOTE.TXT 4.3); no zip library copies an entry's compressed bytes
 * through untouched without a dependency of its own (JSZip reuses them only for deflated entries,
 * through an asynchronous worker pipeline that costs more than the whole patch).
 */
import { promisify } from 'node:util';
import {
  deflateRaw,
  deflateRawSync,
  inflateRaw,
  inflateRawSync,
  crc32 as zlibCrc32,
} from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);
const inflateRawAsync = promisify(inflateRaw);

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the name is UTF-8. Bit 3 (data descriptor) is not written. */
const UTF8_NAME = 0x0800;
const DATA_DESCRIPTOR = 0x0008;
const MAX_END_RECORD = 22 + 0xffff;
/** Deflate level of the parts the product rewrites: small parts, so speed over a few bytes. */
const DEFLATE_LEVEL = 3;

/** A zip the package reader cannot take apart (not a zip, Zip64, encrypted, unknown method). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  /** The compressed bytes as they are in the file. */
  raw: Buffer;
  /** Kept from the central directory, so a copied entry keeps its attributes. */
  versionMadeBy: number;
  versionNeeded: number;
  internalAttributes: number;
  externalAttributes: number;
  extra: Buffer;
}

function crc32(data: Buffer): number {
  return zlibCrc32(data) >>> 0;
}

function findEndRecord(data: Buffer): number {
  const stop = Math.max(0, data.length - MAX_END_RECORD);
  for (let i = data.length - 22; i >= stop; i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  return -1;
}

/** Every entry of a zip, in the order of its central directory. */
export function readZipEntries(data: Buffer): ZipEntry[] {
  const end = findEndRecord(data);
  if (end < 0) throw new ZipFormatError('no end of central directory');
  const count = data.readUInt16LE(end + 10);
  let p = data.readUInt32LE(end + 16);
  if (p === ZIP64_MARK) throw new ZipFormatError('Zip64 is not supported');
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL_FILE_HEADER) {
      throw new ZipFormatError('damaged central directory');
    }
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const compressedSize = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    if (compressedSize === ZIP64_MARK || size === ZIP64_MARK || local === ZIP64_MARK) {
      throw new ZipFormatError('Zip64 is not supported');
    }
    if (flags & 0x0001) throw new ZipFormatError('encrypted entry');
    if (method !== STORED && method !== DEFLATED) throw new ZipFormatError('unknown method');
    if (data.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new ZipFormatError('bad entry');
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    if (start + compressedSize > data.length) throw new ZipFormatError('truncated entry');
    entries.push({
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
      method,
      flags,
      time: data.readUInt16LE(p + 12),
      date: data.readUInt16LE(p + 14),
      crc: data.readUInt32LE(p + 16),
      size,
      raw: data.subarray(start, start + compressedSize),
      versionMadeBy: data.readUInt16LE(p + 4),
      versionNeeded: data.readUInt16LE(p + 6),
      internalAttributes: data.readUInt16LE(p + 36),
      externalAttributes: data.readUInt32LE(p + 38),
      extra: Buffer.from(data.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of an entry. */
export function inflateEntry(entry: ZipEntry): Buffer {
  const bytes = entry.method === STORED ? entry.raw : inflateRawSync(entry.raw);
  if (bytes.length !== entry.size) throw new ZipFormatError(`bad size of ${entry.name}`);
  return bytes;
}

/** The same, inflated on libuv's thread pool: a batch of files uses every core. */
export async function inflateEntryAsync(entry: ZipEntry): Promise<Buffer> {
  const bytes = entry.method === STORED ? entry.raw : await inflateRawAsync(entry.raw);
  if (bytes.length !== entry.size) throw new ZipFormatError(`bad size of ${entry.name}`);
  return bytes;
}

function dosDateTime(now: Date): { time: number; date: number } {
  return {
    time: (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2),
    date: ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
  };
}

/** A new entry (or a changed part) deflated; attributes of `like` kept when it replaces one. */
export function makeEntry(
  name: string,
  content: Buffer,
  like?: ZipEntry,
  now = new Date(),
): ZipEntry {
  const stamp = like ?? { ...dosDateTime(now) };
  return {
    name,
    method: DEFLATED,
    flags: Buffer.byteLength(name) !== name.length ? UTF8_NAME : 0,
    time: stamp.time,
    date: stamp.date,
    crc: crc32(content),
    size: content.length,
    raw: deflateRawSync(content, { level: DEFLATE_LEVEL }),
    versionMadeBy: like?.versionMadeBy ?? 20,
    versionNeeded: 20,
    internalAttributes: like?.internalAttributes ?? 0,
    externalAttributes: like?.externalAttributes ?? 0,
    extra: Buffer.alloc(0),
  };
}

/** makeEntry, deflated on the thread pool. */
export async function makeEntryAsync(
  name: string,
  content: Buffer,
  like?: ZipEntry,
  now = new Date(),
): Promise<ZipEntry> {
  const entry = makeEntry(name, Buffer.alloc(0), like, now);
  return {
    ...entry,
    crc: crc32(content),
    size: content.length,
    raw: await deflateRawAsync(content, { level: DEFLATE_LEVEL }),
  };
}

/** The zip file of `entries`, in their order; each entry's compressed bytes are copied as they are. */
export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // The sizes and CRC go in the local header, so no data descriptor follows the data.
    const flags = entry.flags & ~DATA_DESCRIPTOR;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    local.writeUInt16LE(entry.versionNeeded, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.raw.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, name, entry.raw);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_FILE_HEADER, 0);
    header.writeUInt16LE(entry.versionMadeBy, 4);
    header.writeUInt16LE(entry.versionNeeded, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(entry.time, 12);
    header.writeUInt16LE(entry.date, 14);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.raw.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(entry.extra.length, 30);
    header.writeUInt16LE(0, 32);
    header.writeUInt16LE(0, 34);
    header.writeUInt16LE(entry.internalAttributes, 36);
    header.writeUInt32LE(entry.externalAttributes >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name, entry.extra);
    offset += 30 + name.length + entry.raw.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
