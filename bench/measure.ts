// Runs one measured step in this process and reports wall time, peak RSS and worst event-loop delay as JSON.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface Figures {
  name: string;
  seconds: number;
  rows?: number;
  bytes?: number;
  peakRssMb: number;
  maxLoopDelayMs: number;
  note?: string;
}

export async function measure(name: string, fn: () => Promise<{ rows?: number; bytes?: number; note?: string }>): Promise<Figures> {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  // Give the monitor its first sample before the work starts: a block at the very start is otherwise not seen.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const start = process.hrtime.bigint();
  const out = await fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // Let the monitor's own timer fire once more: a block that lasted to the end is recorded only then.
  await new Promise((resolve) => setTimeout(resolve, 30));
  loop.disable();
  return {
    name,
    seconds,
    ...out,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    maxLoopDelayMs: Math.round(loop.max / 1e6),
  };
}

/** Child processes print one line `FIGURES {json}` that bench/run.ts collects. */
export function report(f: Figures): void {
  console.log(`FIGURES ${JSON.stringify(f)}`);
}
