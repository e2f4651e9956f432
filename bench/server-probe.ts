// What a benchmark's forked server measures of itself: its peak resident set and the event-loop delay between
// the parent's 'start' and 'stop'.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Writable } from 'node:stream';

/** This process's peak resident set (VmHWM), from the kernel's own bookkeeping; worker threads included. */
export function peakRssMb(): number {
  const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return Math.round(Number(kb ?? 0) / 1024);
}

/**
 * Answers the parent's 'start' (reset the loop probe, then `started()`) and 'stop' (one more timer turn, so a block
 * that lasted to the end is recorded, then `stopped` with the figures). The same probe as bench/measure.ts: 10 ms
 * resolution.
 */
export function onStartStop(started: () => void, stopped: (figures: { peakRssMb: number; maxLoopDelayMs: number }) => void): void {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  process.on('message', (cmd: 'start' | 'stop') => {
    if (cmd === 'start') {
      loop.reset();
      loop.enable();
      started();
    } else {
      setTimeout(() => {
        loop.disable();
        stopped({ peakRssMb: peakRssMb(), maxLoopDelayMs: Math.round(loop.max / 1e6) });
      }, 30);
    }
  });
}

/** A sink that only counts the bytes written to it. */
export function countingSink(): { sink: Writable; bytes: () => number } {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  return { sink, bytes: () => bytes };
}
