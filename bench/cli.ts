/**
 * CLI figure (SPEC §7, §11: 50 unit workbooks evaluated with one consolidated summary in at most
 * 0.5 × the time ExcelJS alone takes to read and write the same files). Both run in this process,
 * in alternating order round after round so that a busy machine weighs on both alike; the figure
 * is the ratio of the medians. The CLI side is runCli, the function `union-targets` itself runs,
 * with `evaluate <50 files> --out DIR --summary FILE`.
 */
import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'fs';
import { mkdir } from 'fs/promises';
import os from 'os';
import path from 'path';
import { loadCatalogue } from '../src/catalogue';
import { runCli, type CliIO } from '../src/cli/main';
import { figure, type Figure } from './figures';
import { median, round3, timeMs } from './timing';
import { benchUnits, unitsWorkbook } from './units';

const FILES = 50;
const ROUNDS = 10;
/** Unmeasured runs of each side first: the JIT and the file cache warm up on both alike. */
const WARMUP = 2;
const RATIO_BUDGET = 0.5;

/** ExcelJS alone: read each file, write it unchanged. */
async function copyWithExcelJs(files: string[], outDir: string): Promise<void> {
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    await wb.xlsx.writeFile(path.join(outDir, path.basename(file)));
  }
}

/** `union-targets evaluate <files> --out DIR --summary DIR/tong-hop.xlsx`, in process. */
async function evaluateWithCli(files: string[], outDir: string): Promise<void> {
  const errors: string[] = [];
  const io: CliIO = { out: () => undefined, err: (text) => errors.push(text) };
  const summary = path.join(outDir, 'tong-hop.xlsx');
  const code = await runCli(['evaluate', ...files, '--out', outDir, '--summary', summary], io);
  if (code !== 0) throw new Error(`union-targets evaluate exited ${code}: ${errors.join(' ')}`);
}

function checkCliOutputs(dir: string): void {
  const made = readdirSync(dir);
  const evaluated = made.filter((f) => f.endsWith('.evaluated.xlsx')).length;
  if (evaluated !== FILES)
    throw new Error(`the CLI wrote ${evaluated} evaluated files, not ${FILES}`);
  if (!existsSync(path.join(dir, 'tong-hop.xlsx'))) throw new Error('the CLI wrote no summary');
}

export async function benchCli(): Promise<Figure[]> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ut-bench-cli-'));
  try {
    const inputDir = path.join(root, 'in');
    await mkdir(inputDir);
    const files: string[] = [];
    for (const unit of benchUnits(FILES, loadCatalogue())) {
      const file = path.join(inputDir, `${unit.sheet.replace(/\s+/g, '-')}.xlsx`);
      await unitsWorkbook([unit]).xlsx.writeFile(file);
      files.push(file);
    }

    let run = 0;
    const fresh = async () => {
      const dir = path.join(root, `out-${run++}`);
      await mkdir(dir);
      return dir;
    };
    const sides = {
      exceljs: (dir: string) => copyWithExcelJs(files, dir),
      cli: (dir: string) => evaluateWithCli(files, dir),
    };
    const samples: Record<keyof typeof sides, number[]> = { exceljs: [], cli: [] };

    // Warm-up of both; the first CLI run is also checked: 50 evaluated files and the summary.
    for (let i = 0; i < WARMUP; i++) {
      for (const side of ['exceljs', 'cli'] as const) {
        const dir = await fresh();
        await sides[side](dir);
        if (side === 'cli' && i === 0) checkCliOutputs(dir);
        rmSync(dir, { recursive: true, force: true });
      }
    }

    for (let round = 0; round < ROUNDS; round++) {
      const order: (keyof typeof sides)[] = round % 2 ? ['cli', 'exceljs'] : ['exceljs', 'cli'];
      for (const side of order) {
        const dir = await fresh();
        samples[side].push(await timeMs(() => sides[side](dir)));
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const cli = median(samples.cli);
    const exceljs = median(samples.exceljs);
    const details = { files: FILES, rounds: ROUNDS, warmup: WARMUP, order: 'alternating' };
    return [
      figure(`cli: evaluate ${FILES} files + summary`, round3(cli), 'ms', null, {
        details: { ...details, samples: samples.cli.map(round3) },
      }),
      figure(`cli: ExcelJS read + write of the ${FILES} files`, round3(exceljs), 'ms', null, {
        details: { ...details, samples: samples.exceljs.map(round3) },
      }),
      figure(
        'cli: evaluate ÷ ExcelJS alone (medians)',
        Math.round((cli / exceljs) * 1000) / 1000,
        'ratio',
        { op: '<=', limit: RATIO_BUDGET },
      ),
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
