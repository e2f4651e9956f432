// The zip guard refuses bombs, DTDs, unsafe names and oversized sheets quickly and without growing the process.
import { describe, expect, it } from 'vitest';
import { guardOds } from '../../src/ingest/zip-guard.js';
import { buildZip, deflatedRepeat, type ZipEntrySpec } from '../../fixtures/zip-writer.js';
import { LimitError, UnreadableFileError, defaultLimits } from '../../src/ingest/limits.js';
import { readXlsx } from '../../src/ingest/read/xlsx.js';
import {
  billionLaughsXlsx,
  externalEntityXlsx,
  manyEntriesXlsx,
  minimalXlsx,
  pathTraversalXlsx,
  zipBombXlsx,
} from '../../fixtures/hostile.js';
import type { BombOptions } from '../../fixtures/hostile.js';

/** Runs `fn`, returning what it threw, the wall time and the RSS growth. */
async function measure(fn: () => Promise<unknown>): Promise<{ err: unknown; ms: number; rssMb: number }> {
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const t0 = performance.now();
  let err: unknown = null;
  try {
    await fn();
  } catch (e) {
    err = e;
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { err, ms: performance.now() - t0, rssMb: (peak - rss0) / 1024 / 1024 };
}

describe('the zip guard, as the xlsx reader applies it', () => {
  it('passes a minimal workbook', async () => {
    const wb = await readXlsx(minimalXlsx(), defaultLimits);
    expect(wb.sheets.map((s) => s.rows)).toEqual([[{ row: 1, cells: ['Date'] }]]);
    expect(wb.date1904).toBe(false);
  });

  it('reads date1904="true" (which exceljs misses) as well as "1"', async () => {
    expect((await readXlsx(minimalXlsx(undefined, undefined, '<workbookPr date1904="true"/>'), defaultLimits)).date1904).toBe(true);
    expect((await readXlsx(minimalXlsx(undefined, undefined, '<workbookPr date1904="1"/>'), defaultLimits)).date1904).toBe(true);
    expect((await readXlsx(minimalXlsx(undefined, undefined, '<workbookPr date1904="0"/>'), defaultLimits)).date1904).toBe(false);
  });

  it('refuses a 1 GiB bomb that declares its size, before inflating anything', async () => {
    const bomb = zipBombXlsx({ lie: false });
    const { err, ms } = await measure(() => readXlsx(bomb, defaultLimits));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('inflated-size');
    expect(ms).toBeLessThan(200);
  });

  it.each<[string, BombOptions, Partial<typeof defaultLimits>, string]>([
    ['a sheet of <row/> that lies about its size', {}, {}, 'cells'],
    ['a sheet of blanks that lies about its size', { pattern: ' '.repeat(64) }, {}, 'compression-ratio'],
    ['a media part that lies about its size', { part: 'media' }, {}, 'compression-ratio'],
    ['a media part, ratio check off', { part: 'media' }, { maxRatio: 1e9 }, 'inflated-size'],
  ])('refuses %s by counting the actual bytes, in < 2 s and < 100 MB', async (_label, opts, limits, limit) => {
    const bomb = zipBombXlsx(opts);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const { err, ms, rssMb } = await measure(() => readXlsx(bomb, { ...defaultLimits, ...limits }));
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe(limit);
    expect((err as LimitError).kind).toBe('over-limit');
    expect(ms).toBeLessThan(2000);
    expect(rssMb).toBeLessThan(100);
  });

  it('refuses a billion-laughs DTD in sharedStrings.xml', async () => {
    const { err, ms } = await measure(() => readXlsx(billionLaughsXlsx(), defaultLimits));
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe('xml-dtd');
    expect((err as UnreadableFileError).kind).toBe('unreadable-file');
    expect(ms).toBeLessThan(500);
  });

  it('refuses an external entity (XXE)', async () => {
    await expect(readXlsx(externalEntityXlsx(), defaultLimits)).rejects.toMatchObject({ reason: 'xml-dtd' });
  });

  it.each(['../evil.sh', '/etc/cron.d/evil', 'xl/../../evil', 'C:\\evil.bat', 'xl\\..\\..\\evil'])('refuses the entry name %s', async (name) => {
    const err = await readXlsx(pathTraversalXlsx(name), defaultLimits).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe('unsafe-entry-name');
    expect((err as Error).message).not.toContain('evil');
  });

  it('refuses more entries than the limit', async () => {
    await expect(readXlsx(manyEntriesXlsx(5000), defaultLimits)).rejects.toMatchObject({ limit: 'zip-entries' });
  });

  it('refuses a sheet with more rows than the limit', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    const xlsx = minimalXlsx(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`);
    await expect(readXlsx(xlsx, { ...defaultLimits, maxRows: 10 })).rejects.toMatchObject({ limit: 'rows' });
    expect((await readXlsx(xlsx, { ...defaultLimits, maxRows: 11 })).sheets[0]?.rows).toHaveLength(11);
  });

  it('refuses a truncated zip as unreadable', async () => {
    const xlsx = minimalXlsx();
    await expect(readXlsx(xlsx.subarray(0, xlsx.length - 30), defaultLimits)).rejects.toBeInstanceOf(UnreadableFileError);
  });
});

describe('guardOds', () => {
  const ods = (content: string, extra: ZipEntrySpec[] = []): Buffer =>
    buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }, { name: 'content.xml', data: Buffer.from(content) }, ...extra]);

  it('passes an ods with a content part', async () => {
    await expect(guardOds(ods('<office:document-content/>'), defaultLimits)).resolves.toBeUndefined();
  });

  it('refuses a DTD in any XML part, naming the file as an .ods', async () => {
    await expect(guardOds(ods('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'), defaultLimits)).rejects.toMatchObject({ reason: 'xml-dtd', message: expect.stringMatching(/\.ods file/) });
  });

  it('refuses a part that lies about its size, by counting, before SheetJS inflates it', async () => {
    const bomb = deflatedRepeat('<table:table-row/>'.padEnd(32, ' '), 1024 * 1024 * 1024);
    const file = ods('<x/>', [{ name: 'Pictures/big.png', deflated: bomb.deflated, inflatedSize: bomb.inflatedSize, declaredSize: 4096 }]);
    const { err, ms } = await measure(() => guardOds(file, defaultLimits));
    expect(err).toBeInstanceOf(LimitError);
    expect(['compression-ratio', 'inflated-size']).toContain((err as LimitError).limit);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses an ods without its content part', async () => {
    await expect(guardOds(buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true }]), defaultLimits)).rejects.toMatchObject({ reason: 'not-ods' });
  });
});
