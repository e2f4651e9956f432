// The PDF export read back with poppler: every entry's text, the header and "Page N of M" on every page, the names
// mode and sign-off state on page 1, a long narrative split across pages with markers, and a page 1 that has ink.
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/chronology/types.js';
import { timelineRowTexts, TIMELINE_COLUMNS } from '../../src/export/columns.js';
import type { ExportContext } from '../../src/export/export-context.js';
import { OutputClosedError } from '../../src/export/pdf-stream.js';
import { writeTimelinePdf, type PdfResult } from '../../src/export/to-pdf.js';
import { decodePng, inkShare, pdfInfo, pdfPages, renderPng, squash } from './pdf-tools.js';
import { manyEntries, sampleContext, sampleTimeline } from './sample-timeline.js';

/** A sink that keeps the bytes and answers each write asynchronously, as a socket would. */
function collector(highWaterMark = 16 * 1024): { sink: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  });
  return { sink, bytes: () => Buffer.concat(chunks) };
}

async function pdfOf(entries: Iterable<TimelineEntry> | AsyncIterable<TimelineEntry>, ctx: ExportContext = sampleContext): Promise<{ pdf: Buffer; result: PdfResult }> {
  const { sink, bytes } = collector();
  const result = await writeTimelinePdf(entries, ctx, sink);
  return { pdf: bytes(), result };
}

/** The header's words (a narrow column's label wraps: 'Victim' / 'seen'). */
const HEADER_WORDS = TIMELINE_COLUMNS.flatMap((c) => c.split(' '));

/** The header's words, in order, near the top of the page (before the first entry's text). */
function hasHeader(page: string): boolean {
  let at = 0;
  for (const w of HEADER_WORDS) {
    const i = page.indexOf(w, at);
    if (i < 0) return false;
    at = i + w.length;
  }
  return true;
}

/** A long narrative of numbered words, and a 600-character token no line can hold. */
const LONG_EVENT = `${Array.from({ length: 3500 }, (_, i) => `w${i}`).join(' ')} ${'Q'.repeat(600)} the end.`;

describe('the PDF export', () => {
  it('is landscape A4, a PDF poppler reads, with the fonts embedded', async () => {
    const { pdf, result } = await pdfOf(sampleTimeline);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = await pdfInfo(pdf);
    expect(info['Page size']).toMatch(/^841\.89 x 595\.28 pts \(A4\)/);
    expect(Number(info.Pages)).toBe(result.pages);
    expect(info.Title).toBe(sampleContext.caseTitle);
    expect(result.entries).toBe(sampleTimeline.length);
  });

  it('holds every entry’s text, each cell as written (line breaks aside)', async () => {
    const { pdf } = await pdfOf(sampleTimeline);
    const all = squash((await pdfPages(pdf, { raw: true })).join('\n'));
    for (const e of sampleTimeline) {
      const texts = timelineRowTexts(e);
      for (const c of TIMELINE_COLUMNS) expect(all, `${e.id} ${c}`).toContain(squash(texts[c]));
    }
    // Spreadsheet formula text is only text here: printed as written, with no prefix.
    expect(all).toContain(squash('=HYPERLINK("http://example.com","click")'));
  });

  it('prints accents typed as combining marks, curly quotes and non-Latin letters the font has', async () => {
    const text = 'Siobha\u0301n’s “safety plan”: Zoe\u0308, Łódź, Ελένη, Ольга, naïve café';
    const e: TimelineEntry = { ...sampleTimeline[1]!, id: 'marks', event: text };
    const all = (await pdfPages((await pdfOf([e])).pdf, { raw: true })).join('\n');
    // pdftotext gives the marks back composed or not; compare in one normal form.
    expect(squash(all.normalize('NFC'))).toContain(squash(text.normalize('NFC')));
  });

  it('repeats the column header and numbers every page "Page N of M" while streaming', async () => {
    const entries = [...manyEntries(600)];
    const { pdf, result } = await pdfOf(Readable.from(entries));
    expect(result.pages).toBeGreaterThan(5);
    const pages = await pdfPages(pdf, { raw: true });
    expect(pages).toHaveLength(result.pages);
    pages.forEach((text, i) => {
      expect(hasHeader(text), `page ${i + 1} has the header`).toBe(true);
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${result.pages}`);
    });
    const all = squash(pages.join('\n'));
    for (const e of entries) expect(all, e.id).toContain(squash(e.event));
    expect(pages.at(-1)).toContain('End of the chronology: 600 entries.');
  });

  it('states the names mode and a sign-off that holds on page 1, with the role and date and nobody’s name', async () => {
    const ctx: ExportContext = { ...sampleContext, signOff: { state: 'holds', at: '2024-05-30T09:05:00.000Z', role: 'chair' } };
    const [first, second] = await pdfPages((await pdfOf(manyEntries(200), ctx)).pdf);
    expect(first).toContain('Names are anonymised: people are referred to by their initials');
    expect(squash(first ?? '')).toContain(squash('Signed off: the anonymised timeline was signed off for publication by the chair on 30/05/2024 10:05'));
    expect(second).not.toContain('Signed off');
    expect(squash(first ?? '')).toContain(squash('Agencies: Police (version 2, 3 entries); GP Surgery (version 1, 1 entry)'));
  });

  it.each([
    [{ state: 'void', at: '2024-05-30T09:05:00.000Z', role: 'chair' } as const, 'Not signed off: a sign-off by the chair on 30/05/2024 10:05 no longer holds'],
    [{ state: 'none' } as const, 'Not signed off: the anonymised timeline has not been signed off for publication.'],
    [{ state: 'not-shown' } as const, 'Sign-off: not shown in this export.'],
  ])('says so on page 1 when the sign-off is %o', async (signOff, words) => {
    const [first] = await pdfPages((await pdfOf(sampleTimeline, { ...sampleContext, signOff })).pdf);
    expect(squash(first ?? '')).toContain(squash(words));
  });

  it('warns on page 1 and in every footer when names are real, and says no sign-off covers it', async () => {
    const ctx: ExportContext = { ...sampleContext, namesMode: 'real', signOff: { state: 'holds', at: '2024-05-30T09:05:00.000Z', role: 'chair' } };
    const pages = await pdfPages((await pdfOf(manyEntries(200), ctx)).pdf);
    expect(squash(pages[0] ?? '')).toContain(squash('NOT ANONYMISED: this version contains real names'));
    expect(squash(pages[0] ?? '')).toContain(squash('A sign-off never covers a real-names export such as this one.'));
    for (const p of pages) expect(p).toContain('REAL NAMES: not for publication');
  });

  it('splits a row taller than a page across pages with markers, and loses none of its text', async () => {
    const long: TimelineEntry = { ...sampleTimeline[2]!, id: 'long', event: LONG_EVENT, outcome: null, comment: null, source: null, professional: null, contact: null, seen: null, flags: [] };
    const { pdf, result } = await pdfOf([sampleTimeline[0]!, long, sampleTimeline[3]!]);
    expect(result.pages).toBeGreaterThanOrEqual(3);
    const pages = await pdfPages(pdf, { raw: true });
    expect(pages[0]).toContain('continues on the next page');
    expect(pages[1]).toContain('(continued) 03/04/2013 17:00, Police');
    // Put the pages' lines back together without the page furniture, the header and the markers.
    const furniture = (l: string): boolean =>
      /^DHR 2024\/03 — Adult A: combined chronology$|^Page \d+ of \d+|^\(continued\) |^continues on the next page$/.test(l) || l.split(/\s+/).every((w) => HEADER_WORDS.includes(w));
    const body = pages.flatMap((p) => p.split('\n')).filter((l) => !furniture(l.trim())).join('\n');
    expect(squash(body)).toContain(squash(LONG_EVENT));
  });

  it('keeps a row that fits on one page whole: it moves to the next page instead of splitting', async () => {
    const tall: TimelineEntry = { ...sampleTimeline[3]!, id: 'tall', event: Array.from({ length: 520 }, (_, i) => `t${i}`).join(' ') };
    const { pdf } = await pdfOf([...manyEntries(30), tall]);
    const pages = await pdfPages(pdf, { raw: true });
    const holding = pages.map((p, i) => [i, squash(p).includes('t0t1t2') ? 1 : 0, squash(p).includes('t518t519') ? 1 : 0] as const).filter(([, a, b]) => a || b);
    expect(holding).toHaveLength(1);
    expect(holding[0]?.[1]).toBe(1);
    expect(holding[0]?.[2]).toBe(1);
    expect(pages.join('\n')).not.toContain('continues on the next page');
  });

  it('prints an empty timeline as a header and a note', async () => {
    const { pdf, result } = await pdfOf([]);
    expect(result).toEqual({ pages: 1, entries: 0 });
    const [first] = await pdfPages(pdf);
    expect(first).toContain('No entries match.');
    expect(first).toContain('Page 1 of 1');
  });

  it('renders page 1 to a PNG with ink on it', async () => {
    const png = await renderPng((await pdfOf(sampleTimeline)).pdf, 1);
    const bmp = decodePng(png);
    expect(bmp.width).toBeGreaterThan(bmp.height);
    const ink = inkShare(bmp);
    expect(ink).toBeGreaterThan(0.02);
    expect(ink).toBeLessThan(0.6);
  });

  it('stops pulling entries when the output is destroyed (a client that went away)', async () => {
    let pulled = 0;
    function* counted(): Generator<TimelineEntry> {
      for (const e of manyEntries(20_000)) {
        pulled++;
        yield e;
      }
    }
    const { sink } = collector(1024);
    let written = 0;
    sink.on('pipe', () => undefined);
    const origWrite = sink.write.bind(sink);
    sink.write = ((chunk: Buffer, ...rest: never[]) => {
      written += chunk.length;
      if (written > 100_000 && !sink.destroyed) setImmediate(() => sink.destroy());
      return origWrite(chunk, ...rest);
    }) as typeof sink.write;
    await expect(writeTimelinePdf(counted(), sampleContext, sink)).rejects.toBeInstanceOf(OutputClosedError);
    expect(pulled).toBeLessThan(20_000);
  });
});
