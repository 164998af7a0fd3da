/**
 * The consolidated summary's links open the unit's cell (SPEC §11), checked by an independent
 * reader: LibreOffice converts the summary to HTML, and each link must name the unit's evaluated
 * file, once, and the cell the JSON gives for that rule.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonReport } from '../../src/cli/json';
import { cli, tempFolder } from '../fixtures/cli-run';
import { addReportSheet, writeWorkbook } from '../fixtures/report-workbook';
import ExcelJS from 'exceljs';
import { convertWithLibreOffice, libreOfficeMissing } from './lossless-fixtures';

const missing = libreOfficeMissing();
if (missing && !process.env.CI) console.warn(`LibreOffice link test skipped: ${missing}`);
const withLibreOffice = missing && !process.env.CI ? describe.skip : describe;

withLibreOffice('links of the consolidated summary, as LibreOffice reads them', () => {
  let dir: string;
  beforeAll(async () => {
    if (missing) throw new Error(`Cannot run the LibreOffice test in CI: ${missing}`);
    dir = await tempFolder('links-lo');
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  test('each link opens the unit cell of the evaluated file', async () => {
    const units = [
      { file: 'tien du.xlsx', sheet: "Bob's", unit: 'LĐLĐ huyện Tiên Du' },
      { file: 'từ-sơn.xlsx', sheet: 'Báo cáo', unit: 'LĐLĐ thành phố Từ Sơn' },
    ];
    await fs.mkdir(path.join(dir, 'don vi'));
    for (const [i, u] of units.entries()) {
      const wb = new ExcelJS.Workbook();
      addReportSheet(wb, {
        name: u.sheet,
        unit: u.unit,
        rows: [
          { code: 'I.2a', actual: 9 + i, denominator: 10 },
          { code: 'I.1a', actual: 50 + i },
        ],
      });
      await writeWorkbook(wb, path.join(dir, 'don vi', u.file));
    }
    const summary = path.join(dir, 'tong hop', 'tong-hop.xlsx');
    await fs.mkdir(path.dirname(summary), { recursive: true });
    const run = await cli(
      'evaluate',
      ...units.map((u) => path.join(dir, 'don vi', u.file)),
      '--out',
      path.join(dir, 'kết quả'),
      '--summary',
      summary,
      '--json',
      '-',
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as JsonReport;

    const html = await fs.readFile(
      await convertWithLibreOffice(summary, 'html', path.join(dir, 'html')),
      'utf8',
    );
    const hrefs = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) =>
      m[1].replace(/&apos;|&#39;/g, "'").replace(/&amp;/g, '&'),
    );
    expect(hrefs.length).toBeGreaterThan(0);
    const expected = new Set(
      json.units.flatMap((unit) =>
        unit.results
          .filter((r) => r.cell !== null)
          .map((r) => {
            const output = path.join(
              dir,
              'kết quả',
              (unit.file ?? '')
                .split('/')
                .pop()!
                .replace(/\.xlsx$/, '.evaluated.xlsx'),
            );
            const sheet = /^[\p{L}\p{N}_]+$/u.test(unit.sheet)
              ? unit.sheet
              : `'${unit.sheet.replace(/'/g, "''")}'`;
            return `${output}#${sheet}!${r.cell}`;
          }),
      ),
    );
    for (const href of hrefs) {
      const [file, place, extra] = href.split('#');
      // The file once, then the cell: never the location appended to a target that has it.
      expect(extra).toBeUndefined();
      const target = fileURLToPath(file);
      expect(existsSync(target)).toBe(true);
      expect(expected.has(`${target}#${decodeURIComponent(place)}`)).toBe(true);
    }
  }, 180_000);
});
