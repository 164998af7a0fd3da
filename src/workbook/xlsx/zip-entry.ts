/**
 * One small part of an .xlsx (a zip) read without loading the workbook, e.g. docProps/core.xml to
 * see who made a file before deciding whether it may be replaced.
 */
import { readFileSync } from 'node:fs';
import { inflateEntry, readZipEntries } from './zip-package';

/** The text of entry `name`, or null when the file is no zip, lacks it, or it cannot be read. */
export function readZipEntryText(file: string, name: string): string | null {
  try {
    const entry = readZipEntries(readFileSync(file)).find((e) => e.name === name);
    return entry ? inflateEntry(entry).toString('utf8') : null;
  } catch {
    return null;
  }
}
