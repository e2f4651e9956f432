// Hostile and broken .xlsx files against the reader: each a domain error (413 or 422), quickly, and nothing half-read.
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/ingest/read/xlsx.js';
import { DomainError } from '../../../src/domain-error.js';
import { LimitError, UnreadableFileError, defaultLimits } from '../../../src/ingest/limits.js';
import { minimalXlsx, minimalXlsxParts } from '../../../fixtures/hostile.js';
import { buildZip, deflatedRepeat } from '../../../fixtures/zip-writer.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const sheet = (data: string, after = ''): Buffer => minimalXlsx(`<worksheet xmlns="${NS}"><sheetData>${data}</sheetData>${after}</worksheet>`);

async function refusal(buf: Buffer, limits = defaultLimits): Promise<{ err: unknown; ms: number }> {
  const t0 = performance.now();
  const err = await readXlsx(buf, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { err, ms: performance.now() - t0 };
}

describe('readXlsx refuses', () => {
  it.each<[string, Buffer, string]>([
    ['a DTD in the worksheet', minimalXlsx(`<!DOCTYPE worksheet [<!ENTITY a "b">]><worksheet xmlns="${NS}"><sheetData/></worksheet>`), 'xml-dtd'],
    ['an entity the XML does not declare', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>'), 'xml-malformed'],
    ['a character reference to NUL', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>'), 'xml-malformed'],
    ['tags that do not nest', sheet('<row r="1"><c r="A1"><v>1</c></v></row>'), 'xml-malformed'],
    ['a worksheet cut short', minimalXlsx(`<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1"><v>1</v>`), 'xml-malformed'],
    ['an attribute without quotes', sheet('<row r=1><c r="A1"><v>1</v></c></row>'), 'xml-malformed'],
    ['a shared string that is not there', sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), 'corrupt-xlsx'],
  ])('%s as a damaged file', async (label, buf, reason) => {
    const { err } = await refusal(buf);
    expect(err, label).toBeInstanceOf(UnreadableFileError);
    expect((err as UnreadableFileError).reason).toBe(reason);
  });

  it('a UTF-16 worksheet, whose DTD a byte scan would not see', async () => {
    const parts = minimalXlsxParts().map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, data: Buffer.from(`\ufeff<worksheet xmlns="${NS}"/>`, 'utf16le') } : p));
    const { err } = await refusal(buildZip(parts));
    expect((err as UnreadableFileError).reason).toBe('xml-encoding');
  });

  it('elements nested 100 000 deep, at once', async () => {
    const deep = `${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}`;
    const { err, ms } = await refusal(sheet(`<row r="1">${deep}</row>`), { ...defaultLimits, maxRatio: 1e9 });
    expect((err as UnreadableFileError).reason).toBe('xml-depth');
    expect(ms).toBeLessThan(2000);
  });

  it('a shared-string table of more items than the cell limit, without building it', async () => {
    const bomb = deflatedRepeat('<si/>   ', 50 * 1024 * 1024); // eight bytes: the 1 MiB segments stay well-formed
    const parts = minimalXlsxParts().map((p) =>
      p.name === 'xl/sharedStrings.xml' ? { name: p.name, deflated: bomb.deflated, inflatedSize: bomb.inflatedSize } : p,
    );
    const { err, ms } = await refusal(buildZip(parts), { ...defaultLimits, maxRatio: 1e9 });
    expect(err).toBeInstanceOf(LimitError);
    expect((err as LimitError).limit).toBe('cells');
    expect(ms).toBeLessThan(2000);
  });

  it('a cell past the column limit, and a cell longer than the cell limit', async () => {
    const wide = await refusal(sheet('<row r="1"><c r="BZ1"><v>1</v></c></row>'));
    expect((wide.err as LimitError).limit).toBe('columns');
    const long = await refusal(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'a'.repeat(40_000)}</t></is></c></row>`));
    expect((long.err as LimitError).limit).toBe('cell');
  });

  it('a text run far longer than any cell, without keeping it', async () => {
    const { err, ms } = await refusal(sheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'word '.repeat(1_000_000)}</t></is></c></row>`), { ...defaultLimits, maxRatio: 1e9 });
    expect((err as LimitError).limit).toBe('cell');
    expect(ms).toBeLessThan(2000);
  });

  it('a row past the row limit that has content, but not empty rows past it', async () => {
    const limits = { ...defaultLimits, maxRows: 5 };
    expect(((await refusal(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="9"><c r="A9"><v>1</v></c></row>'), limits)).err as LimitError).limit).toBe('rows');
    expect((await refusal(sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="9"/>'), limits)).err).toBeUndefined();
  });

  it('gives no error that is not a domain error for any truncation of a real workbook', async () => {
    const buf = minimalXlsx();
    for (let cut = 1; cut < buf.length; cut += 37) {
      const { err } = await refusal(buf.subarray(0, cut));
      expect(err).toBeInstanceOf(DomainError);
    }
  });
});
