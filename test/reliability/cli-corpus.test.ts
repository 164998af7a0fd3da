/**
 * The corpus through the command line (issue 5, "done when"): `union-targets evaluate` on each
 * fixture gets the specific message with the right sheet and cell (in the JSON), never changes
 * its input, changes nothing in the output outside the output cells of rule rows, and for a
 * workbook it cannot evaluate or write exits 1 naming the file, writing nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { STATUS_INFO } from '../../src/engine/status';
import type { JsonReport } from '../../src/cli/json';
import { cli, listFiles } from '../fixtures/cli-run';
import { CASES, LARGE_CASES, type Case, type Expectation } from './corpus';
import {
  evaluateXlsx,
  fileName,
  makeTempDir,
  madeSheetNames,
  outputCells,
  readXlsxFile,
  removeTempDir,
  saveFixture,
} from './pipeline';
import { diffWorkbooks, workbookState } from './workbook-state';

let dir: string;
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(() => removeTempDir(dir));

function expectInJson(json: JsonReport, e: Expectation): void {
  if ('code' in e) {
    const unit = json.units.find((u) => u.sheet === e.sheet);
    const result = unit?.results.find((r) => r.code === e.code);
    expect({ code: e.code, status: result?.status }).toEqual({ code: e.code, status: e.status });
    expect(result!.message).toMatch(e.message);
    if (e.status === 'INVALID') {
      const issue = json.issues.find((i) => i.sheet === e.sheet && i.cell === e.cell);
      expect(issue?.message).toMatch(e.message);
      expect(issue?.message).toContain(e.sheet);
    }
    return;
  }
  const issue = json.issues.find(
    (i) => i.sheet === e.sheet && i.cell === e.cell && e.message.test(i.message),
  );
  expect({ sheet: e.sheet, cell: e.cell, found: Boolean(issue) }).toEqual({
    sheet: e.sheet,
    cell: e.cell,
    found: true,
  });
  expect(issue!.severity).toBe(e.severity);
}

describe.each([...CASES, ...LARGE_CASES])('$name, on the command line', (c: Case) => {
  let input: string;
  let out: string;
  let bytes: Buffer;
  let run: Awaited<ReturnType<typeof cli>>;
  beforeAll(async () => {
    const folder = path.join(dir, fileName(c.name));
    await fs.mkdir(folder);
    input = await saveFixture(folder, 'don-vi', c.build);
    out = path.join(folder, 'ket-qua');
    bytes = await fs.readFile(input);
    run = await cli('evaluate', input, '--out', out, '--json', '-');
  });

  it('leaves its input file exactly as it was', async () => {
    expect((await fs.readFile(input)).equals(bytes)).toBe(true);
  });

  if (c.refused || c.noReportSheet) {
    it('exits 1 naming the file and why, and writes nothing', async () => {
      expect(run.code).toBe(1);
      expect(run.err).toContain(input);
      if (c.refused) expect(run.err).toContain(`"${c.refused.sheet}"`);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(await listFiles(out).catch(() => [])).toEqual([]);
    });
    return;
  }

  it('exits 0 with the specific message, sheet and cell of each problem in the JSON', () => {
    expect({ code: run.code, err: run.code === 0 ? '' : run.err }).toEqual({ code: 0, err: '' });
    const json = JSON.parse(run.out) as JsonReport;
    for (const e of c.expect) expectInJson(json, e);
  });

  it('writes the statuses into the output, and nothing outside the output cells', async () => {
    const output = path.join(out, 'don-vi.evaluated.xlsx');
    const evaluated = await readXlsxFile(output);
    // Where the output cells are: the same evaluation, in process, of the same input.
    const { evaluation, plan } = await evaluateXlsx(input, path.join(out, '..', 'reference.xlsx'));
    const exclude = outputCells(evaluation, madeSheetNames(plan));
    const original = await readXlsxFile(input);
    expect(diffWorkbooks(workbookState(original), workbookState(evaluated), exclude)).toEqual([]);
    const wrong: string[] = [];
    for (const unit of evaluation.units) {
      if (unit.report.outputBlocked) continue;
      for (const result of unit.results) {
        const row = unit.report.rows.find((r) => r.code === result.code)!;
        // A status cell the reader keeps (merged, the unit's formula) must stay as it was: the
        // comparison above holds it to that.
        if (row.keptOutputs?.includes('status')) continue;
        const cell = evaluated.getWorksheet(unit.report.sheet)!.getCell(row.outputCells.status);
        if (cell.value !== STATUS_INFO[result.status].label.vi) {
          wrong.push(`${unit.report.sheet}!${cell.address} ${result.code}: ${cell.value}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
