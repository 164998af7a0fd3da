/**
 * `npm run bench` (after `npm ci && npm run build`): the performance figures of SPEC §7, printed
 * as a table; `npm run bench -- --save` also writes them to bench/results.json (a plain run leaves
 * the working tree as it was). A missed budget prints FAIL and still exits 0; the exit code is 1
 * only when a figure could not be measured at all (the table says why).
 */
import path from 'path';
import { performance } from 'perf_hooks';
import { benchCli } from './cli';
import { benchEngine } from './engine';
import { failedMeasurement, formatTable, machineInfo, writeResults, type Figure } from './figures';
import { benchOffice } from './office';
import { benchPane } from './pane';

const RESULTS_FILE = path.join(__dirname, 'results.json');

const SECTIONS: { title: string; run: () => Promise<Figure[]> }[] = [
  { title: 'engine', run: benchEngine },
  { title: 'office', run: benchOffice },
  { title: 'cli', run: benchCli },
  { title: 'pane', run: benchPane },
];

async function main(): Promise<number> {
  const start = performance.now();
  const figures: Figure[] = [];
  for (const section of SECTIONS) {
    process.stderr.write(`bench: ${section.title}…\n`);
    try {
      figures.push(...(await section.run()));
    } catch (error) {
      figures.push(failedMeasurement(section.title, 'ms', null, error));
    }
  }
  const durationSeconds = Math.round((performance.now() - start) / 100) / 10;
  console.log(formatTable(figures));
  const save = process.argv.slice(2).includes('--save');
  if (save) {
    await writeResults(RESULTS_FILE, {
      generatedAt: new Date().toISOString(),
      machine: machineInfo(),
      durationSeconds,
      figures,
    });
  }
  const failed = figures.filter((f) => f.status === 'fail').length;
  const errors = figures.filter((f) => f.status === 'error').length;
  const where = save
    ? `written to ${path.relative(process.cwd(), RESULTS_FILE)}`
    : 'not saved (npm run bench -- --save writes bench/results.json)';
  console.log(
    `\n${figures.length} figures, ${failed} over budget, ${errors} not measured, ${durationSeconds} s; ${where}`,
  );
  return errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
