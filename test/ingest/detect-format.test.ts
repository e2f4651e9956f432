// Format detection: the readable formats by their bytes, and every refused format named with what to do.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, readsWithSheetJs } from '../../src/ingest/detect-format.js';
import { UnreadableFileError, UnsupportedFormatError, defaultLimits } from '../../src/ingest/limits.js';
import { buildUpload } from '../../src/ingest/read-upload.js';
import { FILES_DIR } from '../../fixtures/paths.js';
import { buildZip } from '../../fixtures/zip-writer.js';
import { encryptedOffice } from '../../fixtures/hostile-office.js';

const file = (name: string): Buffer => readFileSync(join(FILES_DIR, name));

function refusal(buf: Buffer, name?: string): UnsupportedFormatError {
  try {
    detectFormat(buf, name);
  } catch (err) {
    if (err instanceof UnsupportedFormatError) return err;
    throw err;
  }
  throw new Error('expected UnsupportedFormatError');
}

describe('detectFormat', () => {
  it.each([
    ['gm-police.xlsx', 'xlsx'],
    ['darlington-gp.xlsx', 'xlsx'],
    ['libreoffice-saved.xlsx', 'xlsx'],
    ['housing-1252.csv', 'csv'],
    ['idva-utf8bom.csv', 'csv'],
    ['gm-police.xls', 'xls'],
    ['darlington-gp.ods', 'ods'],
    ['gm-police.docx', 'docx'],
    ['imr.docx', 'docx'],
  ])('reads %s as %s', (name, format) => {
    expect(detectFormat(file(name), name)).toBe(format);
  });

  it('sends .xls and .ods, and only those, to the SheetJS worker, by their first bytes', () => {
    const chosen = ['gm-police.xls', 'darlington-gp.xls', 'gm-police.ods', 'darlington-gp.ods', 'gm-police.xlsx', 'gm-police.docx', 'idva-utf8bom.csv', 'imr.pdf'].filter((n) => readsWithSheetJs(file(n)));
    expect(chosen).toEqual(['gm-police.xls', 'darlington-gp.xls', 'gm-police.ods', 'darlington-gp.ods']);
  });

  it('goes by the bytes, not the name: a CSV called .xls is a CSV', () => {
    expect(detectFormat(file('housing-1252.csv'), 'chronology.xls')).toBe('csv');
  });

  it('treats UTF-16 with a BOM as text despite its NUL bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date,Event\r\n', 'utf16le')]);
    expect(detectFormat(utf16)).toBe('csv');
    expect(detectFormat(Buffer.from('Date,Event\r\n03/04/2013,x\r\n', 'utf16le'))).toBe('csv');
  });

  it('refuses imr.pdf as a PDF and says what to do', () => {
    const err = refusal(file('imr.pdf'), 'imr.pdf');
    expect(err.format).toBe('pdf');
    expect(err.kind).toBe('unsupported-format');
    expect(err.message).toMatch(/PDF document.*\.xlsx/);
  });

  it.each([
    ['a Windows program', Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), 'executable'],
    ['an ELF program', Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), 'executable'],
    ['a PNG', Buffer.from('\x89PNG\r\n\x1a\n\x00\x00', 'latin1'), 'image'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image'],
    ['a zip of other things', buildZip([{ name: 'chronology/notes.txt', data: Buffer.from('hi') }]), 'zip'],
    ['an xlsb', buildZip([{ name: 'xl/workbook.bin', data: Buffer.from('x') }]), 'xlsb'],
    ['a password-protected workbook or document', encryptedOffice(), 'encrypted-office'],
    ['a legacy Word .doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('WordDocument', 'utf16le')]), 'doc'],
    ['an OpenDocument text', buildZip([{ name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), store: true }]), 'odf'],
    ['an HTML table named .xls', Buffer.from('<html><body><table><tr><td>Date</td></tr></table></body></html>'), 'html'],
    ['binary noise', Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32)), 'binary'],
  ])('refuses %s', (_label, buf, format) => {
    expect(refusal(buf).format).toBe(format);
  });

  it('names no file content or file name in its messages', () => {
    const err = refusal(file('imr.pdf'), 'Sarah Thompson IMR.pdf');
    expect(err.message).not.toMatch(/Sarah|Thompson/);
  });

  it('refuses an empty file as unreadable', () => {
    expect(() => detectFormat(Buffer.alloc(0))).toThrow(UnreadableFileError);
  });
});

describe('buildUpload', () => {
  it('refuses a file over the size limit before looking at it', async () => {
    await expect(buildUpload(Buffer.alloc(2048), 'x.csv', { ...defaultLimits, maxFileBytes: 1024 }, {})).rejects.toMatchObject({ limit: 'file-size', kind: 'over-limit' });
  });

  it('reads an xlsx and a csv through one entry point', async () => {
    expect(await buildUpload(file('gm-police.xlsx'), undefined, defaultLimits, {})).toMatchObject({ ok: true, report: { sheet: 'Chronology' } });
    expect(await buildUpload(file('idva-utf8bom.csv'), undefined, defaultLimits, {})).toMatchObject({ ok: true, report: { sheet: 'CSV' } });
  });
});
