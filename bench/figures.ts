/**
 * One measured figure of the benchmark, its budget from SPEC §7, and how the run shows and keeps
 * them: a table on stdout and bench/results.json (formatted by prettier, as the repo lints it).
 */
import { writeFile } from 'fs/promises';
import os from 'os';
import prettier from 'prettier';

export type Unit = 'ms' | 'syncs' | 'bytes' | 'KB' | 'ratio';

/** "value < limit", "value ≤ limit" or "value = limit". */
export interface Budget {
  op: '<' | '<=' | '=';
  limit: number;
}

export interface Figure {
  /** Stable identifier, e.g. "engine.evaluate-consolidate". */
  name: string;
  /** null when the figure could not be measured (see `note`). */
  value: number | null;
  unit: Unit;
  /** null: shown for information, no budget in the SPEC. */
  budget: Budget | null;
  /** 'info' when there is no budget; 'error' when the measurement itself failed. */
  status: 'pass' | 'fail' | 'info' | 'error';
  /** Raw samples and context (run counts, sizes), kept in results.json. */
  details?: Record<string, unknown>;
  note?: string;
}

export function meets(value: number, budget: Budget): boolean {
  switch (budget.op) {
    case '<':
      return value < budget.limit;
    case '<=':
      return value <= budget.limit;
    case '=':
      return value === budget.limit;
  }
}

export function figure(
  name: string,
  value: number,
  unit: Unit,
  budget: Budget | null,
  extra: Pick<Figure, 'details' | 'note'> = {},
): Figure {
  const status = budget === null ? 'info' : meets(value, budget) ? 'pass' : 'fail';
  return { name, value, unit, budget, status, ...extra };
}

/** A section that could not measure: one row that says why, so the rest of the run still reports. */
export function failedMeasurement(
  name: string,
  unit: Unit,
  budget: Budget | null,
  error: unknown,
): Figure {
  const message = error instanceof Error ? error.message : String(error);
  return { name, value: null, unit, budget, status: 'error', note: message };
}

const OP_TEXT: Record<Budget['op'], string> = { '<': '<', '<=': '≤', '=': '=' };

function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—';
  if (unit === 'bytes') return value.toLocaleString('en-US');
  if (unit === 'syncs') return String(value);
  if (unit === 'ratio') return value.toFixed(2);
  return value.toFixed(unit === 'KB' ? 1 : value < 10 ? 2 : 1);
}

function formatBudget(budget: Budget | null, unit: Unit): string {
  if (!budget) return '—';
  const limit = unit === 'bytes' ? budget.limit.toLocaleString('en-US') : String(budget.limit);
  return `${OP_TEXT[budget.op]} ${limit}`;
}

const STATUS_TEXT: Record<Figure['status'], string> = {
  pass: 'pass',
  fail: 'FAIL',
  info: '',
  error: 'ERROR',
};

/** The figures as a plain-text table, notes of failed and erroneous rows underneath. */
export function formatTable(figures: Figure[]): string {
  const header = ['figure', 'value', 'unit', 'budget', 'result'];
  const rows = figures.map((f) => [
    f.name,
    formatValue(f.value, f.unit),
    f.unit,
    formatBudget(f.budget, f.unit),
    STATUS_TEXT[f.status],
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const right = new Set([1, 3]);
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const notes = figures
    .filter((f) => f.note && f.status !== 'pass')
    .map((f) => `  ${f.name}: ${f.note}`);
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

export interface Results {
  generatedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string };
  durationSeconds: number;
  figures: Figure[];
}

export function machineInfo(): Results['machine'] {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

/** Written through prettier so the committed file passes `prettier --check .`. */
export async function writeResults(file: string, results: Results): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  const text = await prettier.format(JSON.stringify(results), { ...options, parser: 'json' });
  await writeFile(file, text);
}
