// The in-memory Excel host (test/host/browser-entry.ts) bundled for the browser, served in place
// of Office.js, and the sample workbook as its seed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Page } from 'playwright-core';
import { seedFromXlsx } from '../host/seed-xlsx';
import type { WorkbookModel } from '../host/model';
import { ROOT } from './dist';
import { writeSampleWorkbook } from './sample-workbook';

/** The host as one classic script, built now from its sources. */
export async function buildHostScript(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'test/host/browser-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The sample workbook of two units, written with ExcelJS and read back as the host's model. */
export async function sampleSeed(): Promise<WorkbookModel> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ut-sample-'));
  try {
    const file = path.join(dir, 'sample.xlsx');
    await writeSampleWorkbook(file);
    return await seedFromXlsx(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Gives the page its workbook and Office's display language before any of its scripts run. */
export async function seedPage(page: Page, seed: WorkbookModel, displayLanguage = 'vi-VN') {
  await page.addInitScript(
    ({ model, lang }) => {
      const target = window as unknown as { __UT_SEED__: unknown; __UT_LANG__: string };
      target.__UT_SEED__ = model;
      target.__UT_LANG__ = lang;
    },
    { model: seed, lang: displayLanguage },
  );
}
