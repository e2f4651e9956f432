// Streaming exports: 100 000 entries through CSV, XLSX and DOCX to a counting sink without holding them all.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { timelineToCsv } from '../../src/export/to-csv.js';
import { writeTimelineDocx } from '../../src/export/to-docx.js';
import { writeTimelineXlsx } from '../../src/export/to-xlsx.js';
import { manyEntries, sampleContext } from './sample-timeline.js';

const N = 100_000;
const MB = 1024 * 1024;

/** A sink that counts bytes and records the peak RSS seen while writing. */
function countingSink(): { sink: Writable; bytes: () => number; peakRss: () => number } {
  let bytes = 0;
  let peak = process.memoryUsage.rss();
  let writes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (++writes % 50 === 0) peak = Math.max(peak, process.memoryUsage.rss());
      // Answer asynchronously, like a socket, so backpressure is real.
      setImmediate(done);
    },
  });
  return { sink, bytes: () => bytes, peakRss: () => Math.max(peak, process.memoryUsage.rss()) };
}

describe('streaming exports', () => {
  it(`streams ${N} entries as CSV with modest memory`, { timeout: 120_000 }, async () => {
    const before = process.memoryUsage.rss();
    const { sink, bytes, peakRss } = countingSink();
    await pipeline(timelineToCsv(manyEntries(N)), sink);
    expect(bytes()).toBeGreaterThan(N * 100);
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });

  it(`streams ${N} entries as XLSX with modest memory`, { timeout: 120_000 }, async () => {
    const before = process.memoryUsage.rss();
    const { sink, bytes, peakRss } = countingSink();
    await writeTimelineXlsx(manyEntries(N), sampleContext, sink);
    expect(bytes()).toBeGreaterThan(N * 20);
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });

  it(`streams ${N} entries as DOCX with modest memory (no cap on entries)`, { timeout: 120_000 }, async () => {
    const before = process.memoryUsage.rss();
    const { sink, bytes, peakRss } = countingSink();
    await writeTimelineDocx(manyEntries(N), sampleContext, sink);
    expect(bytes()).toBeGreaterThan(N * 5); // a table of short rows compresses about fortyfold
    expect(peakRss() - before).toBeLessThan(300 * MB);
  });
});
