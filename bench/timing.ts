/** Wall-clock timing with warm-up runs, and the median that every timed figure reports. */
import { performance } from 'perf_hooks';

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds, rounded to the microsecond for results.json. */
export function round3(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

export async function timeMs(work: () => unknown): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export interface Timings {
  median: number;
  samples: number[];
  warmup: number;
}

/** Runs `work` `warmup` times unmeasured (JIT, caches), then `runs` times measured. */
export async function measure(
  work: () => unknown,
  opts: { warmup: number; runs: number },
): Promise<Timings> {
  for (let i = 0; i < opts.warmup; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < opts.runs; i++) samples.push(await timeMs(work));
  return { median: median(samples), samples: samples.map(round3), warmup: opts.warmup };
}

/** What results.json keeps of a measurement besides its median: the samples and the warm-up. */
export function runs(t: Timings): { samples: number[]; warmup: number } {
  return { samples: t.samples, warmup: t.warmup };
}
